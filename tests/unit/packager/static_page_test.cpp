// tests/unit/packager/static_page_test.cpp — the no-JavaScript page: escaping, sections, the
// lab table's pivot, key images.
#include <doctest/doctest.h>

#include <map>

#include "packager/disc/static_page.h"

using namespace ssmix;
using namespace ssmix::packager;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

DiscSummary summary() {
    DiscSummary s;
    s.patient_id = "9999013";
    s.patient_name = "患者 太郎";
    s.patient_name_kana = "カンジャ タロウ";
    s.birth_date = "19480405";
    s.sex = "M";
    s.institution = "登呂病院";
    s.created = "2026-11-26 10:00";
    return s;
}

// Each test its own JLAC10-like code: the table's rows are tests by code (core/clinical/lab_table.h).
clinical::LabResult lab(const std::string& test, const std::string& when, const std::string& value, const std::string& flag = "") {
    static const std::map<std::string, std::string> codes = {{"総蛋白", "3A010"}, {"アルブミン", "3A015"}, {"CRP", "5C070"}};
    clinical::LabResult r;
    r.test = {codes.at(test), test, "JC10"};
    r.observed_at = when;
    r.value = value;
    r.unit = "g/dl";
    r.reference_range = "6.7-8.3";
    r.abnormal_flag = flag;
    return r;
}

}  // namespace

TEST_CASE("static page: text from the data is escaped, and the page has no script") {
    clinical::ClinicalRecord record;
    clinical::Problem problem;
    problem.diagnosis = {"X", "<script>alert(1)</script>胃炎 & \"疑\"", "MDCDX2"};
    record.problems.push_back(problem);
    const std::string page = static_page_html(&record, summary(), {});
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;胃炎 &amp; &quot;疑&quot;") != std::string::npos);
    CHECK(page.find("Content-Security-Policy") != std::string::npos);
    CHECK(page.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("static page: patient line, and only the sections that have data") {
    clinical::ClinicalRecord record;
    clinical::Allergy allergy;
    allergy.allergen = {"", "ペニシリン", ""};
    record.allergies.push_back(allergy);
    const std::string page = static_page_html(&record, summary(), {});
    CHECK(page.find("患者 太郎（カンジャ タロウ）") != std::string::npos);
    CHECK(page.find("1948年04月05日") != std::string::npos);
    CHECK(page.find("性別 男") != std::string::npos);
    CHECK(page.find("id=\"allergies\"") != std::string::npos);
    CHECK(page.find("ペニシリン") != std::string::npos);
    CHECK(page.find("id=\"labs\"") == std::string::npos);
    CHECK(page.find("id=\"problems\"") == std::string::npos);
    CHECK(page.find("id=\"images\"") == std::string::npos);
}

TEST_CASE("static page: lab results pivot to one row per test and one column per day, flags marked") {
    clinical::ClinicalRecord record;
    record.lab_results = {lab("総蛋白", "201112191500", "7.2"), lab("アルブミン", "201112191500", "2.9", "L"),
                          lab("総蛋白", "201112201000", "8.9", "H")};
    const std::string page = static_page_html(&record, summary(), {});
    CHECK(count(page, "<th>2011/12/19</th>") == 1);
    CHECK(count(page, "<th>2011/12/20</th>") == 1);
    CHECK(count(page, "<td>総蛋白</td>") == 1);   // one row for both days
    CHECK(page.find("<td class=\"num high\">8.9 H</td>") != std::string::npos);
    CHECK(page.find("<td class=\"num low\">2.9 L</td>") != std::string::npos);
    CHECK(page.find("<td class=\"num\">7.2</td>") != std::string::npos);
}

TEST_CASE("static page: more than 8 days split into several tables") {
    clinical::ClinicalRecord record;
    for (int day = 1; day <= 10; ++day) record.lab_results.push_back(lab("CRP", "201112" + std::to_string(10 + day), "0.1"));
    const std::string page = static_page_html(&record, summary(), {});
    CHECK(count(page, "<td>CRP</td>") == 2);
}

TEST_CASE("static page: key images with caption and size, DICOM-only discs have no record") {
    const std::vector<KeyImage> images = {{"IMAGES/I0000001.JPG", "20111215", "胸部CT", "CT", "胸部 5mm", 12, 24, 256, 256, "1.2.3"}};
    const std::string page = static_page_html(nullptr, summary(), images);
    CHECK(page.find("<img src=\"IMAGES/I0000001.JPG\" width=\"256\" height=\"256\"") != std::string::npos);
    CHECK(page.find("2011年12月15日　胸部CT") != std::string::npos);
    CHECK(page.find("13 / 24 枚目") != std::string::npos);
}

TEST_CASE("static page: a study and the imaging order naming it (IPC-3) link to each other") {
    clinical::ClinicalRecord record;
    clinical::ImagingOrder requested, done, other;
    requested.data_type = "OMG-01";
    requested.study_uid = "1.2.392.1";
    requested.procedure = {"99A", "経皮的超音波検査", "JJ1017"};
    requested.date = "20111220";
    done = requested;
    done.data_type = "OMG-11";
    done.order_number = "2011122000300";
    done.findings = {"肝に異常なし"};
    other.data_type = "OMG-11";
    other.study_uid = "9.9.9";   // no such study on the disc
    other.procedure = {"", "胸部単純", ""};
    record.imaging = {requested, done, other};
    const std::vector<KeyImage> images = {{"IMAGES/I0000001.JPG", "20111215", "胸部CT", "CT", "胸部", 0, 1, 64, 64, "1.2.3"},
                                          {"IMAGES/I0000002.JPG", "20111220", "腹部US", "US", "肝", 0, 1, 64, 64, "1.2.392.1"}};
    const std::string page = static_page_html(&record, summary(), images);
    CHECK(count(page, "<a href=\"#study-2\">画像を見る</a>") == 2);   // both the request and the report
    CHECK(count(page, "画像を見る") == 2);                             // not the order without images
    CHECK(page.find("<h3 id=\"study-2\">") != std::string::npos);
    CHECK(page.find("<h3 id=\"study-1\">") != std::string::npos);
    // Under the images: the order that reports the study done, with its findings.
    const auto heading = page.find("<h3 id=\"study-2\">");
    const auto order = page.find("オーダ: 経皮的超音波検査", heading);
    REQUIRE(order != std::string::npos);
    CHECK(page.find("実施、オーダ番号 2011122000300", order) != std::string::npos);
    CHECK(page.find("肝に異常なし", order) != std::string::npos);
    CHECK(page.find("オーダ:", page.find("<h3 id=\"study-1\">")) == order);   // the CT has no order
}
