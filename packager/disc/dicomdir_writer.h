// packager/disc/dicomdir_writer.h — the DICOMDIR of the disc (DICOM PS3.10 Basic Directory,
// profile STD-GEN-CD or a DVD/USB JPEG profile), made with DCMTK's DicomDirInterface: PATIENT,
// STUDY, SERIES and IMAGE records for every DICOM file, in the root of the tree.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"

namespace ssmix::packager {

enum class DicomProfile { cd_uncompressed, dvd_jpeg };

// `files` are disc paths ("DICOM/P0000001/ST000001/SE000001/IM000001") under `root`.
// Writes root/DICOMDIR; returns the problems (each names the file).
[[nodiscard]] std::vector<Diagnostic> write_dicomdir(const std::filesystem::path& root, const std::vector<std::string>& files,
                                                     DicomProfile profile, const std::string& fileset_id);

}  // namespace ssmix::packager
