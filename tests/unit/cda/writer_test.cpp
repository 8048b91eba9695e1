// tests/unit/cda/writer_test.cpp — the referral letter and the data-provision document: written
// from a record, read back with our reader (round trip: the same patient, people, sections and
// clinical content), the coded entries checked with XPath, and what the letter picks from the
// record (core/clinical/selection.cpp). Schema validity is checked by tests/integration.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "core/cda/code_systems.h"
#include "core/cda/extended_record.h"
#include "core/cda/provision.h"
#include "core/cda/reader.h"
#include "core/cda/referral.h"
#include "core/cda/render.h"
#include "core/cda/detail/xml_build.h"
#include "core/clinical/selection.h"

using namespace ssmix;

namespace {

clinical::Medication drug(const std::string& code, const std::string& name, const std::string& dose) {
    clinical::Medication m;
    m.drug = {code, name, "HOT9"};
    m.dose = dose;
    m.dose_unit = {"TAB", "錠", "MR9P"};
    return m;
}

clinical::PrescriptionOrder order(const std::string& date, std::vector<clinical::Medication> medications) {
    clinical::PrescriptionOrder o;
    o.order_number = "ord" + date;
    o.date = date;
    o.doctor = "医師 一郎";
    clinical::Rp rp;
    rp.number = "1";
    rp.usage = {"1013044400000000", "内服・経口・１日３回朝昼夕食後", "JAMISDP01"};
    rp.days = "7";
    rp.route = {"PO", "口", "HL70162"};
    rp.medications = std::move(medications);
    o.rps.push_back(rp);
    return o;
}

clinical::LabResult result(const std::string& code, const std::string& name, const std::string& value, const std::string& at,
                           const std::string& flag = "") {
    clinical::LabResult r;
    r.test = {code, name, "JC10"};
    r.value = value;
    r.value_type = "NM";
    r.number = std::stod(value);
    r.unit = "mg/dL";
    r.reference_range = "0.6-1.1";
    r.abnormal_flag = flag;
    r.observed_at = at;
    return r;
}

clinical::ClinicalRecord record() {
    clinical::ClinicalRecord r;
    r.patient = {"9999013", "患者 太郎", "カンジャ タロウ", "19480405", "M", "422-8033", "静岡県静岡市登呂１−３−５", {"054-000-0000"}};
    clinical::Problem gastritis;
    gastritis.diagnosis = {"20054174", "胃炎", "MDCDX2"};
    gastritis.icd10 = "K297";
    gastritis.onset_date = "20110831";
    gastritis.main = true;
    clinical::Problem local;
    local.diagnosis = {"X1", "院内病名", "99LOCAL"};
    local.suspected = true;
    r.problems = {gastritis, local};
    r.prescriptions = {order("20110701", {drug("108665201", "ダーゼン錠（５mg)", "1")}),
                       order("20111220", {drug("110626901", "パンスポリンＴ錠", "2"), drug("103835401", "ムコダイン錠２５０ｍｇ", "1")})};
    r.lab_results = {result("3C015000002327101", "クレアチニン", "0.9", "201105011000"),   // older than 90 days before the newest
                     result("3C015000002327101", "クレアチニン", "1.4", "201112191500", "H"),
                     result("3C015000002327101", "クレアチニン", "1.2", "201112010900"),
                     result("3A010000002327101", "総蛋白", "7.2", "201112191500")};
    return r;
}

cda::ReferralLetter letter() {
    cda::ReferralLetter l;
    l.from = {"登呂病院", "2214567890", "内科", "静岡県静岡市駿河区登呂1-1-1", "054-000-1111"};
    l.doctor = {"医師 一郎", "D00123"};
    l.to = {{"駿河総合病院", "", "消化器内科", "", ""}, "山田 花子"};
    l.purpose = "胃炎の精査のお願い";
    l.present_illness = "8月末より心窩部痛。\n12月に再燃。\n\n体重減少なし。";
    l.remarks = "よろしくお願いします。";
    return l;
}

cda::WriteContext context() {
    cda::WriteContext c;
    c.document_id = "2.25.1234";
    c.time = "20261126093000+0900";
    return c;
}

cda::Document read_back(const std::string& xml) {
    auto parsed = cda::read_document(as_bytes(xml), "written.xml");
    REQUIRE(parsed.value);
    CHECK_FALSE(parsed.has_errors());
    CHECK(parsed.diagnostics.empty());   // nothing of ours is ever dropped as unsafe
    return std::move(*parsed.value);
}

const cda::Section* section(const cda::Document& d, const std::string& title) {
    for (const auto& s : d.sections)
        if (s.title == title) return &s;
    return nullptr;
}

pugi::xml_document xml_of(const std::string& xml) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    return doc;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("referral: round trip of the header") {
    const std::string xml = cda::write_referral(record(), letter(), context());
    const auto d = read_back(xml);
    CHECK(d.type_id == "POCD_HD000040");
    CHECK(d.code.code == "MD0020730");
    CHECK(d.code.system == cda::jmix_oid);
    CHECK(d.title == "診療情報提供書");
    CHECK(d.effective_time == "20261126093000+0900");
    CHECK(d.id.root == "2.25.1234");
    CHECK(d.set_id.root == "2.25.1234");
    CHECK(d.version == "1");
    CHECK(d.language == "ja-JP");
    CHECK(d.patient.name.ideographic == "患者 太郎");
    CHECK(d.patient.name.syllabic == "カンジャ タロウ");
    CHECK(d.patient.birth_time == "19480405");
    CHECK(d.patient.gender == "M");
    REQUIRE(d.patient.ids.size() == 1);
    CHECK(d.patient.ids[0].root == "1.2.392.100495.20.3.51.12214567890");
    CHECK(d.patient.ids[0].extension == "9999013");
    REQUIRE(d.authors.size() == 1);
    CHECK(d.authors[0].person.ideographic == "医師 一郎");
    CHECK(d.authors[0].organization == "登呂病院");
    CHECK(d.authors[0].department == "内科");
    CHECK(d.authors[0].ids[0].root == "1.2.392.100495.20.3.41.12214567890");
    CHECK(d.authors[0].ids[0].extension == "D00123");
    CHECK(d.custodian.organization == "登呂病院");
    REQUIRE(d.recipients.size() == 1);
    CHECK(d.recipients[0].organization == "駿河総合病院");
    CHECK(d.recipients[0].department == "消化器内科");
    CHECK(d.recipients[0].person.ideographic == "山田 花子");
    const auto doc = xml_of(xml);
    CHECK(std::string(doc.select_node("/ClinicalDocument/realmCode/@code").attribute().value()) == "JP");
    CHECK(std::string(doc.select_node("/ClinicalDocument/code/translation/@code").attribute().value()) == "57133-1");
    CHECK(doc.select_nodes("//representedOrganization/id").size() == 3);
}

TEST_CASE("referral: round trip of the sections and their clinical content") {
    const auto d = read_back(cda::write_referral(record(), letter(), context()));
    std::vector<std::string> titles;
    for (const auto& s : d.sections) titles.push_back(s.title);
    // Only what the doctor wrote or the record holds: no empty 既往歴/家族歴/治療経過.
    CHECK(titles == std::vector<std::string>{"紹介目的", "傷病名", "症状経過", "アレルギー・副作用", "現在の処方", "検査結果", "備考"});
    const std::string text = cda::render_text(d);
    CHECK(contains(text, "胃炎の精査のお願い"));
    CHECK(contains(text, "体重減少なし。"));
    CHECK(contains(text, "胃炎"));
    CHECK(contains(text, "K297"));
    CHECK(contains(text, "院内病名"));
    // The prescriptions in force are the latest date's: not the July order.
    CHECK(contains(text, "パンスポリンＴ錠"));
    CHECK(contains(text, "ムコダイン錠２５０ｍｇ"));
    CHECK_FALSE(contains(text, "ダーゼン錠"));
    // Recent results: each test's latest within 90 days of the newest.
    CHECK(contains(text, "1.4"));
    CHECK_FALSE(contains(text, "1.2"));
    CHECK_FALSE(contains(text, "0.9"));
    CHECK(contains(text, "7.2"));
    // The present illness keeps its paragraphs and line breaks.
    const auto* illness = section(d, "症状経過");
    REQUIRE(illness);
    std::vector<const cda::NarrativeNode*> paragraphs;
    for (const auto& node : illness->text)
        if (node.kind == cda::NodeKind::paragraph) paragraphs.push_back(&node);
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0]->children.size() == 3);   // text, <br>, text
    CHECK(paragraphs[0]->children[1].kind == cda::NodeKind::br);
    CHECK(contains(cda::render_text(d), "記載なし"));   // no allergies recorded
}

TEST_CASE("referral: coded entries carry the Japanese code systems and point into the narrative") {
    const std::string xml = cda::write_referral(record(), letter(), context());
    const auto doc = xml_of(xml);
    const auto problem = doc.select_node("//section[code/@code='11450-4']/entry[1]/observation/value").node();
    CHECK(std::string(problem.attribute("code").value()) == "20054174");
    CHECK(std::string(problem.attribute("codeSystem").value()) == "1.2.392.200119.4.101.2");
    CHECK(std::string(problem.child("translation").attribute("code").value()) == "K297");
    // A local code is not dressed up as a standard one.
    const auto local = doc.select_node("//section[code/@code='11450-4']/entry[2]/observation/value").node();
    CHECK(std::string(local.attribute("nullFlavor").value()) == "OTH");
    CHECK(std::string(local.child_value("originalText")) == "院内病名");

    const auto drugs = doc.select_nodes("//substanceAdministration/consumable/manufacturedProduct/manufacturedLabeledDrug/code");
    REQUIRE(drugs.size() == 2);
    CHECK(std::string(drugs[0].node().attribute("codeSystem").value()) == "1.2.392.200119.4.403.1");
    CHECK(std::string(drugs[0].node().attribute("code").value()) == "110626901");
    CHECK(std::string(doc.select_node("//substanceAdministration/entryRelationship/observation/code/@codeSystem").attribute().value()) ==
          "1.2.392.200250.2.2.20.20");
    CHECK(std::string(doc.select_node("//substanceAdministration/doseQuantity/@unit").attribute().value()) == "{TAB}");
    CHECK(std::string(doc.select_node("//substanceAdministration/effectiveTime/width/@value").attribute().value()) == "7");

    const auto creatinine = doc.select_node("//observation[code/@code='3C015000002327101']").node();
    CHECK(std::string(creatinine.child("code").attribute("codeSystem").value()) == "1.2.392.200119.4.504");
    CHECK(std::string(creatinine.child("value").attribute("value").value()) == "1.4");
    CHECK(std::string(creatinine.child("value").attribute("unit").value()) == "mg/dL");
    CHECK(std::string(creatinine.child("interpretationCode").attribute("code").value()) == "H");

    // Every entry's text reference names a row that exists.
    for (const auto& ref : doc.select_nodes("//entry//text/reference/@value")) {
        const std::string id = std::string(ref.attribute().value()).substr(1);
        CHECK_MESSAGE(doc.select_node(("//tr[@ID='" + id + "']").c_str()), id);
    }
}

TEST_CASE("referral: text from messages cannot break the XML") {
    auto r = record();
    r.patient.name = "患者<b>&amp; \"太郎\"\x01";
    auto l = letter();
    l.purpose = "<script>alert(1)</script> & ]]> \x1b[0m";
    const auto d = read_back(cda::write_referral(r, l, context()));
    CHECK(d.patient.name.ideographic == "患者<b>&amp; \"太郎\"");
    CHECK(contains(cda::render_text(d), "<script>alert(1)</script> & ]]> [0m"));
    CHECK_FALSE(contains(cda::render_html_page(d), "<script>"));
}

TEST_CASE("referral: a revision keeps the setId and replaces the earlier version") {
    auto c = context();
    c.document_id = "2.25.99";
    c.set_id = {"2.25.1234", "", ""};
    c.replaces = {"2.25.1234", "", ""};
    c.version = 2;
    const std::string xml = cda::write_referral(record(), letter(), c);
    const auto d = read_back(xml);
    CHECK(d.set_id.root == "2.25.1234");
    CHECK(d.version == "2");
    const auto doc = xml_of(xml);
    CHECK(std::string(doc.select_node("/ClinicalDocument/relatedDocument[@typeCode='RPLC']/parentDocument/id/@root").attribute().value()) ==
          "2.25.1234");
    // Both versions land in the same extended-storage record.
    std::string why;
    const auto first = cda::extended_record(read_back(cda::write_referral(record(), letter(), context())), why);
    const auto second = cda::extended_record(d, why);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->key == second->key);
    CHECK(first->key.size() == 20);
    CHECK(first->type.folder_name() == "MD0020730^診療情報提供書^JMIX^57133-1^紹介状^LN");
    CHECK(first->care_date == "20261126");
    CHECK(first->patient_id == "9999013");
}

TEST_CASE("provision: a period's prescriptions and results") {
    cda::Provision p{{"登呂病院", "2214567890", "", "", ""}, "20111201", "20111231"};
    const std::string xml = cda::write_provision(record(), p, context());
    const auto d = read_back(xml);
    CHECK(d.code.code == "34133-9");
    CHECK(d.title == "診療データ提供書");
    REQUIRE(d.authors.size() == 1);
    CHECK(d.authors[0].organization == "登呂病院");
    const std::string text = cda::render_text(d);
    CHECK(contains(text, "2011/12/01 〜 2011/12/31"));
    CHECK(contains(text, "ダーゼン錠"));   // every order of the record given, not only the latest
    CHECK(contains(text, "0.9"));
    const auto doc = xml_of(xml);
    CHECK(doc.select_nodes("//substanceAdministration").size() == 3);
    CHECK(doc.select_nodes("//observation[value/@xsi:type='PQ']").size() == 4);
    CHECK(std::string(doc.select_node("//assignedAuthoringDevice/softwareName").node().child_value()) == "SS-MIX Carry");
}

TEST_CASE("provision: problems, allergies and imaging besides prescriptions and results") {
    auto r = record();
    r.allergies = {{{"DA", "薬剤", "HL70127"}, {"1100001", "ペニシリン", "HOT"}, {"SV", "重度", "HL70128"}, "発疹"}};
    clinical::ImagingOrder ordered;
    ordered.data_type = "OMG-01";
    ordered.order_number = "000201101200100";
    ordered.date = "20111220";
    ordered.procedure = {"32000000", "胸部単純撮影", "JJ1017-16P"};
    clinical::ImagingOrder done = ordered;
    done.data_type = "OMG-11";
    done.study_uid = "1.2.392.200036.9116.2.5.1.48.1221418131.1324387264.531006";
    done.modality = "CR";
    done.findings = {"所見: 異常なし"};
    r.imaging = {ordered, done};
    const std::string xml = cda::write_provision(r, {{"登呂病院", "2214567890", "", "", ""}, "20111201", "20111231"}, context());
    const auto d = read_back(xml);
    for (const char* title : {"傷病名", "アレルギー・副作用", "処方・注射", "検査結果", "画像・生理検査"}) CHECK_MESSAGE(section(d, title), title);
    const std::string text = cda::render_text(d);
    CHECK(contains(text, "傷病名 2 件、アレルギー 1 件、処方 2 件、検査結果 4 件、画像・生理検査 2 件"));
    CHECK(contains(text, "ペニシリン"));
    CHECK(contains(text, "放射線検査の実施通知"));
    CHECK(contains(text, "所見: 異常なし"));
    const auto doc = xml_of(xml);
    const auto problem = doc.select_node("//section[code/@code='11450-4']/entry/observation/value[@code='20054174']").node();
    REQUIRE(problem);
    CHECK(std::string(problem.child("translation").attribute("code").value()) == "K297");
    const auto imaging = doc.select_nodes("//section[code/@code='18726-0']/entry/observation");
    REQUIRE(imaging.size() == 2);
    CHECK(std::string(imaging[0].node().attribute("moodCode").value()) == "RQO");   // an order is a request, not an event
    CHECK(std::string(imaging[1].node().attribute("moodCode").value()) == "EVN");
    CHECK(std::string(imaging[1].node().select_node("reference/externalObservation/id").node().attribute("root").value()) == done.study_uid);
    // No OID for JJ1017 is published that we could find: the procedure is named, not coded.
    CHECK(std::string(imaging[1].node().child("code").attribute("nullFlavor").value()) == "OTH");
    CHECK(std::string(imaging[1].node().child("code").child("originalText").child_value()) == "胸部単純撮影");
}

TEST_CASE("cda writer helpers") {
    CHECK(cda::code_system_for("MDCDX2", "20054174")->oid == "1.2.392.200119.4.101.2");
    CHECK(cda::code_system_for("MDCDX2", "HR19")->oid == "1.2.392.200119.4.101.6");
    CHECK_FALSE(cda::code_system_for("MDCDX2", "123"));
    CHECK(cda::code_system_for("HOT", "1088889")->name == "HOT7");
    CHECK(cda::code_system_for("HOT13", "1234567890123")->name == "HOT13");
    CHECK_FALSE(cda::code_system_for("99XYZ", "1"));
    CHECK(cda::build::quantity_unit("mg/dL") == "mg/dL");
    CHECK(cda::build::quantity_unit("\u03bcg/mL") == "ug/mL");
    CHECK(cda::build::quantity_unit("錠", "TAB") == "{TAB}");
    CHECK(cda::build::quantity_unit("錠") == "1");
    CHECK(cda::build::quantity_unit("x 10^4") == "1");
    CHECK(cda::is_institution_code("2214567890"));
    CHECK_FALSE(cda::is_institution_code("221456789"));
    CHECK_FALSE(cda::is_institution_code("22145678a0"));
}

TEST_CASE("selection: nothing to select in an empty record") {
    clinical::ClinicalRecord empty;
    CHECK(clinical::current_prescriptions(empty).empty());
    CHECK(clinical::recent_lab_results(empty).empty());
    auto r = record();
    r.lab_results[0].observed_at = "garbage";
    CHECK(clinical::recent_lab_results(r).size() == 2);
}

TEST_CASE("writer: text that is not UTF-8 is written as U+FFFD, never as bytes no parser reads (found by fuzzing)") {
    CHECK(cda::build::xml_text("a\xFB\xFC" "b") == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
    CHECK(cda::build::xml_text("\xE6\x82\xA3\xE8\x80\x85") == "\xE6\x82\xA3\xE8\x80\x85");   // 患者 kept
    CHECK(cda::build::xml_text("x\x01y\tz") == "xy\tz");                                     // controls dropped
    clinical::ClinicalRecord record;
    record.patient.id = "9999013";
    record.patient.name = "\xFB\xFC";
    cda::ReferralLetter letter;
    letter.purpose = "purpose \xC3";
    const std::string xml = cda::write_referral(record, letter, {});
    const auto read = cda::read_document(as_bytes(xml), "written.xml");
    CHECK(read.value);
    CHECK(read.diagnostics.empty());
}
