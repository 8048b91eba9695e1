// packager/disc/dicom_transcode.h — DICOM files as they go on the disc: Explicit VR Little
// Endian for the CD profile STD-GEN-CD (DICOM PS3.11 Annex D), which allows no compression.
// Compressed input (JPEG baseline/extended/lossless, JPEG-LS, RLE, deflated) is decoded with
// DCMTK; input DCMTK cannot decode (JPEG 2000 ...) is refused with the reason.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/diagnostic.h"

namespace ssmix::packager {

struct DiscDicom {
    std::string input_transfer_syntax;   // name, e.g. "JPEG-LS Lossless"
    std::string transfer_syntax_uid;     // of the file written
    bool transcoded = false;
};

// Writes `input` to `output` as a DICOM Part 10 file in a transfer syntax the profile allows:
// Explicit VR Little Endian for STD-GEN-CD; with keep_compressed (STD-GEN-DVD-JPEG, PS3.11
// H.3) JPEG baseline, extended and lossless SV1 stay as they are and everything else is
// decoded. Files already right are copied byte for byte, or hard-linked with `may_link` (for
// a staging tree that only feeds the image: no copy of 500 MB). Nothing is left at `output`
// when it fails.
[[nodiscard]] Parsed<DiscDicom> write_disc_dicom(const std::filesystem::path& input, const std::filesystem::path& output,
                                                 bool keep_compressed, bool may_link = false);

}  // namespace ssmix::packager
