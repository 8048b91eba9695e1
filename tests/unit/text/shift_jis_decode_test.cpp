// tests/unit/text/shift_jis_decode_test.cpp — tests core/text/shift_jis_decode.cpp: the byte
// classes of Shift_JIS and CP932, the two flavours, and where each kind of bad byte is named.
#include <doctest/doctest.h>

#include "core/text/byte_decoders.h"

using namespace ssmix;
using namespace ssmix::text;

namespace {

Decoding sjis(std::string_view bytes, ShiftJisFlavour flavour = ShiftJisFlavour::jis) { return decode_shift_jis(as_bytes(bytes), flavour); }

}  // namespace

TEST_CASE("shift_jis: ASCII, half-width katakana and JIS X 0208 from the first and last rows") {
    const auto decoded = sjis("a<\xb6\xc0\xb6\xc5>\x88\x9f\xea\xa4\x81\x40");   // ｶﾀｶﾅ 亜 熙 (row 84)、全角空白
    CHECK_FALSE(decoded.failure);
    CHECK(decoded.utf8 == "a<ｶﾀｶﾅ>亜熙\u3000");
}

TEST_CASE("shift_jis: the flavours differ only in the characters Windows maps elsewhere") {
    const std::string bytes = "\x81\x60\x81\x61\x81\x7c\x81\x91\x81\x92\x81\xca\x81\x5c";
    CHECK(sjis(bytes).utf8 == "〜‖−¢£¬―");
    CHECK(sjis(bytes, ShiftJisFlavour::windows).utf8 == "～∥－￠￡￢―");
}

TEST_CASE("shift_jis: NEC row 13, NEC-selected IBM and IBM extension characters") {
    CHECK(sjis("\x87\x40\x87\x54\x87\x8a\x87\x82").utf8 == "①Ⅰ㈱№");
    CHECK(sjis("\xee\xe0\xed\x95\xee\xef").utf8 == "髙﨑ⅰ");
    CHECK(sjis("\xfb\xfc\xfa\xb1\xfa\x40\xfa\x5b\xfc\x4b").utf8 == "髙﨑ⅰ∵黑");
}

TEST_CASE("shift_jis: user-defined characters read as U+FFFD and listed") {
    const auto decoded = sjis("x\xf0\x40y");
    CHECK_FALSE(decoded.failure);
    CHECK(decoded.utf8 == "x\uFFFDy");
    REQUIRE(decoded.replaced.size() == 1);
    CHECK(decoded.replaced[0].offset == 1);
    CHECK(decoded.replaced[0].message.find("0xF040") != std::string::npos);
}

TEST_CASE("shift_jis: the first byte that does not decode is named with its offset") {
    const auto bad_trail = sjis("ab\x8a\x3c");
    REQUIRE(bad_trail.failure);
    CHECK(bad_trail.failure->offset == 2);
    CHECK(bad_trail.failure->message == "0x8A is followed by 0x3C, which cannot be the second byte of a character");
    CHECK(bad_trail.utf8 == "ab");

    const auto truncated = sjis("\x8a\xb3\x8a");
    REQUIRE(truncated.failure);
    CHECK(truncated.failure->offset == 2);

    for (const char* lone : {"\x80", "\xa0", "\xfd", "\xfe", "\xff"}) {
        CAPTURE(lone);
        const auto decoded = sjis(std::string("ok") + lone);
        REQUIRE(decoded.failure);
        CHECK(decoded.failure->offset == 2);
    }

    const auto unassigned = sjis("\x85\x40");   // row 9: empty in JIS X 0208 and CP932
    REQUIRE(unassigned.failure);
    CHECK(unassigned.failure->message == "the two-byte code 0x8540 has no character");
    const auto past_ibm = sjis("\xfc\x4c");
    REQUIRE(past_ibm.failure);
    CHECK(past_ibm.failure->offset == 0);
}
