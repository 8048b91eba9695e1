// packager/disc_tree.h — writes a disc tree as a whole: everything goes into a hidden
// sibling folder first, is flushed to disk, and only then takes the final name. An earlier
// tree made by ssmix is replaced; any other existing folder is left alone (refused).
#pragma once

#include <filesystem>
#include <string>

#include "core/base/bytes.h"

namespace ssmix::packager {

class DiscTreeWriter {
public:
    // Throws std::runtime_error when `target` exists and is not an earlier ssmix disc tree.
    explicit DiscTreeWriter(std::filesystem::path target);
    ~DiscTreeWriter();   // removes the unfinished folder if commit() was not reached

    void write(const std::string& disc_path, ByteView bytes);     // creates parent folders
    void copy(const std::string& disc_path, const std::filesystem::path& source);
    [[nodiscard]] std::uint64_t bytes_written() const { return bytes_written_; }

    void commit();   // flush, then rename into place

private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    std::uint64_t bytes_written_ = 0;
    bool committed_ = false;
};

// An existing folder that `ssmix pack` may replace: it holds INDEX.HTM and VIEWER/VIEWER.JS.
[[nodiscard]] bool is_ssmix_disc_tree(const std::filesystem::path& folder);

}  // namespace ssmix::packager
