// viewer-wasm/bundle_chunks.h — the chunk scripts of the data bundle as they arrive in the
// browser: asks the page to insert a <script> for a chunk, keeps decoded payloads in a
// bounded least-recently-used cache.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>

#include "core/bundle/bundle_files.h"

namespace ssmix::viewer {

class BundleChunks final : public bundle::ChunkProvider {
public:
    using RequestScript = std::function<void(std::uint32_t chunk)>;
    BundleChunks(RequestScript request, std::size_t cache_bytes);

    [[nodiscard]] const Bytes* payload(std::uint32_t chunk) override;

    void arrived(std::uint32_t chunk, Bytes payload);   // the chunk script ran (base64 decoded)
    void failed(std::uint32_t chunk);                   // the script could not load
    void next_generation() { ++generation_; }           // once per UI frame

    [[nodiscard]] std::size_t cached_bytes() const { return cached_bytes_; }

private:
    struct Cached {
        Bytes payload;
        std::uint64_t last_used = 0;
    };
    void evict();

    RequestScript request_;
    std::size_t cache_bytes_;
    std::size_t cached_bytes_ = 0;
    std::uint64_t generation_ = 1;
    std::map<std::uint32_t, Cached> cache_;
    std::set<std::uint32_t> requested_;
};

}  // namespace ssmix::viewer
