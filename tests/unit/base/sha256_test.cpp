// tests/unit/base/sha256_test.cpp — tests core/base/sha256.cpp and sha1.cpp against FIPS 180-4 examples.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/base/sha256.h"
#include "core/base/sha1.h"
#include "core/base/sha256_blocks.h"

using ssmix::as_bytes;
using ssmix::sha256_hex;

TEST_CASE("sha256: the FIPS 180-4 example messages") {
    CHECK(sha256_hex(as_bytes("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex(as_bytes("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex(as_bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256: a million 'a' fed in uneven pieces equals one update") {
    const std::string million(1000000, 'a');
    ssmix::Sha256 pieces;
    for (std::size_t at = 0, step = 1; at < million.size(); at += step, step = step * 7 % 997 + 1)
        pieces.update(as_bytes(std::string_view(million).substr(at, step)));
    CHECK(ssmix::to_hex(pieces.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: lengths around the 55/56/64-byte padding boundaries differ from each other") {
    std::string last;
    for (std::size_t n : {54u, 55u, 56u, 57u, 63u, 64u, 65u}) {
        const std::string digest = sha256_hex(as_bytes(std::string(n, 'x')));
        CHECK(digest.size() == 64);
        CHECK(digest != last);
        last = digest;
    }
    // Known value for 64 bytes (a whole block plus a padding-only block).
    CHECK(sha256_hex(as_bytes(std::string(64, 'a'))) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256: the processor's SHA instructions and the portable code agree, block by block") {
    std::uint32_t seed = 12345;
    std::vector<std::uint8_t> data(64 * 257);
    for (auto& byte : data) byte = static_cast<std::uint8_t>((seed = seed * 1103515245 + 12345) >> 16);
    for (std::size_t blocks : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{257}}) {
        std::uint32_t portable[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        std::uint32_t cpu[8];
        std::copy(std::begin(portable), std::end(portable), cpu);
        ssmix::detail::sha256_blocks_portable(portable, data.data(), blocks);
        if (!ssmix::detail::sha256_blocks_cpu(cpu, data.data(), blocks)) {
            MESSAGE("this processor has no SHA extensions; only the portable code runs here");
            return;
        }
        CHECK(std::equal(std::begin(portable), std::end(portable), cpu));
    }
}

TEST_CASE("sha256: a million 'a' (FIPS 180-4 long message), fed in uneven pieces") {
    const std::string million(1000000, 'a');
    ssmix::Sha256 hash;
    for (std::size_t at = 0; at < million.size();) {
        const std::size_t take = std::min<std::size_t>(million.size() - at, 1 + (at * 7919) % 1000);
        hash.update(as_bytes(std::string_view(million).substr(at, take)));
        at += take;
    }
    CHECK(ssmix::to_hex(hash.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha1: the FIPS 180-4 examples (for XDS document hashes)") {
    CHECK(ssmix::sha1_hex(as_bytes("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(ssmix::sha1_hex(as_bytes("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(ssmix::sha1_hex(as_bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(ssmix::sha1_hex(as_bytes(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}
