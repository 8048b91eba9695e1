// packager/disc/disc_tree.h — a disc tree written as a whole: everything goes into a hidden
// staging folder beside the output first, is flushed to disk, and only then takes the final
// name. An earlier tree made by ssmix is replaced; any other existing folder is refused.
// Without a target folder (an ISO image only), the staging folder is removed at the end.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/bytes.h"

namespace ssmix::packager {

class DiscTreeWriter {
public:
    // `target`: the tree's final folder, or empty for none (then `near` places the staging
    // folder, on the file system of the other outputs). Throws std::runtime_error when
    // `target` exists and is not an earlier ssmix disc tree.
    DiscTreeWriter(std::filesystem::path target, const std::filesystem::path& near);
    ~DiscTreeWriter();   // removes the staging folder unless it became the tree

    void write(const std::string& disc_path, ByteView bytes);     // creates parent folders
    void copy(const std::string& disc_path, const std::filesystem::path& source);
    void remove(const std::string& disc_path);                   // a file or a folder
    [[nodiscard]] std::filesystem::path path(const std::string& disc_path) const { return staging_ / disc_path; }
    [[nodiscard]] const std::filesystem::path& root() const { return staging_; }
    [[nodiscard]] std::uint64_t disc_bytes() const;   // sum over all files, in whole sectors

    void commit();   // flush, then rename into place (only with a target)

private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    bool committed_ = false;
};

// Before any work: the folder that will hold `output` exists (or can be made) and is writable,
// so a mistyped path fails at once and by name. Throws std::runtime_error naming `option`.
void check_output_folder(const std::filesystem::path& output, const std::string& option);

// An existing folder that `ssmix pack` may replace: it holds INDEX.HTM and VIEWER/VIEWER.JS.
[[nodiscard]] bool is_ssmix_disc_tree(const std::filesystem::path& folder);

}  // namespace ssmix::packager
