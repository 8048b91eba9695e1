// core/dicom/disc_encoding.h — DICOM files as they go on a disc. The media profile decides the
// transfer syntax (DICOM PS3.11): STD-GEN-CD allows only Explicit VR Little Endian, so a CD-R
// gets every compressed file decoded; STD-GEN-DVD-JPEG (Annex H.3) also keeps JPEG baseline,
// extended and lossless SV1 as they are, STD-GEN-DVD-J2K JPEG 2000 (lossless or not). A
// file-set has one profile. Files already right go on unchanged; the others are
// decoded with DCMTK and written anew, in memory, so the caller can put the same bytes on the
// disc, into the viewer's data and into a key image without reading them again.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/dicom/dataset.h"

namespace ssmix::dicom {

enum class DiscProfile { cd_uncompressed, dvd_jpeg, dvd_j2k };

// "STD-GEN-CD", "STD-GEN-DVD-JPEG", "STD-GEN-DVD-J2K" (PS3.11 Annex D, H).
[[nodiscard]] const char* profile_name(DiscProfile profile);

// The DVD profile that keeps the most of these files as they are.
[[nodiscard]] DiscProfile dvd_profile_for(const std::vector<std::string>& syntax_uids);

// The transfer syntax a file in `syntax_uid` has on a disc of `profile`, and whether it must
// be transcoded to get it.
struct DiscEncoding {
    std::string syntax_uid;
    bool transcode = false;
};
[[nodiscard]] DiscEncoding disc_encoding(const std::string& syntax_uid, DiscProfile profile);

// True for a SOP class a DICOMDIR can list (a storage SOP class; not a private or unknown one).
[[nodiscard]] bool listable_in_dicomdir(const std::string& sop_class_uid);

// An attribute a DICOMDIR record needs that a file lacks, and that the disc's copy may carry
// without anything being invented about the patient: an empty Patient's Name (type 2, "unknown"),
// Modality OT ("other"). What else is missing is invented in the DICOMDIR record only
// (DicomdirBuilder), as dcmmkdir +I does.
struct AttributeFill {
    std::string tag;     // "(0010,0010)"
    std::string name;    // "Patient's Name"
    std::string value;
};
[[nodiscard]] std::vector<AttributeFill> dicomdir_fills(const Dataset& dataset);
void apply_fills(Dataset& dataset, const std::vector<AttributeFill>& fills);

// True when DCMTK (with the decoders this program registers) can decode the syntax.
[[nodiscard]] bool can_decode(const std::string& syntax_uid);

// `source` decoded and written as a Part 10 file in `target_syntax_uid` with a fresh meta
// header; `dataset` is left holding the decoded pixels (a frame renders without decoding again).
[[nodiscard]] Parsed<Bytes> transcode(Dataset& dataset, const std::string& target_syntax_uid);

// The bytes of `dataset` as a Part 10 file, as they are (its original transfer syntax), with
// its own meta header, or with a fresh one (a dataset received over the network has none).
[[nodiscard]] Parsed<Bytes> write_part10(Dataset& dataset, bool new_meta_header = false);

// The DICOMDIR of a file-set (PS3.10 Basic Directory), built with DCMTK's DicomDirInterface as
// the files are written: PATIENT, STUDY, SERIES and IMAGE (or document) records. `root` is the
// file-set's folder; files are named relative to it ("DICOM/P0000001/ST000001/SE000001/IM000001").
class DicomdirBuilder {
public:
    DicomdirBuilder(std::filesystem::path root, DiscProfile profile, const std::string& fileset_id);
    ~DicomdirBuilder();
    DicomdirBuilder(const DicomdirBuilder&) = delete;
    DicomdirBuilder& operator=(const DicomdirBuilder&) = delete;

    // Adds a file's records. False when the DICOMDIR cannot list it (a value the profile requires
    // is missing, and not one dcmmkdir +I would invent): the caller leaves the file out.
    // `problems` gets the refusal, and warnings for what was invented for the record, both
    // naming `source` (where the file came from).
    bool add(const std::string& file, const std::string& source, std::vector<Diagnostic>& problems);
    // Writes root/DICOMDIR.
    [[nodiscard]] std::vector<Diagnostic> write();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace ssmix::dicom
