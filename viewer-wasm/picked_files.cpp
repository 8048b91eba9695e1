// viewer-wasm/picked_files.cpp
#include "viewer-wasm/picked_files.h"

#include <algorithm>

namespace ssmix::viewer {

PickedFiles::PickedFiles(RequestRead request, std::size_t cache_bytes) : request_(std::move(request)), cache_bytes_(cache_bytes) {}

void PickedFiles::add(const std::vector<FileEntry>& entries) {
    for (const auto& entry : entries) sizes_[entry.path] = entry.size;
}

void PickedFiles::remember(const std::string& path, Bytes bytes) {
    cached_bytes_ += bytes.size();
    cache_[path] = std::move(bytes);
    recent_.push_back(path);
    while (cached_bytes_ > cache_bytes_ && recent_.size() > 1) {   // keep at least the newest
        const auto oldest = cache_.find(recent_.front());
        recent_.pop_front();
        if (oldest == cache_.end()) continue;
        cached_bytes_ -= oldest->second.size();
        cache_.erase(oldest);
    }
}

void PickedFiles::arrived(const std::string& path, Bytes bytes) {
    requested_.erase(path);
    if (sizes_.count(path)) remember(path, std::move(bytes));
}

void PickedFiles::failed(const std::string& path, const std::string& why) {
    requested_.erase(path);
    failures_[path] = why;
}

std::vector<FileEntry> PickedFiles::list() const {
    std::vector<FileEntry> entries;
    for (const auto& [path, size] : sizes_) entries.push_back({path, size});
    return entries;
}

FileRead PickedFiles::read(const std::string& path) {
    if (!sizes_.count(path)) return {};
    if (const auto cached = cache_.find(path); cached != cache_.end()) {
        recent_.remove(path);
        recent_.push_back(path);
        return {ReadStatus::ready, cached->second, {}};
    }
    if (const auto failure = failures_.find(path); failure != failures_.end())
        return {ReadStatus::failed, {}, {error({path, 0, ""}, "viewer.picked.unreadable", "cannot read the picked file: " + failure->second)}};
    if (requested_.insert(path).second) request_(path);
    return {ReadStatus::pending, {}, {}};
}

DiscFiles::DiscFiles(FileSource& bundle, PickedFiles& picked) : bundle_(bundle), picked_(picked) {
    for (const auto& entry : bundle_.list()) in_bundle_.insert(entry.path);
}

std::vector<FileEntry> DiscFiles::list() const {
    std::vector<FileEntry> entries = bundle_.list();
    for (auto& entry : picked_.list())
        if (!in_bundle_.count(entry.path)) entries.push_back(std::move(entry));
    std::sort(entries.begin(), entries.end(), [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
    return entries;
}

// The bundle may hold files its listing leaves out (a series' images, found when first read).
FileRead DiscFiles::read(const std::string& path) {
    if (in_bundle_.count(path)) return bundle_.read(path);
    FileRead read = bundle_.read(path);
    return read.status == ReadStatus::missing ? picked_.read(path) : read;
}

void DiscFiles::prefetch(const std::string& path) { bundle_.prefetch(path); }   // a picked file is read when asked: it is local

}  // namespace ssmix::viewer
