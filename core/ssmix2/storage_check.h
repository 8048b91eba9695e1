// core/ssmix2/storage_check.h — validates an existing standardized storage the way the NHO
// checker does, and more: every file's place in the tree against its name (patient ID, hash
// folders, care date, data type, flag), its content against its name (message type, PID-3,
// care date from the data type's field), its encoding, its structure and required fields,
// and, per record, that at most one version is current. One Diagnostic per finding, placed
// at the file and, inside it, the segment and field.
#pragma once

#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/file_source.h"

namespace ssmix::ssmix2 {

struct StorageCheck {
    std::size_t files = 0;                 // message files looked at
    std::vector<Diagnostic> findings;
};

// `display_root` prefixes the paths in findings ("storage/999/901/..."). Reads every file.
[[nodiscard]] StorageCheck check_storage(FileSource& storage, const std::string& display_root);

}  // namespace ssmix::ssmix2
