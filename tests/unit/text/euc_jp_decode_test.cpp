// tests/unit/text/euc_jp_decode_test.cpp — tests core/text/euc_jp_decode.cpp.
#include <doctest/doctest.h>

#include "core/text/byte_decoders.h"

using namespace ssmix;
using namespace ssmix::text;

namespace {

Decoding euc(std::string_view bytes) { return decode_euc_jp(as_bytes(bytes)); }

}  // namespace

TEST_CASE("euc_jp: JIS X 0208, half-width katakana after 0x8E, and NEC row 13") {
    const auto decoded = euc("<\xb4\xb5\xbc\xd4\x8e\xb6\x8e\xc0\xa1\xc1\xad\xa1>");
    CHECK_FALSE(decoded.failure);
    CHECK(decoded.utf8 == "<患者ｶﾀ〜①>");
}

TEST_CASE("euc_jp: JIS X 0212 is refused at its 0x8F, with the reason") {
    const auto decoded = euc("ab\xb4\xb5\x8f\xb0\xa1");
    REQUIRE(decoded.failure);
    CHECK(decoded.failure->offset == 4);
    CHECK(decoded.failure->message.find("JIS X 0212") != std::string::npos);
    CHECK(decoded.utf8 == "ab患");
}

TEST_CASE("euc_jp: bad second bytes and stray bytes name their offset") {
    const auto half = euc("\xb4\xb5\xb4<");
    REQUIRE(half.failure);
    CHECK(half.failure->offset == 2);
    CHECK(half.failure->message == "0xB4 is followed by 0x3C, which cannot be the second byte of a character");

    const auto kana = euc("x\x8e\xe0");
    REQUIRE(kana.failure);
    CHECK(kana.failure->offset == 1);

    const auto stray = euc("x\x80");
    REQUIRE(stray.failure);
    CHECK(stray.failure->offset == 1);

    const auto truncated = euc("\xb4");
    REQUIRE(truncated.failure);
    CHECK(truncated.failure->message.find("the end of the text") != std::string::npos);

    const auto unassigned = euc("\xa9\xa1");   // row 9
    REQUIRE(unassigned.failure);
    CHECK(unassigned.failure->message == "the two-byte code 0xA9A1 has no character");
}
