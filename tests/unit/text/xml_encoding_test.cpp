// tests/unit/text/xml_encoding_test.cpp — tests core/text/xml_encoding.cpp on the letters in
// tests/data/cda/encodings, which Python's codecs wrote (make_encodings.py): every encoded
// letter must decode to exactly its UTF-8 source, and the refused ones fail where Python does.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/text/xml_encoding.h"

using namespace ssmix;

namespace {

const std::filesystem::path folder = std::filesystem::path(SSMIX_TEST_DATA_DIR) / "cda" / "encodings";

Bytes load(const std::string& name) {
    std::ifstream in(folder / name, std::ios::binary);
    REQUIRE_MESSAGE(in, "missing fixture " << name << " (tests/data/cda/encodings/make_encodings.py writes it)");
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

std::string load_text(const std::string& name) {
    const Bytes bytes = load(name);
    return std::string(bytes.begin(), bytes.end());
}

Parsed<text::XmlText> decode(std::string_view bytes) { return text::decode_xml(as_bytes(bytes), "a.xml"); }

}  // namespace

TEST_CASE("xml encoding: each encoded letter decodes to its UTF-8 source") {
    const std::string letter = load_text("letter.utf8.xml"), windows = load_text("letter-windows.utf8.xml");
    const struct {
        const char* file;
        const std::string& source;
        const char* encoding;
    } cases[] = {
        {"shift_jis.xml", letter, "Shift_JIS"},     {"euc_jp.xml", letter, "EUC-JP"},
        {"iso2022_jp.xml", letter, "ISO-2022-JP"},  {"windows-31j.xml", windows, "Windows-31J"},
        {"cp932-ibm.xml", windows, "Windows-31J"},  {"utf16le.xml", windows, "UTF-16LE"},
        {"utf16be.xml", windows, "UTF-16BE"},       {"letter.utf8.xml", letter, "UTF-8"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.file);
        const auto decoded = text::decode_xml(load(c.file), c.file);
        CHECK(decoded.diagnostics.empty());
        REQUIRE(decoded.value);
        CHECK(decoded.value->encoding == c.encoding);
        CHECK(decoded.value->utf8 == c.source);
    }
}

TEST_CASE("xml encoding: the refused letters fail at the byte Python's decoder stops at") {
    std::istringstream expectations(load_text("errors.tsv"));
    int checked = 0;
    for (std::string line; std::getline(expectations, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string file, code;
        std::size_t offset = 0;
        fields >> file >> code >> offset;
        CAPTURE(file);
        const auto decoded = text::decode_xml(load(file), file);
        CHECK_FALSE(decoded.value);
        REQUIRE(decoded.diagnostics.size() == 1);
        CHECK(decoded.diagnostics[0].code == code);
        CHECK(decoded.diagnostics[0].place.file == file);
        CHECK(decoded.diagnostics[0].place.where == "byte " + std::to_string(offset));
        CHECK(decoded.diagnostics[0].place.line > 1);
        ++checked;
    }
    CHECK(checked == 2);
}

TEST_CASE("xml encoding: the messages say what was declared and what was found") {
    const auto wrong = text::decode_xml(load("wrong-declaration.xml"), "wrong-declaration.xml");
    REQUIRE(wrong.diagnostics.size() == 1);   // the user-defined characters read before it are not listed
    const std::string message = to_string(wrong.diagnostics[0]);
    CHECK(message.find("wrong-declaration.xml:") == 0);
    CHECK(message.find("the bytes do not decode as the declared Shift_JIS") != std::string::npos);
    CHECK(message.find(":8: byte 606: error:") != std::string::npos);

    const auto undeclared = text::decode_xml(load("undeclared.xml"), "undeclared.xml");
    REQUIRE(undeclared.diagnostics.size() == 1);
    CHECK(undeclared.diagnostics[0].message.find("not UTF-8 and no encoding declared") == 0);
}

TEST_CASE("xml encoding: an unknown or impossible declaration is refused at the label") {
    const auto unknown = decode("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><a/>");
    CHECK_FALSE(unknown.value);
    REQUIRE(unknown.diagnostics.size() == 1);
    CHECK(unknown.diagnostics[0].code == "xml.encoding.unsupported");
    CHECK(unknown.diagnostics[0].place.where == "byte 30");
    CHECK(unknown.diagnostics[0].message.find("\"KOI8-R\"") != std::string::npos);

    const auto utf16 = decode("<?xml version='1.0' encoding='UTF-16'?><a/>");
    CHECK_FALSE(utf16.value);
    REQUIRE(utf16.diagnostics.size() == 1);
    CHECK(utf16.diagnostics[0].code == "xml.encoding.invalid");

    const auto utf32 = decode(std::string("\xFF\xFE\0\0<\0\0\0", 8));
    CHECK_FALSE(utf32.value);
    CHECK(utf32.diagnostics.at(0).code == "xml.encoding.unsupported");
}

TEST_CASE("xml encoding: UTF-8 declared but broken names its first bad byte") {
    const auto broken = decode("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a>\xE6\x82\xa3\x82\xa0</a>");
    CHECK_FALSE(broken.value);
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].code == "xml.encoding.invalid");
    CHECK(broken.diagnostics[0].place.where == "byte 45");
    CHECK(broken.diagnostics[0].place.line == 2);
}

TEST_CASE("xml encoding: the declaration is rewritten, the rest kept, the BOM dropped") {
    const auto sjis = decode("<?xml version='1.0' encoding = 'shift_jis' standalone='yes'?><a>\x8a\xb3\x8e\xd2</a>");
    REQUIRE(sjis.value);
    CHECK(sjis.value->utf8 == "<?xml version='1.0' encoding = 'UTF-8' standalone='yes'?><a>患者</a>");
    CHECK(sjis.value->encoding == "Shift_JIS");

    const auto bom = decode("\xEF\xBB\xBF<a>\xE6\x82\xA3</a>");
    REQUIRE(bom.value);
    CHECK(bom.value->utf8 == "<a>患</a>");

    const auto plain = decode("<a>x</a>");   // no declaration at all: UTF-8
    REQUIRE(plain.value);
    CHECK(plain.value->utf8 == "<a>x</a>");

    // UTF-16 without a BOM is recognised by its "<?" (XML 1.0 Appendix F).
    const auto utf16 = decode(std::string("<\0?\0x\0m\0l\0 \0?\0>\0<\0a\0/\0>\0", 24));
    REQUIRE(utf16.value);
    CHECK(utf16.value->utf8 == "<?xml ?><a/>");
    CHECK(utf16.value->encoding == "UTF-16LE");
}

TEST_CASE("xml encoding: Shift_JIS declared, CP932 extension characters read (as Windows writes them)") {
    const auto decoded = decode("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a>\x87\x40\x87\x8a\xfb\xfc\xfa\xb1\xed\x95</a>");
    REQUIRE(decoded.value);
    CHECK(decoded.value->utf8.ends_with("<a>①㈱髙﨑﨑</a>"));
}
