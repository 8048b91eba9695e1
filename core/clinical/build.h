// core/clinical/build.h — builds a ClinicalRecord from a standardized storage seen through a
// FileSource (the disk natively; the disc's SSMIX2/ folder in the viewer). Only current
// versions (flag 1) by default; the care-date range filters dated data.
#pragma once

#include <string>

#include "core/base/file_source.h"
#include "core/clinical/record.h"

namespace ssmix::clinical {

struct RecordOptions {
    std::string prefix;             // the storage's folder inside the FileSource ("" or "SSMIX2/")
    std::string from, to;           // YYYYMMDD, inclusive; empty = open
    bool include_history = false;   // also superseded versions (flag 2)
};

[[nodiscard]] ClinicalRecord build_record(FileSource& storage, const std::string& patient_id, const RecordOptions& options = {});

}  // namespace ssmix::clinical
