// tests/unit/dicom/text_test.cpp — Specific Character Set decoding, with the Japanese person
// names of DICOM PS3.5 Annex H as the cases.
#include <doctest/doctest.h>

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

TEST_CASE("UTF-8 and ASCII pass through; Latin-1 is converted") {
    CHECK(to_utf8("患者^太郎", "ISO_IR 192") == "患者^太郎");
    CHECK(to_utf8("Doe^John", "") == "Doe^John");
    CHECK(to_utf8("M\xFCller", "ISO_IR 100") == "Müller");
    CHECK(to_utf8("M\xFCller", "") == "Müller");   // unlabelled and not UTF-8
}

TEST_CASE("stray 8-bit bytes in Japanese text become U+FFFD, never lost silently") {
    CHECK(to_utf8("A\x80" "B", "\\ISO 2022 IR 87") == "A\xEF\xBF\xBD" "B");
}
