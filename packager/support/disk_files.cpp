// packager/support/disk_files.cpp — FileSource over a folder of the disk.
#include "packager/support/disk_files.h"

#include <algorithm>
#include <system_error>

#include "core/base/durable_file.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

DiskFiles::DiskFiles(fs::path root) : root_(std::move(root)) {}

std::vector<FileEntry> DiskFiles::list() const {
    std::vector<FileEntry> entries;
    for (const auto& entry : fs::recursive_directory_iterator(root_)) {
        if (!entry.is_regular_file()) continue;
        entries.push_back({fs::relative(entry.path(), root_).generic_string(), entry.file_size()});
    }
    std::sort(entries.begin(), entries.end(), [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
    return entries;
}

FileRead DiskFiles::read(const std::string& path) {
    const fs::path full = root_ / path;
    std::error_code ec;
    if (!fs::is_regular_file(full, ec)) return {ReadStatus::missing, {}, {}};
    try {
        return {ReadStatus::ready, read_file(full), {}};
    } catch (const std::system_error& e) {
        return {ReadStatus::failed, {}, {error({full.string(), 0, ""}, "io.read", e.what())}};
    }
}

}  // namespace ssmix::packager
