// viewer-wasm/bundle_chunks.cpp — the page decodes each chunk's base64 (natively, web/loader.js).
// Eviction never drops a chunk used in the current UI frame: a file read gathers pointers to
// all its chunks within one frame.
#include "viewer-wasm/bundle_chunks.h"

namespace ssmix::viewer {

BundleChunks::BundleChunks(RequestScript request, std::size_t cache_bytes)
    : request_(std::move(request)), cache_bytes_(cache_bytes) {}

const Bytes* BundleChunks::payload(std::uint32_t chunk) {
    if (auto it = cache_.find(chunk); it != cache_.end()) {
        it->second.last_used = generation_;
        return &it->second.payload;
    }
    if (requested_.insert(chunk).second) request_(chunk);
    return nullptr;
}

void BundleChunks::arrived(std::uint32_t chunk, Bytes payload) {
    if (!requested_.erase(chunk)) return;   // not asked for (a stray or repeated script)
    Cached& slot = cache_[chunk];
    slot.payload = std::move(payload);   // empty when it was not base64: BundleFiles reports a size mismatch
    slot.last_used = generation_;
    cached_bytes_ += slot.payload.size();
    evict();
}

void BundleChunks::failed(std::uint32_t chunk) {
    if (!requested_.erase(chunk)) return;
    cache_[chunk] = Cached{{}, generation_};
}

void BundleChunks::evict() {
    while (cached_bytes_ > cache_bytes_) {
        auto oldest = cache_.end();
        for (auto it = cache_.begin(); it != cache_.end(); ++it)
            if (it->second.last_used < generation_ && (oldest == cache_.end() || it->second.last_used < oldest->second.last_used))
                oldest = it;
        if (oldest == cache_.end()) return;   // everything is in use this frame
        cached_bytes_ -= oldest->second.payload.size();
        cache_.erase(oldest);
    }
}

}  // namespace ssmix::viewer
