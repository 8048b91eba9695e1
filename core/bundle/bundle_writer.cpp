// core/bundle/bundle_writer.cpp — deflate, pack into chunks, record where each stream lies.
#include "core/bundle/bundle_writer.h"

#include <algorithm>

#include "core/base/sha256.h"
#include "core/bundle/chunk_script.h"
#include "core/bundle/deflate.h"

namespace ssmix::bundle {

BundleWriter::BundleWriter(ChunkSink sink, BundleOptions options) : sink_(std::move(sink)), options_(options) {
    options_.chunk_bytes = std::max<std::size_t>(options_.chunk_bytes, 1024);
}

PreparedFile prepare_file(ByteView bytes) { return {bytes.size(), sha256_hex(bytes), deflate_bytes(bytes, bundle_deflate_level)}; }

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

void BundleWriter::end_start_chunks() {
    if (!payload_.empty()) flush_chunk();
    manifest_.start_chunks = static_cast<std::uint32_t>(manifest_.chunk_sizes.size());
}

Manifest BundleWriter::finish() {
    if (!payload_.empty()) flush_chunk();
    std::sort(manifest_.files.begin(), manifest_.files.end(),
              [](const BundledFile& a, const BundledFile& b) { return a.path < b.path; });
    return std::move(manifest_);
}

}  // namespace ssmix::bundle
