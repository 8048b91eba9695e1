// core/dicom/codecs.h — registers DCMTK's decoders (JPEG baseline/extended/lossless via IJG,
// JPEG-LS via CharLS, RLE) and ours for JPEG 2000 (OpenJPEG, j2k_codec.h) once per process,
// before any compressed pixel data is touched, and silences DCMTK's own log.
#pragma once

namespace ssmix::dicom {

void register_decoders();   // idempotent

}  // namespace ssmix::dicom
