// core/bundle/deflate.h — zlib streams (RFC 1950/1951) for the viewer data bundle.
#pragma once

#include <optional>
#include <string>

#include "core/base/bytes.h"

namespace ssmix::bundle {

// level 1 (fastest) .. 9 (smallest); the packager picks (see README, "Viewer data bundle").
[[nodiscard]] Bytes deflate_bytes(ByteView bytes, int level);

struct Inflated {
    std::optional<Bytes> bytes;
    std::string problem;   // set when bytes is empty: zlib's reason, or a size mismatch
};

// Inflates one zlib stream that must decode to exactly expected_size bytes.
[[nodiscard]] Inflated inflate_bytes(ByteView stream, std::size_t expected_size);

}  // namespace ssmix::bundle
