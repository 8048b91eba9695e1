// packager/disk_files.h — the disk as the core sees it (a FileSource over a folder), and
// durable writes: temp file + fsync + rename + fsync of the directory, so a killed run leaves
// either the old file or the new one.
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

// Reads a whole file; throws std::system_error on I/O failure (an environment problem, not bad data).
[[nodiscard]] Bytes read_file(const std::filesystem::path& path);

// Writes durably (see above). Throws std::system_error on failure; never leaves a partial file.
void write_file_atomic(const std::filesystem::path& path, ByteView bytes);

// Writes without fsync, for files inside a tree that is made durable as a whole (sync_tree).
void write_file(const std::filesystem::path& path, ByteView bytes);

// Flushes every file of the file system holding `path` to stable storage (syncfs).
void sync_file_system(const std::filesystem::path& path);

// fsync of a directory, after renaming entries in it.
void sync_directory(const std::filesystem::path& directory);

}  // namespace ssmix::packager
