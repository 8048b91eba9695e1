// tests/unit/cda/cda_test.cpp — reading and rendering real documents: the C-CDA samples in
// ../shared/samples/cda (copied into tests/data/cda/samples) and a Japanese referral letter
// with every narrative construct.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/cda/reader.h"
#include "core/cda/render.h"

using namespace ssmix;

namespace {

cda::Document load(const std::string& relative) {
    std::ifstream in(std::filesystem::path(SSMIX_TEST_DATA_DIR) / "cda" / relative, std::ios::binary);
    REQUIRE(in);
    const Bytes bytes(std::istreambuf_iterator<char>(in), {});
    auto parsed = cda::read_document(bytes, relative);
    REQUIRE(parsed.value);
    return std::move(*parsed.value);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("cda: the Japanese referral letter's header") {
    const auto d = load("jp-referral.xml");
    CHECK(d.type_id == "POCD_HD000040JP00");
    CHECK(d.code.code == "57133-1");
    CHECK(d.title == "診療情報提供書");
    CHECK(d.patient.name.ideographic == "患者 太郎");
    CHECK(d.patient.name.syllabic == "カンジャ タロウ");
    REQUIRE(d.patient.ids.size() == 1);
    CHECK(d.patient.ids[0].extension == "9999013");
    CHECK(d.patient.ids[0].assigning_authority == "紹介元");
    CHECK(d.patient.birth_time == "19480405");
    REQUIRE(d.authors.size() == 1);
    CHECK(d.authors[0].person.best() == "医師 一郎");
    CHECK(d.authors[0].organization == "登呂病院 内科");
    REQUIRE(d.recipients.size() == 1);
    CHECK(d.recipients[0].organization == "駿河クリニック 消化器内科");
    CHECK(d.custodian.organization == "登呂病院");
    REQUIRE(d.sections.size() == 2);
    CHECK(d.sections[0].title == "紹介目的");
    CHECK(d.sections[0].code.code == "950");
    REQUIRE(d.media.count("img1"));
    CHECK(d.media.at("img1").media_type == "image/png");
    CHECK(d.media.at("img1").bytes.size() > 50);
}

TEST_CASE("cda: every narrative construct reaches the HTML") {
    const auto html = cda::render_html_page(load("jp-referral.xml"));
    CHECK(contains(html, "<span class=\"b\">内視鏡検査</span>"));
    CHECK(contains(html, "<del>先週の CT は不要です。</del>"));
    CHECK(contains(html, "<ins>胸部 CT を同封します。</ins>"));
    CHECK(contains(html, "<caption>血液検査 2011/12/19</caption>"));
    CHECK(contains(html, "<td rowspan=\"2\">g/dL</td>"));
    CHECK(contains(html, "<td colspan=\"3\">H<sub>2</sub>O"));
    CHECK(contains(html, "10<sup>3</sup>"));
    CHECK(contains(html, "<ol><li>胃炎</li><li>胃潰瘍の疑い</li></ol>"));
    CHECK(contains(html, "<a href=\"#cda-purpose\">紹介目的</a>"));
    CHECK(contains(html, "id=\"cda-purpose\"") == false);   // section IDs are numbered, the anchor is the section's own
    CHECK(contains(html, "<img alt=\"\" src=\"data:image/png;base64,iVBORw0KGgo"));
    CHECK(contains(html, "<figcaption>内視鏡像</figcaption>"));
    CHECK(contains(html, "<li value=\"1\" id=\"cda-fn1\">溶血あり</li>"));
    CHECK(contains(html, "<a href=\"#cda-fn1\">1</a>"));
    CHECK(contains(html, "患者 太郎（カンジャ タロウ）"));
    CHECK(contains(html, "default-src 'none'"));
    CHECK(contains(html, "@page{size:A4"));
}

TEST_CASE("cda: plain text keeps the same content") {
    const auto text = cda::render_text(load("jp-referral.xml"));
    CHECK(contains(text, "患者: 患者 太郎（カンジャ タロウ）"));
    CHECK(contains(text, "［削除: 先週の CT は不要です。］胸部 CT を同封します。"));
    CHECK(contains(text, "総蛋白 | 7.2 | g/dL"));
    CHECK(contains(text, "1. 胃炎"));
    CHECK(contains(text, "10^3/μL"));
    CHECK(contains(text, "［画像: 内視鏡像］"));
}

TEST_CASE("cda: the C-CDA referral note sample") {
    const auto d = load("samples/ccda-referral-note.xml");
    CHECK(d.title == "Referral Note");
    CHECK(d.sections.size() == 18);
    CHECK(d.patient.name.best() == "Betterhalf Eve");
    CHECK(d.legal_authenticator.has_value());
    const auto html = cda::render_html_page(d);
    CHECK(contains(html, "ALLERGIES AND ADVERSE REACTIONS"));
    CHECK(contains(html, "Penicillin"));
    CHECK_FALSE(contains(html, "AdvanceDirective.b50b7910.pdf\""));   // an outside link: text only
}

TEST_CASE("cda: unstructured documents (non-XML body), inline text and a referenced PDF") {
    const auto text_body = load("samples/ccda-unstructured-embedded-text-plain.xml");
    REQUIRE(text_body.non_xml_body);
    CHECK(text_body.non_xml_body->media_type == "text/plain");
    CHECK(contains(cda::render_text(text_body), "Chronic cervical pain"));
    CHECK(contains(cda::render_html_page(text_body), "<pre>"));

    const auto pdf = load("samples/ccda-unstructured-reference-pdf.xml");
    REQUIRE(pdf.non_xml_body);
    CHECK(pdf.non_xml_body->reference == "UD_sample.pdf");
    CHECK(pdf.non_xml_body->bytes.empty());
    CHECK(contains(cda::render_html_page(pdf), "UD_sample.pdf"));
}
