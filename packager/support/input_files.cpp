// packager/support/input_files.cpp — recursive listing with errors as diagnostics.
#include "packager/support/input_files.h"

#include <algorithm>

namespace ssmix::packager {
namespace fs = std::filesystem;

InputFiles gather_files(const std::vector<fs::path>& paths) {
    InputFiles result;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) {
            result.files.push_back(path);
        } else if (fs::is_directory(path, ec)) {
            auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (it->path().filename().string().starts_with(".")) {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file()) result.files.push_back(it->path());
            }
            if (ec) result.diagnostics.push_back(error({path.string(), 0, ""}, "input.unreadable", "cannot list folder: " + ec.message()));
        } else {
            result.diagnostics.push_back(error({path.string(), 0, ""}, "input.missing", "no such file or folder"));
        }
    }
    std::sort(result.files.begin(), result.files.end());
    result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
    return result;
}

}  // namespace ssmix::packager
