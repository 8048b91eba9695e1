// viewer-wasm/picked_files.h — files the physician picked with 「フォルダを開く」 or dropped on the
// window: another disc, a DICOM folder, or this disc's own folder for the series left out of
// the viewer data. The page lists them at once; their bytes are read on demand through the
// page (File.arrayBuffer), which answers later, so read() says pending until they arrive.
// DiscFiles shows the viewer data and the picked files as one tree (the viewer data first).
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <set>
#include <string>

#include "core/base/file_source.h"

namespace ssmix::viewer {

class PickedFiles final : public FileSource {
public:
    using RequestRead = std::function<void(const std::string& path)>;
    PickedFiles(RequestRead request, std::size_t cache_bytes);

    void add(const std::vector<FileEntry>& entries);         // the page's listing
    void arrived(const std::string& path, Bytes bytes);      // the page read a file
    void failed(const std::string& path, const std::string& why);

    [[nodiscard]] std::vector<FileEntry> list() const override;
    [[nodiscard]] FileRead read(const std::string& path) override;
    [[nodiscard]] std::size_t count() const { return sizes_.size(); }

private:
    void remember(const std::string& path, Bytes bytes);

    RequestRead request_;
    std::size_t cache_bytes_, cached_bytes_ = 0;
    std::map<std::string, std::uint64_t> sizes_;
    std::map<std::string, Bytes> cache_;
    std::list<std::string> recent_;              // least recently read first
    std::set<std::string> requested_;
    std::map<std::string, std::string> failures_;
};

class DiscFiles final : public FileSource {
public:
    DiscFiles(FileSource& bundle, PickedFiles& picked);
    [[nodiscard]] std::vector<FileEntry> list() const override;
    [[nodiscard]] FileRead read(const std::string& path) override;
    void prefetch(const std::string& path) override;

private:
    FileSource& bundle_;
    PickedFiles& picked_;
    std::set<std::string> in_bundle_;
};

}  // namespace ssmix::viewer
