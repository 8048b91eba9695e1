// core/base/file_source.h — all the file access the core sees. Natively it is the disk
// (packager/disk_files.cpp); in the browser it is the viewer data bundle or the files the
// user picked (viewer-wasm/bundle_files.cpp). Paths are relative, '/'-separated, as on the disc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"

namespace ssmix {

struct FileEntry {
    std::string path;
    std::uint64_t size = 0;
};

enum class ReadStatus {
    ready,    // bytes hold the whole file
    pending,  // the bytes are on their way (a chunk script is loading): ask again later
    missing,  // no such file
    failed,   // the file exists but could not be read; diagnostic says why
};

struct FileRead {
    ReadStatus status = ReadStatus::missing;
    Bytes bytes;
    std::vector<Diagnostic> diagnostics;
};

class FileSource {
public:
    virtual ~FileSource() = default;
    [[nodiscard]] virtual std::vector<FileEntry> list() const = 0;   // every file, sorted by path
    [[nodiscard]] virtual FileRead read(const std::string& path) = 0;
    // Starts bringing a file's bytes closer (the viewer's chunk scripts) without reading it, so
    // a read soon after is not pending; nothing where reads are immediate.
    virtual void prefetch(const std::string& /*path*/) {}
};

}  // namespace ssmix
