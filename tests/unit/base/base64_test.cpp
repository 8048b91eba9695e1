// tests/unit/base/base64_test.cpp — tests core/base/base64.cpp (RFC 4648 §10 vectors).
#include <doctest/doctest.h>

#include "core/base/base64.h"

using namespace ssmix;

TEST_CASE("base64: RFC 4648 test vectors encode and decode") {
    const char* plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
    const char* coded[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
    for (int i = 0; i < 7; ++i) {
        CHECK(encode_base64(as_bytes(plain[i])) == coded[i]);
        const auto decoded = decode_base64(coded[i]);
        REQUIRE(decoded);
        CHECK(std::string(decoded->begin(), decoded->end()) == plain[i]);
    }
}

TEST_CASE("base64: every byte value survives a round trip") {
    Bytes all(256);
    for (int i = 0; i < 256; ++i) all[i] = static_cast<std::uint8_t>(i);
    const auto decoded = decode_base64(encode_base64(all));
    REQUIRE(decoded);
    CHECK(*decoded == all);
}

TEST_CASE("base64: malformed text is refused, not half-decoded") {
    CHECK_FALSE(decode_base64("Zm9"));        // length not a multiple of 4
    CHECK_FALSE(decode_base64("Zm9v!A=="));   // character outside the alphabet
    CHECK_FALSE(decode_base64("Zg==Zm9v"));   // padding in the middle
    CHECK_FALSE(decode_base64("Z==="));       // three padding characters
    CHECK_FALSE(decode_base64("Zm9v\n"));     // line break
}
