// tests/unit/dicom/text_test.cpp — Specific Character Set decoding, with the Japanese person
// names of DICOM PS3.5 Annex H as the cases.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/dicom/text.h"

using ssmix::dicom::to_utf8;

TEST_CASE("ISO 2022 IR 87: JIS X 0208 runs between ESC $ B and ESC ( B (PS3.5 H.3.1)") {
    const std::string raw = "Yamada^Tarou=\x1B$B;3ED\x1B(B^\x1B$BB@O:\x1B(B=\x1B$B$d$^$@\x1B(B^\x1B$B$?$m$&\x1B(B";
    CHECK(to_utf8(raw, "\\ISO 2022 IR 87") == "Yamada^Tarou=山田^太郎=やまだ^たろう");
}

TEST_CASE("ISO 2022 IR 13 with IR 87: half-width katakana in G1 and kanji (PS3.5 H.3.2)") {
    const std::string raw = "\xD4\xCF\xC0\xDE^\xC0\xDB\xB3=\x1B$B;3ED\x1B(J^\x1B$BB@O:\x1B(J=\x1B$B$d$^$@\x1B(J^\x1B$B$?$m$&\x1B(J";
    CHECK(to_utf8(raw, "ISO 2022 IR 13\\ISO 2022 IR 87") == "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
}

TEST_CASE("ESC ) I designations print nothing") {
    CHECK(to_utf8("\x1B)I\xB1", "ISO 2022 IR 13") == "ｱ");
}

TEST_CASE("UTF-8 and ASCII pass through, Latin-1 is converted") {
    CHECK(to_utf8("患者^太郎", "ISO_IR 192") == "患者^太郎");
    CHECK(to_utf8("Doe^John", "") == "Doe^John");
    CHECK(to_utf8("M\xFCller", "ISO_IR 100") == "Müller");
    CHECK(to_utf8("M\xFCller", "") == "Müller");   // unlabelled and not UTF-8
}

TEST_CASE("stray 8-bit bytes in Japanese text become U+FFFD, never lost silently") {
    CHECK(to_utf8("A\x80" "B", "\\ISO 2022 IR 87") == "A\xEF\xBF\xBD" "B");
}

// The examples of DICOM PS3.5 Annex H (H.3.1: ISO 2022 IR 87; H.3.2: with ISO 2022 IR 13), byte
// for byte as the standard prints them.
TEST_CASE("dicom text: UTF-8 to ISO 2022 IR 87 as PS3.5 H.3.1 writes Yamada^Tarou=山田^太郎=やまだ^たろう") {
    const auto encoded = ssmix::dicom::from_utf8("Yamada^Tarou=山田^太郎=やまだ^たろう");
    CHECK(encoded.specific_character_set == "\\ISO 2022 IR 87");
    CHECK(encoded.unencodable.empty());
    CHECK(encoded.value ==
          "Yamada^Tarou=\x1B$B;3ED\x1B(B^\x1B$BB@O:\x1B(B=\x1B$B$d$^$@\x1B(B^\x1B$B$?$m$&\x1B(B");
    CHECK(to_utf8(encoded.value, encoded.specific_character_set) == "Yamada^Tarou=山田^太郎=やまだ^たろう");
}

TEST_CASE("dicom text: half-width katakana as ISO 2022 IR 13, as PS3.5 H.3.2 writes ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう") {
    const auto encoded = ssmix::dicom::from_utf8("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
    CHECK(encoded.specific_character_set == "ISO 2022 IR 13\\ISO 2022 IR 87");
    CHECK(encoded.value ==
          "\xD4\xCF\xC0\xDE^\xC0\xDB\xB3=\x1B$B;3ED\x1B(J^\x1B$BB@O:\x1B(J=\x1B$B$d$^$@\x1B(J^\x1B$B$?$m$&\x1B(J");
    CHECK(to_utf8(encoded.value, encoded.specific_character_set) == "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
}

TEST_CASE("dicom text: plain ASCII needs no character set, what JIS lacks is named, not sent") {
    CHECK(ssmix::dicom::from_utf8("*Miyamoto*").specific_character_set.empty());
    CHECK(ssmix::dicom::from_utf8("*Miyamoto*").value == "*Miyamoto*");
    const auto encoded = ssmix::dicom::from_utf8("宮本😀");
    CHECK(encoded.unencodable == std::vector<std::string>{"😀"});
    CHECK(encoded.value == "\x1B$B5\\K\\\x1B(B");
}
