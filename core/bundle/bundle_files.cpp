// core/bundle/bundle_files.cpp — gather, inflate, verify.
#include "core/bundle/bundle_files.h"

#include <algorithm>

#include "core/base/sha256.h"
#include "core/bundle/deflate.h"

namespace ssmix::bundle {

BundleFiles::BundleFiles(Manifest manifest, ChunkProvider& chunks, ContentCheck check, std::string manifest_name, LateLookup late)
    : manifest_(std::move(manifest)), chunks_(chunks), check_(check), manifest_name_(std::move(manifest_name)), late_(std::move(late)) {}

std::vector<FileEntry> BundleFiles::list() const {
    std::vector<FileEntry> entries;
    entries.reserve(manifest_.files.size());
    for (const auto& f : manifest_.files) entries.push_back({f.path, f.size});
    return entries;
}

const BundledFile* BundleFiles::find(const std::string& path) const {
    const auto it = std::lower_bound(manifest_.files.begin(), manifest_.files.end(), path,
                                     [](const BundledFile& f, const std::string& p) { return f.path < p; });
    if (it != manifest_.files.end() && it->path == path) return &*it;
    if (!late_) return nullptr;
    auto [known, added] = late_found_.try_emplace(path);
    if (added) {
        known->second = late_(path);
        // A late entry is held to the same bounds as the table's (parse_manifest_json).
        if (known->second && (known->second->path != path || !inside_chunks(manifest_, *known->second))) known->second.reset();
    }
    return known->second ? &*known->second : nullptr;
}

void BundleFiles::prefetch(const std::string& path) {
    const BundledFile* file = find(path);
    if (!file) return;
    std::uint64_t remaining = file->stored_size + file->offset;
    for (std::uint32_t chunk = file->first_chunk; remaining > 0 && chunk < manifest_.chunk_sizes.size(); ++chunk) {
        (void)chunks_.payload(chunk);   // starts loading it when it is not here yet
        remaining -= std::min(remaining, manifest_.chunk_sizes[chunk]);
    }
}

FileRead BundleFiles::read(const std::string& path) {
    const BundledFile* found = find(path);
    if (!found) return {ReadStatus::missing, {}, {}};
    const BundledFile& file = *found;
    auto failed = [&](std::string where, std::string message) {
        return FileRead{ReadStatus::failed, {},
                        {error({manifest_name_, 0, std::move(where)}, "bundle.file.corrupt",
                               "\"" + path + "\": " + std::move(message))}};
    };

    // Ask for every chunk the stream touches first, so they load in parallel.
    std::vector<const Bytes*> parts;
    bool pending = false;
    std::uint64_t remaining = file.stored_size + file.offset;
    for (std::uint32_t chunk = file.first_chunk; remaining > 0; ++chunk) {
        if (chunk >= manifest_.chunk_sizes.size()) return failed("chunks", "stream runs past the last chunk");
        const Bytes* payload = chunks_.payload(chunk);
        if (payload && payload->size() != manifest_.chunk_sizes[chunk])
            return failed(chunk_file_name(chunk), "chunk holds " + std::to_string(payload->size()) +
                                                      " bytes, the manifest says " +
                                                      std::to_string(manifest_.chunk_sizes[chunk]));
        pending = pending || payload == nullptr;
        parts.push_back(payload);
        remaining -= std::min(remaining, manifest_.chunk_sizes[chunk]);
    }
    if (pending) return {ReadStatus::pending, {}, {}};

    Bytes stream;
    stream.reserve(file.stored_size);
    std::uint64_t skip = file.offset;
    for (const Bytes* part : parts) {
        const auto from = std::min<std::uint64_t>(skip, part->size());
        const auto take = std::min<std::uint64_t>(part->size() - from, file.stored_size - stream.size());
        stream.insert(stream.end(), part->begin() + static_cast<std::ptrdiff_t>(from),
                      part->begin() + static_cast<std::ptrdiff_t>(from + take));
        skip -= from;
    }
    auto inflated = inflate_bytes(stream, file.size);
    if (!inflated.bytes) return failed(chunk_file_name(file.first_chunk), "cannot inflate: " + inflated.problem);
    if (check_ == ContentCheck::sha256 && sha256_hex(*inflated.bytes) != file.sha256)
        return failed("sha256", "checksum does not match");
    return {ReadStatus::ready, std::move(*inflated.bytes), {}};
}

}  // namespace ssmix::bundle
