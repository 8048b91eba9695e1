// core/dicom/disc_encoding.h — DICOM files as they go on a disc. The media profile decides the
// transfer syntax (DICOM PS3.11): STD-GEN-CD allows only Explicit VR Little Endian, so a CD-R
// gets every compressed file decoded; STD-GEN-DVD-JPEG (Annex H.3) also keeps JPEG baseline,
// extended and lossless SV1 as they are, STD-GEN-DVD-J2K JPEG 2000 (lossless or not). A
// file-set has one profile. Files already right go on unchanged; the others are
// decoded with DCMTK and written anew, in memory, so the caller can put the same bytes on the
// disc, into the viewer's data and into a key image without reading them again.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/dicom/dataset.h"

namespace ssmix::dicom {

enum class DiscProfile { cd_uncompressed, dvd_jpeg, dvd_j2k };

// The DVD profile that keeps the most of these files as they are.
[[nodiscard]] DiscProfile dvd_profile_for(const std::vector<std::string>& syntax_uids);

// The transfer syntax a file in `syntax_uid` has on a disc of `profile`, and whether it must
// be transcoded to get it.
struct DiscEncoding {
    std::string syntax_uid;
    bool transcode = false;
};
[[nodiscard]] DiscEncoding disc_encoding(const std::string& syntax_uid, DiscProfile profile);

// True when DCMTK (with the decoders this program registers) can decode the syntax.
[[nodiscard]] bool can_decode(const std::string& syntax_uid);

// `source` decoded and written as a Part 10 file in `target_syntax_uid` with a fresh meta
// header; `dataset` is left holding the decoded pixels (a frame renders without decoding again).
[[nodiscard]] Parsed<Bytes> transcode(Dataset& dataset, const std::string& target_syntax_uid);

// The bytes of `dataset` as a Part 10 file, as they are (its original transfer syntax), with
// its own meta header, or with a fresh one (a dataset received over the network has none).
[[nodiscard]] Parsed<Bytes> write_part10(Dataset& dataset, bool new_meta_header = false);

// The DICOMDIR of a file-set (PS3.10 Basic Directory) with DCMTK's DicomDirInterface: PATIENT,
// STUDY, SERIES and IMAGE (or document) records for every file. `files` are paths relative to
// `root` ("DICOM/P0000001/ST000001/SE000001/IM000001"); writes root/DICOMDIR and returns the
// problems, each naming its file.
[[nodiscard]] std::vector<Diagnostic> write_dicomdir(const std::filesystem::path& root, const std::vector<std::string>& files,
                                                     DiscProfile profile, const std::string& fileset_id);

}  // namespace ssmix::dicom
