// core/ssmix2/patient_files.h — one patient's message files in a standardized storage seen
// through a FileSource, chosen by version (current, or with history) and care-date period.
// Date-less data ("-" folder: demographics, allergies, problems) is always included.
#pragma once

#include <string>
#include <vector>

#include "core/base/file_source.h"
#include "core/ssmix2/naming.h"

namespace ssmix::ssmix2 {

struct PatientFileOptions {
    std::string prefix;              // the storage's folder inside the FileSource ("" or "SSMIX2/")
    std::string from, to;            // YYYYMMDD, inclusive; empty = open
    bool include_history = false;    // flag 2 too
};

struct PatientFile {
    std::string path;                // as in the FileSource
    FileName name;
};

// Sorted by care date, then timestamp. Empty for an unsafe patient ID.
[[nodiscard]] std::vector<PatientFile> patient_files(const FileSource& storage, const std::string& patient_id,
                                                     const PatientFileOptions& options = {});

}  // namespace ssmix::ssmix2
