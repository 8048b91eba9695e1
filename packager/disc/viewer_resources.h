// packager/disc/viewer_resources.h — where the built viewer (VIEWER.JS, INDEX.HTM) is found:
// --viewer-dir, else $SSMIX_VIEWER_DIR, else <dir of ssmix>/../share/ssmix/viewer (the same
// relative place in the build tree and in an installation).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ssmix::packager {

struct ViewerResources {
    std::filesystem::path viewer_js;
    std::filesystem::path index_htm;
};

// Empty with `problem` set when the files are not there.
[[nodiscard]] std::optional<ViewerResources> find_viewer(const std::filesystem::path& explicit_dir, std::string& problem);

}  // namespace ssmix::packager
