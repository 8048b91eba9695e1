// core/dicom/instance_index.h — the headers of a disc's DICOM files as JSON, so the viewer can
// list studies and series at once instead of reading every file first: the packager writes it
// into the viewer bundle's manifest (MANIFEST.JS "images"), the viewer reads it back. Each entry
// is one file's Instance, with the disc path and the transfer syntax of the file on the disc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/dicom/instance.h"

namespace ssmix::dicom {

struct IndexedInstance {
    std::string path;   // disc path, '/'-separated
    Instance instance;
};

[[nodiscard]] std::string instance_index_json(const std::vector<IndexedInstance>& instances);

// An error names `file` and the entry; entries must have a path and a SOP Instance UID.
[[nodiscard]] Parsed<std::vector<IndexedInstance>> parse_instance_index(std::string_view json, const std::string& file);

}  // namespace ssmix::dicom
