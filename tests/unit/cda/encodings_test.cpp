// tests/unit/cda/encodings_test.cpp — tests that core/cda/reader.cpp decodes a document's
// encoding before parsing: the letters Python encoded (tests/data/cda/encodings) read and
// render exactly as their UTF-8 source; the refused ones give no document and the decoder's error.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/cda/reader.h"
#include "core/cda/render.h"

using namespace ssmix;

namespace {

Parsed<cda::Document> read(const std::string& name) {
    std::ifstream in(std::filesystem::path(SSMIX_TEST_DATA_DIR) / "cda" / "encodings" / name, std::ios::binary);
    REQUIRE(in);
    const Bytes bytes(std::istreambuf_iterator<char>(in), {});
    return cda::read_document(bytes, name);
}

std::string rendered(const std::string& name) {
    const auto parsed = read(name);
    REQUIRE(parsed.value);
    return cda::render_text(*parsed.value);
}

}  // namespace

TEST_CASE("cda encodings: every encoded letter renders as its UTF-8 source") {
    const std::string letter = rendered("letter.utf8.xml"), windows = rendered("letter-windows.utf8.xml");
    CHECK(letter.find("診療情報提供書") != std::string::npos);
    CHECK(letter.find("ﾊﾝｶｸ ｶﾀｶﾅ ﾃﾞｽ｡") != std::string::npos);
    CHECK(windows.find("髙橋 﨑") != std::string::npos);
    for (const char* name : {"shift_jis.xml", "euc_jp.xml", "iso2022_jp.xml"}) {
        CAPTURE(name);
        CHECK(rendered(name) == letter);
    }
    for (const char* name : {"windows-31j.xml", "cp932-ibm.xml", "utf16le.xml", "utf16be.xml"}) {
        CAPTURE(name);
        CHECK(rendered(name) == windows);
    }
}

TEST_CASE("cda encodings: a letter that does not decode as declared is refused with the byte offset") {
    const auto wrong = read("wrong-declaration.xml");
    CHECK_FALSE(wrong.value);
    REQUIRE(wrong.diagnostics.size() == 1);
    CHECK(wrong.diagnostics[0].code == "xml.encoding.invalid");
    CHECK(wrong.diagnostics[0].place.where == "byte 606");

    const auto undeclared = read("undeclared.xml");
    CHECK_FALSE(undeclared.value);
    REQUIRE(undeclared.diagnostics.size() == 1);
    CHECK(undeclared.diagnostics[0].code == "xml.encoding.undeclared");
}
