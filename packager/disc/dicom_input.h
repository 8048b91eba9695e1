// packager/disc/dicom_input.h — finds the DICOM instances the user named (files, folders searched
// recursively), reads their headers, and reports what is not DICOM or not an image.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/dicom/disc_encoding.h"
#include "core/dicom/instance.h"

namespace ssmix::packager {

struct DicomInput {
    std::filesystem::path source;   // where the file was found
    dicom::Instance instance;
    std::string sha256;             // of the source file: the disc file's too when copied unchanged
    std::vector<dicom::AttributeFill> fills;   // what the disc's copy adds so a DICOMDIR can list it
};

struct DicomInputs {
    std::vector<DicomInput> instances;     // sorted by source path, duplicates (same SOP Instance UID) removed
    std::vector<Diagnostic> diagnostics;   // unreadable files, non-DICOM files, duplicates
};

[[nodiscard]] DicomInputs collect_dicom(const std::vector<std::filesystem::path>& paths);

}  // namespace ssmix::packager
