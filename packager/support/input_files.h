// packager/support/input_files.h — the files a command was given: files as they are, folders searched
// recursively (hidden files skipped), sorted, each once; what does not exist is reported.
#pragma once

#include <filesystem>
#include <vector>

#include "core/base/diagnostic.h"

namespace ssmix::packager {

struct InputFiles {
    std::vector<std::filesystem::path> files;
    std::vector<Diagnostic> diagnostics;
};

[[nodiscard]] InputFiles gather_files(const std::vector<std::filesystem::path>& paths);

}  // namespace ssmix::packager
