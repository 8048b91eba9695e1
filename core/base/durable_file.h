// core/base/durable_file.h — writes that survive a crash: temp file + fsync + rename + fsync of
// the directory, so a killed run leaves either the old file or the new one (DESIGN.md,
// Conventions). Also whole-file reads and an exclusive lock on a directory. POSIX.
#pragma once

#include <filesystem>

#include "core/base/bytes.h"

namespace ssmix {

// Reads a whole file; throws std::system_error on I/O failure (an environment problem).
[[nodiscard]] Bytes read_file(const std::filesystem::path& path);

// Writes durably; throws std::system_error on failure and never leaves a partial file.
void write_file_atomic(const std::filesystem::path& path, ByteView bytes);

// Writes without fsync, for files inside a tree made durable as a whole (sync_file_system).
void write_file(const std::filesystem::path& path, ByteView bytes);

// Flushes every file of the file system holding `path` to stable storage (syncfs).
void sync_file_system(const std::filesystem::path& path);

// fsync of a directory, after creating or renaming entries in it.
void sync_directory(const std::filesystem::path& directory);

// Creates missing directories and fsyncs each new one's parent, so the new path survives a crash.
void create_directories_durable(const std::filesystem::path& directory);

// An exclusive advisory lock (flock) on a directory, held until destruction. Used per patient
// folder, so two processes writing one storage never interleave a patient's renames.
class DirectoryLock {
public:
    explicit DirectoryLock(const std::filesystem::path& directory);   // blocks until locked
    ~DirectoryLock();
    DirectoryLock(const DirectoryLock&) = delete;
    DirectoryLock& operator=(const DirectoryLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace ssmix
