// tests/unit/bundle/deflate_test.cpp — tests core/bundle/deflate.cpp.
#include <doctest/doctest.h>

#include "core/bundle/deflate.h"

using namespace ssmix;
using namespace ssmix::bundle;

namespace {
Bytes sample(std::size_t n) {
    Bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>((i * 7919) % 251 ^ (i >> 9));
    return b;
}
}  // namespace

TEST_CASE("deflate: round trip at the fastest and smallest levels") {
    const Bytes original = sample(100000);
    for (int level : {1, 6, 9}) {
        const Bytes stream = deflate_bytes(original, level);
        const auto inflated = inflate_bytes(stream, original.size());
        REQUIRE(inflated.bytes);
        CHECK(*inflated.bytes == original);
    }
}

TEST_CASE("deflate: a truncated stream is reported, not returned short") {
    const Bytes original = sample(50000);
    Bytes stream = deflate_bytes(original, 6);
    stream.resize(stream.size() / 2);
    const auto inflated = inflate_bytes(stream, original.size());
    CHECK_FALSE(inflated.bytes);
    CHECK_FALSE(inflated.problem.empty());
}

TEST_CASE("deflate: a stream whose size differs from the manifest's is refused") {
    const Bytes original = sample(1000);
    const Bytes stream = deflate_bytes(original, 6);
    CHECK_FALSE(inflate_bytes(stream, 999).bytes);
    CHECK_FALSE(inflate_bytes(stream, 1001).bytes);
}

TEST_CASE("deflate: garbage is reported with zlib's reason") {
    const Bytes garbage = {0x12, 0x34, 0x56, 0x78, 0x9a};
    const auto inflated = inflate_bytes(garbage, 10);
    CHECK_FALSE(inflated.bytes);
    CHECK(inflated.problem.find("header") != std::string::npos);
}
