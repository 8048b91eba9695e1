// tests/unit/fhir/xhtml_test.cpp — tests core/fhir/xhtml.cpp
#include <doctest/doctest.h>

#include "core/fhir/xhtml.h"

using namespace ssmix;

TEST_CASE("fhir xhtml: markup and control characters in text are inert") {
    CHECK(fhir::paragraph_html("<script>alert(1)</script>&") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;&amp;</p>");
    CHECK(fhir::paragraph_html(std::string("a\x01" "b")) == "<p>ab</p>");
    CHECK(fhir::paragraph_html("\" onload=\"x") == "<p>&quot; onload=&quot;x</p>");
}

TEST_CASE("fhir xhtml: blank lines split paragraphs, single breaks become br") {
    CHECK(fhir::paragraphs_html("一行目\n二行目\n\n次の段落\n") == "<p>一行目<br/>二行目</p><p>次の段落</p>");
    CHECK(fhir::paragraphs_html("\n\n  \n").empty());
}

TEST_CASE("fhir xhtml: a record table keeps its labels, rows and row spans") {
    clinical::RecordTable table;
    table.columns = {clinical::Column::rp, clinical::Column::drug};
    table.rows = {{{"1", clinical::Cell::Style::plain, 2}, {"薬A"}}, {{"", clinical::Cell::Style::plain, 0}, {"薬B", clinical::Cell::Style::strong}}};
    const std::string html = fhir::table_html(table);
    CHECK(html.find("<thead><tr><th>") != std::string::npos);
    CHECK(html.find("<td rowspan=\"2\">1</td><td>薬A</td>") != std::string::npos);
    CHECK(html.find("<tr><td><b>薬B</b></td></tr>") != std::string::npos);
}

TEST_CASE("fhir xhtml: the narrative is one div in the XHTML namespace") {
    CHECK(fhir::narrative_div({"<p>a</p>", "<p>b</p>"}) == "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a</p><p>b</p></div>");
}
