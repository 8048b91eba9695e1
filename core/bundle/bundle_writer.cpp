// core/bundle/bundle_writer.cpp — deflate, pack into chunks, record where each stream lies.
#include "core/bundle/bundle_writer.h"

#include <algorithm>

#include "core/base/sha256.h"
#include "core/bundle/chunk_script.h"
#include "core/bundle/deflate.h"

namespace ssmix::bundle {

BundleWriter::BundleWriter(ChunkSink sink, BundleOptions options, ChunkRetract retract)
    : sink_(std::move(sink)), retract_(std::move(retract)), options_(options) {
    options_.chunk_bytes = std::max<std::size_t>(options_.chunk_bytes, 1024);
}

PreparedFile prepare_file(ByteView bytes) { return prepare_file(bytes, sha256_hex(bytes)); }

PreparedFile prepare_file(ByteView bytes, std::string sha256) {
    return {bytes.size(), std::move(sha256), deflate_bytes(bytes, bundle_deflate_level)};
}

void BundleWriter::add(const std::string& path, const PreparedFile& file) {
    const Bytes& stream = file.stream;
    BundledFile entry;
    entry.path = path;
    entry.size = file.size;
    entry.sha256 = file.sha256;
    entry.first_chunk = static_cast<std::uint32_t>(manifest_.chunk_sizes.size());
    entry.offset = payload_.size();
    entry.stored_size = stream.size();
    manifest_.files.push_back(std::move(entry));

    std::size_t done = 0;
    while (done < stream.size()) {
        const std::size_t room = options_.chunk_bytes - payload_.size();
        const std::size_t take = std::min(room, stream.size() - done);
        payload_.insert(payload_.end(), stream.begin() + static_cast<std::ptrdiff_t>(done),
                        stream.begin() + static_cast<std::ptrdiff_t>(done + take));
        done += take;
        if (payload_.size() == options_.chunk_bytes) flush_chunk();
    }
}

void BundleWriter::flush_chunk() {
    const auto number = static_cast<std::uint32_t>(manifest_.chunk_sizes.size());
    sink_(number, chunk_script(number, payload_));
    manifest_.chunk_sizes.push_back(payload_.size());
    payload_.clear();
}

std::uint32_t BundleWriter::reserve_chunk() {
    if (!payload_.empty()) flush_chunk();
    manifest_.chunk_sizes.push_back(0);   // filled by fill_reserved
    unfilled_.push_back(static_cast<std::uint32_t>(manifest_.chunk_sizes.size() - 1));
    return unfilled_.back();
}

void BundleWriter::fill_reserved(std::uint32_t chunk, const std::string& path, const PreparedFile& file) {
    BundledFile entry;
    entry.path = path;
    entry.size = file.size;
    entry.sha256 = file.sha256;
    entry.first_chunk = chunk;
    entry.offset = 0;
    entry.stored_size = file.stream.size();
    manifest_.files.push_back(std::move(entry));
    manifest_.chunk_sizes[chunk] = file.stream.size();
    sink_(chunk, chunk_script(chunk, file.stream));
    unfilled_.erase(std::remove(unfilled_.begin(), unfilled_.end(), chunk), unfilled_.end());
}

void BundleWriter::end_start_chunks() {
    if (!payload_.empty()) flush_chunk();
    manifest_.start_chunks = static_cast<std::uint32_t>(manifest_.chunk_sizes.size());
}

void BundleWriter::rollback(const Mark& mark) {
    for (std::size_t chunk = manifest_.chunk_sizes.size(); chunk-- > mark.chunks;)
        if (retract_) retract_(static_cast<std::uint32_t>(chunk));
    manifest_.chunk_sizes.resize(mark.chunks);
    manifest_.files.resize(mark.files);
    payload_ = mark.payload;
}

Manifest BundleWriter::finish() {
    if (!payload_.empty()) flush_chunk();
    for (const auto chunk : unfilled_) sink_(chunk, chunk_script(chunk, {}));
    unfilled_.clear();
    std::sort(manifest_.files.begin(), manifest_.files.end(),
              [](const BundledFile& a, const BundledFile& b) { return a.path < b.path; });
    return std::move(manifest_);
}

}  // namespace ssmix::bundle
