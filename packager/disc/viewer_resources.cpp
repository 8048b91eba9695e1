// packager/disc/viewer_resources.cpp — resolves the viewer folder relative to /proc/self/exe.
#include "packager/disc/viewer_resources.h"

#include <cstdlib>

namespace ssmix::packager {
namespace fs = std::filesystem;

std::optional<ViewerResources> find_viewer(const fs::path& explicit_dir, std::string& problem) {
    fs::path dir = explicit_dir;
    if (dir.empty()) {
        if (const char* env = std::getenv("SSMIX_VIEWER_DIR"); env && *env) dir = env;
    }
    if (dir.empty()) {
        std::error_code ec;
        const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        dir = exe.parent_path().parent_path() / "share" / "ssmix" / "viewer";
    }
    ViewerResources found{dir / "VIEWER.JS", dir / "INDEX.HTM"};
    for (const auto& file : {found.viewer_js, found.index_htm}) {
        if (!fs::is_regular_file(file)) {
            problem = "the viewer is not built: " + file.string() +
                      " is missing (build it with scripts/build.sh, or point --viewer-dir at it)";
            return std::nullopt;
        }
    }
    return found;
}

}  // namespace ssmix::packager
