// tests/unit/text/iso2022jp_test.cpp — tests core/text/iso2022jp_decode.cpp and
// iso2022jp_encode.cpp on the byte patterns SS-MIX2 files contain.
#include <doctest/doctest.h>

#include "core/text/iso2022jp.h"

using namespace ssmix;
using namespace ssmix::text;

namespace {

const Place place{"a.hl7", 3, "PID-5"};

std::string decode(std::string_view bytes) { return decode_iso2022jp(as_bytes(bytes), place).utf8; }

std::string encode(std::string_view utf8) {
    const auto encoded = encode_iso2022jp(utf8, place);
    return std::string(encoded.bytes.begin(), encoded.bytes.end());
}

}  // namespace

TEST_CASE("iso2022jp: the sample patient name decodes and re-encodes to the same bytes") {
    // PID-5 of the NHO sample ADT-00 message: 患者^太郎 in JIS, each name part its own run.
    const std::string bytes = "\x1b$B45<T\x1b(B^\x1b$BB@O:\x1b(B";
    CHECK(decode(bytes) == "患者^太郎");
    const auto decoded = decode_iso2022jp(as_bytes(bytes), place);
    CHECK(decoded.diagnostics.empty());
    CHECK(encode("患者") + "^" + encode("太郎") == bytes);
}

TEST_CASE("iso2022jp: plain ASCII passes through untouched") {
    CHECK(decode("ADT^A08^ADT_A01") == "ADT^A08^ADT_A01");
    CHECK(encode("9999013") == "9999013");
}

TEST_CASE("iso2022jp: characters whose JIS bytes are HL7 delimiters") {
    // 本 = 0x4B5C (K\), 京 = 0x357E (5~), 剤 = 0x3A5E (:^), 糖 = 0x457C (E|), 嚥 = 0x5F26? (&)
    CHECK(encode("本") == "\x1b$BK\\\x1b(B");
    CHECK(encode("京") == "\x1b$B5~\x1b(B");
    CHECK(encode("剤") == "\x1b$B:^\x1b(B");
    CHECK(encode("糖") == "\x1b$BE|\x1b(B");
    CHECK(decode("\x1b$BK\\5~:^E|\x1b(B") == "本京剤糖");
}

TEST_CASE("iso2022jp: lenient reading of what real systems send, each said once") {
    SUBCASE("ESC $ @ (JIS 1978)") {
        const auto d = decode_iso2022jp(as_bytes("\x1b$@45<T\x1b(B"), place);
        CHECK(d.utf8 == "患者");
        REQUIRE(d.diagnostics.size() == 1);
        CHECK(d.diagnostics[0].code == "text.jis.esc_1978");
        CHECK(d.diagnostics[0].severity == Severity::warning);
    }
    SUBCASE("ESC ( J (JIS Roman) read as ASCII") {
        const auto d = decode_iso2022jp(as_bytes("\x1b$B45<T\x1b(JAB\x1b(B"), place);
        CHECK(d.utf8 == "患者AB");
        REQUIRE(d.diagnostics.size() == 1);
        CHECK(d.diagnostics[0].code == "text.jis.roman");
    }
    SUBCASE("ESC ( I half-width katakana") {
        const auto d = decode_iso2022jp(as_bytes("\x1b(I6]\x1b(B"), place);   // ｶﾝ
        CHECK(d.utf8 == "ｶﾝ");
        REQUIRE(d.diagnostics.size() == 1);
        CHECK(d.diagnostics[0].code == "text.jis.halfwidth_kana");
    }
    SUBCASE("CP932 extension characters in row 13") {
        const auto d = decode_iso2022jp(as_bytes("\x1b$B-!-5-j\x1b(B"), place);   // ① Ⅰ ㈱
        CHECK(d.utf8 == "①Ⅰ㈱");
        REQUIRE(d.diagnostics.size() == 3);
        CHECK(d.diagnostics[0].code == "text.jis.cp932_extension");
        CHECK(d.diagnostics[0].message.find("①") != std::string::npos);
    }
}

TEST_CASE("iso2022jp: invalid bytes are reported with their byte offset") {
    // The NHO negative sample: 0xFB 0xFC in the middle of a message.
    const auto d = decode_iso2022jp(as_bytes("AB\xfb\xfc" "CD"), {"bad.hl7", 0, "PID-5"}, 100);
    CHECK(d.utf8 == "AB\xEF\xBF\xBD\xEF\xBF\xBD" "CD");
    REQUIRE(d.diagnostics.size() == 1);
    CHECK(d.diagnostics[0].code == "text.jis.invalid_byte");
    CHECK(d.diagnostics[0].place.where == "PID-5, byte 102");
    CHECK(d.diagnostics[0].message.find("0xFB 0xFC") != std::string::npos);
}

TEST_CASE("iso2022jp: broken JIS runs") {
    SUBCASE("run left open at the end") {
        const auto d = decode_iso2022jp(as_bytes("\x1b$B45<T"), place);
        CHECK(d.utf8 == "患者");
        REQUIRE(d.diagnostics.size() == 1);
        CHECK(d.diagnostics[0].code == "text.jis.unclosed");
    }
    SUBCASE("odd number of bytes") {
        const auto d = decode_iso2022jp(as_bytes("\x1b$B45<\x1b(B"), place);
        CHECK(d.utf8 == "患\xEF\xBF\xBD");
        CHECK(d.diagnostics.at(0).code == "text.jis.odd_byte");
    }
    SUBCASE("unassigned code (vendor gaiji)") {
        // Row 85 (0x75xx) is the user-defined area where vendors put their own characters.
        const auto d = decode_iso2022jp(as_bytes("\x1b$B45\x75\x21\x1b(B"), place);
        CHECK(d.utf8 == "患\xEF\xBF\xBD");
        REQUIRE(d.diagnostics.size() == 1);
        CHECK(d.diagnostics[0].code == "text.jis.unassigned");
        CHECK(d.diagnostics[0].place.where == "PID-5, byte 5");
    }
    SUBCASE("unknown escape") {
        const auto d = decode_iso2022jp(as_bytes("A\x1b$(DB"), place);
        CHECK(d.diagnostics.at(0).code == "text.jis.unknown_escape");
        CHECK(d.diagnostics.at(0).place.where == "PID-5, byte 1");
    }
}

TEST_CASE("iso2022jp: strict writing") {
    SUBCASE("half-width katakana become full-width, voiced marks joined") {
        const auto e = encode_iso2022jp("ｶﾞｰｾﾞ ﾊﾟｯﾄﾞ", place);
        const auto back = decode_iso2022jp(e.bytes, place);
        CHECK(back.utf8 == "ガーゼ パッド");
        REQUIRE(e.diagnostics.size() == 1);
        CHECK(e.diagnostics[0].code == "text.encode.halfwidth_kana");
    }
    SUBCASE("CP932-only characters by the NHO table") {
        const auto e = encode_iso2022jp("①㈱㎏", place);
        CHECK(decode_iso2022jp(e.bytes, place).utf8 == "(1)(株)kg");
        CHECK(e.diagnostics.size() == 3);
        CHECK(e.diagnostics[0].code == "text.encode.cp932_replaced");
    }
    SUBCASE("Windows code points for JIS characters are accepted") {
        CHECK(decode(encode("～－")) == "〜−");   // FULLWIDTH TILDE/HYPHEN-MINUS -> JIS 0x2141/0x215D
    }
    SUBCASE("unmappable characters become ■ with a diagnostic") {
        const auto e = encode_iso2022jp("𠮷野家", place);   // U+20BB7 is JIS X 0213, not 0208
        CHECK(decode_iso2022jp(e.bytes, place).utf8 == "■野家");
        REQUIRE(e.diagnostics.size() == 1);
        CHECK(e.diagnostics[0].code == "text.encode.unmappable");
        CHECK(e.diagnostics[0].message.find("U+20BB7") != std::string::npos);
    }
    SUBCASE("the output always ends in ASCII mode") {
        const std::string out = encode("検査");
        CHECK(out.substr(out.size() - 3) == "\x1b(B");
    }
}

TEST_CASE("iso2022jp: every JIS X 0208 character round-trips") {
    std::size_t characters = 0;
    for (int first = 0x21; first <= 0x7E; ++first) {
        for (int second = 0x21; second <= 0x7E; ++second) {
            if (first == 0x2D || first >= 0x75) continue;   // row 13 and rows 85+ are not JIS X 0208
            const std::string bytes = std::string("\x1b$B") + char(first) + char(second) + "\x1b(B";
            const auto decoded = decode_iso2022jp(as_bytes(bytes), place);
            if (!decoded.diagnostics.empty()) continue;   // unassigned code
            ++characters;
            const auto encoded = encode_iso2022jp(decoded.utf8, place);
            CHECK(std::string(encoded.bytes.begin(), encoded.bytes.end()) == bytes);
        }
    }
    CHECK(characters == 6879);   // JIS X 0208:1997 defines 6,879 graphic characters
}
