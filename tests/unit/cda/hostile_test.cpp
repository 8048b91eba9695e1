// tests/unit/cda/hostile_test.cpp — the hostile documents in tests/data/cda/hostile: reading
// stays inert (no entity expanded, nothing loaded, bounded work), what was dropped is
// reported, and the HTML has no script, no event attribute and no URL leaving the document.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

#include "core/cda/reader.h"
#include "core/cda/render.h"

using namespace ssmix;

namespace {

Parsed<cda::Document> read(const std::string& name) {
    std::ifstream in(std::filesystem::path(SSMIX_TEST_DATA_DIR) / "cda" / "hostile" / name, std::ios::binary);
    REQUIRE(in);
    const Bytes bytes(std::istreambuf_iterator<char>(in), {});
    return cda::read_document(bytes, name);
}

bool reported(const Parsed<cda::Document>& parsed, const std::string& code) {
    return std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; });
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The checks every rendering of a hostile document must pass.
void check_inert(const std::string& html) {
    const std::string page = lower(html);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("javascript:") == std::string::npos);
    CHECK(page.find("<iframe") == std::string::npos);
    CHECK(page.find("<object") == std::string::npos);
    CHECK(page.find("http://") == std::string::npos);
    CHECK(page.find("https://") == std::string::npos);
    CHECK(page.find("style=") == std::string::npos);
    CHECK_FALSE(std::regex_search(page, std::regex("<[a-z0-9]+[^>]*\\son[a-z]+\\s*=")));   // no event attribute on any tag
    const std::regex href("href=\"([^\"]*)\""), src("src=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), href); it != std::sregex_iterator(); ++it)
        CHECK((*it)[1].str().starts_with("#"));
    for (auto it = std::sregex_iterator(page.begin(), page.end(), src); it != std::sregex_iterator(); ++it)
        CHECK(((*it)[1].str().starts_with("data:image/png;") || (*it)[1].str().starts_with("data:image/jpeg;") ||
               (*it)[1].str().starts_with("data:image/gif;")));
}

}  // namespace

TEST_CASE("hostile: external entities are neither expanded nor loaded") {
    const auto parsed = read("xxe.xml");
    REQUIRE(parsed.value);
    CHECK(reported(parsed, "cda.doctype_ignored"));
    const auto html = cda::render_html_page(*parsed.value);
    CHECK(html.find("root:") == std::string::npos);   // /etc/passwd
    check_inert(html);
}

TEST_CASE("hostile: billion laughs stays a few bytes") {
    const auto parsed = read("billion-laughs.xml");
    REQUIRE(parsed.value);
    const auto text = cda::render_text(*parsed.value);
    CHECK(text.size() < 2000);
    CHECK(text.find("lollol") == std::string::npos);
}

TEST_CASE("hostile: scripts, event attributes, outside links and styles are dropped and reported") {
    const auto parsed = read("script-links.xml");
    REQUIRE(parsed.value);
    CHECK(reported(parsed, "cda.link.dropped"));
    CHECK(reported(parsed, "cda.narrative.dropped"));      // script, iframe, object
    CHECK(reported(parsed, "cda.attribute.dropped"));      // onmouseover, style, onload, onclick
    CHECK(std::count_if(parsed.diagnostics.begin(), parsed.diagnostics.end(), [](const Diagnostic& d) { return d.code == "cda.link.dropped"; }) == 5);
    const auto html = cda::render_html_page(*parsed.value);
    check_inert(html);
    CHECK(html.find("kept text in an unknown element") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(13)&lt;/script&gt;") != std::string::npos);   // CDATA shown as text
    CHECK(html.find("alert(5)") == std::string::npos);                                  // the script element's content is gone
}

TEST_CASE("hostile: an HTML body and SVG media are never shown as markup") {
    const auto body = read("html-body.xml");
    REQUIRE(body.value);
    check_inert(cda::render_html_page(*body.value));
    CHECK(cda::render_html_page(*body.value).find("text/html の文書") != std::string::npos);
    const auto svg = read("svg-media.xml");
    REQUIRE(svg.value);
    const auto html = cda::render_html_page(*svg.value);
    check_inert(html);
    CHECK(html.find("image/svg") == std::string::npos);
}

TEST_CASE("hostile: nesting is bounded and reported") {
    for (const char* name : {"deep.xml", "deep-sections.xml"}) {
        const auto parsed = read(name);
        REQUIRE(parsed.value);
        CHECK(reported(parsed, "cda.too_deep"));
        check_inert(cda::render_html_page(*parsed.value));
        for (const auto& d : parsed.diagnostics) CHECK(d.place.where.size() < 400);   // elided XPath
    }
}

TEST_CASE("hostile: not CDA, not well-formed: an error naming the place, no document") {
    const auto other = read("not-cda.xml");
    CHECK_FALSE(other.value);
    CHECK(reported(other, "cda.not_cda"));
    const auto broken = read("not-well-formed.xml");
    CHECK_FALSE(broken.value);
    REQUIRE(reported(broken, "cda.xml"));
    CHECK(broken.diagnostics.front().place.line == 5);
    CHECK(broken.diagnostics.front().place.file == "not-well-formed.xml");
}

TEST_CASE("hostile: too large a document is refused before parsing") {
    const Bytes huge(cda::max_document_bytes + 1, ' ');
    const auto parsed = cda::read_document(huge, "huge.xml");
    CHECK_FALSE(parsed.value);
    CHECK(reported(parsed, "cda.too_large"));
}
