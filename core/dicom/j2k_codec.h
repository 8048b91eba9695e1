// core/dicom/j2k_codec.h — JPEG 2000 (1.2.840.10008.1.2.4.90 lossless only, .91) decoded with
// OpenJPEG, wrapped as a DCMTK decompression codec, so the rest of core/dicom (rendering,
// transcoding for the disc, the viewer) decodes it like any other transfer syntax DCMTK knows.
// Registered by register_decoders(). Frames are found through the Basic Offset Table, else one
// fragment per frame, else by the codestream's start marker; a frame may be a raw codestream or
// a JP2 file. Colour codestreams with the reversible or irreversible colour transform (YBR_RCT,
// YBR_ICT) come out as RGB, as PS3.5 §8.2.4 says they are to be read.
#pragma once

#include <string_view>

namespace ssmix::dicom {

void register_j2k_decoder();   // idempotent

// High-Throughput JPEG 2000 (1.2.840.10008.1.2.4.201 lossless, .202 RPCL lossless, .203):
// DCMTK 3.6.7 does not know these transfer syntaxes, OpenJPEG 2.5 decodes their codestreams.
// read_dataset reads such a file's pixel data as JPEG 2000, so this codec decodes it; its
// name, for people, or nullptr when `uid` is not one of them.
[[nodiscard]] const char* htj2k_name(std::string_view uid);

}  // namespace ssmix::dicom
