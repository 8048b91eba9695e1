// tests/unit/text/unicode_decode_test.cpp — tests core/text/unicode_decode.cpp.
#include <doctest/doctest.h>

#include "core/text/byte_decoders.h"

using namespace ssmix;
using namespace ssmix::text;

TEST_CASE("utf16: both byte orders, a surrogate pair, and bad units named by offset") {
    CHECK(decode_utf16(as_bytes(std::string("<\0\xa3\x60", 4)), std::endian::little).utf8 == "<患");
    CHECK(decode_utf16(as_bytes(std::string("\0<\x60\xa3", 4)), std::endian::big).utf8 == "<患");
    CHECK(decode_utf16(as_bytes(std::string("\x42\xd8\xb7\xdf", 4)), std::endian::little).utf8 == "𠮷");

    const auto lone_high = decode_utf16(as_bytes(std::string("a\0\x42\xd8z\0", 6)), std::endian::little);
    REQUIRE(lone_high.failure);
    CHECK(lone_high.failure->offset == 2);
    const auto lone_low = decode_utf16(as_bytes(std::string("a\0\xb7\xdf", 4)), std::endian::little);
    REQUIRE(lone_low.failure);
    CHECK(lone_low.failure->offset == 2);
    const auto odd = decode_utf16(as_bytes(std::string("a\0b", 3)), std::endian::little);
    REQUIRE(odd.failure);
    CHECK(odd.failure->offset == 2);
    CHECK(odd.utf8 == "a");
}

TEST_CASE("utf8: checked strictly, a real U+FFFD kept") {
    CHECK_FALSE(check_utf8(as_bytes("患者 \xEF\xBF\xBD")).failure);
    for (const char* bad : {"ab\xC0\xAF", "ab\xED\xA0\x80", "ab\xE6\x82", "ab\x82", "ab\xF4\x90\x80\x80"}) {
        CAPTURE(bad);
        const auto decoded = check_utf8(as_bytes(bad));
        REQUIRE(decoded.failure);
        CHECK(decoded.failure->offset == 2);
        CHECK(decoded.utf8 == "ab");
    }
}

TEST_CASE("latin1: each byte its own code point") {
    CHECK(decode_latin1(as_bytes("caf\xe9")).utf8 == "café");
}
