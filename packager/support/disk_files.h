// packager/support/disk_files.h — the disk as the core sees it: a FileSource over a folder.
// (Durable writes are in core/base/durable_file.h.)
#pragma once

#include <filesystem>

#include "core/base/file_source.h"

namespace ssmix::packager {

class DiskFiles final : public FileSource {
public:
    explicit DiskFiles(std::filesystem::path root);
    [[nodiscard]] std::vector<FileEntry> list() const override;
    [[nodiscard]] FileRead read(const std::string& path) override;

private:
    std::filesystem::path root_;
};

}  // namespace ssmix::packager
