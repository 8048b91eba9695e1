// tests/unit/fhir/bundle_reader_test.cpp — tests core/fhir/bundle_reader.cpp: our own bundles
// read back to the record they were written from, the IG's examples read with every section,
// and hostile bundles (active narrative, deep nesting, huge strings, wrong types) stay inert.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/cda/render.h"
#include "core/fhir/bundle_reader.h"
#include "core/fhir/clins_bundle.h"
#include "core/fhir/detail/json_access.h"
#include "core/fhir/referral_bundle.h"
#include "tests/unit/fhir/sample_record.h"

using namespace ssmix;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string referral_json() {
    fhir::DocumentContext c;
    c.instant = "2026-11-26T09:30:00.123+09:00";
    return fhir::write_referral_bundle(fhir_test::record(), fhir_test::letter(), c);
}

Parsed<fhir::ReadBundle> read(const std::string& text, const std::string& name = "test.json") {
    return fhir::read_bundle(as_bytes(text), name);
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool has_diagnostic(const std::vector<Diagnostic>& list, const std::string& where, const std::string& code) {
    for (const auto& d : list)
        if (d.place.where.find(where) != std::string::npos && d.code == code) return true;
    return false;
}

std::string all_text(const std::vector<cda::NarrativeNode>& nodes) {
    std::string out;
    for (const auto& n : nodes) out += n.text + all_text(n.children);
    return out;
}

// Section titles in document order, nested ones after their parent, from the JSON itself.
void json_titles(const json& sections, std::vector<std::string>& out) {
    for (const auto& s : sections) {
        out.push_back(s.value("title", ""));
        if (s.contains("section")) json_titles(s["section"], out);
    }
}

void read_titles(const std::vector<cda::Section>& sections, std::vector<std::string>& out) {
    for (const auto& s : sections) {
        out.push_back(s.title);
        read_titles(s.sections, out);
    }
}

// Every section that has narrative or entries in the JSON has narrative after reading.
void check_narrative(const json& sections, const std::vector<cda::Section>& read_sections) {
    REQUIRE(sections.size() == read_sections.size());
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const bool has_content = sections[i].contains("text") || sections[i].contains("entry");
        if (has_content && !sections[i].contains("section")) CHECK_MESSAGE(!all_text(read_sections[i].text).empty(), sections[i].value("title", ""));
        if (sections[i].contains("section")) check_narrative(sections[i]["section"], read_sections[i].sections);
    }
}

std::string with_narrative(const std::string& div) {
    json b = {{"resourceType", "Bundle"}, {"type", "document"}};
    json composition = {{"resourceType", "Composition"}, {"title", "t"}};
    composition["section"] = json::array({{{"title", "所見"}, {"text", {{"status", "additional"}, {"div", div}}}}});
    b["entry"] = json::array({{{"fullUrl", "urn:uuid:1"}, {"resource", composition}}});
    return b.dump();
}

}  // namespace

TEST_CASE("fhir bundle reader: our referral bundle reads back to the letter's header and sections") {
    const std::string text = referral_json();
    const auto read_back = read(text);
    for (const auto& d : read_back.diagnostics) INFO(to_string(d));
    CHECK_FALSE(read_back.has_errors());
    REQUIRE(read_back.value);
    CHECK(read_back.value->type == "document");
    REQUIRE(read_back.value->document);
    const cda::Document& d = *read_back.value->document;
    CHECK(d.title == "診療情報提供書");
    CHECK(d.code.code == "57133-1");
    CHECK(d.effective_time == "20261126093000+0900");
    CHECK(d.version == "1");
    CHECK(d.id.extension.rfind("2214567890^2026^", 0) == 0);
    CHECK(d.patient.name.ideographic == "患者 太郎");
    CHECK(d.patient.name.syllabic == "カンジャ タロウ");
    CHECK(d.patient.birth_time == "19480405");
    CHECK(d.patient.gender == "M");
    REQUIRE(d.authors.size() == 1);   // the doctor and the organization written as two references
    CHECK(d.authors[0].person.ideographic == "医師 一郎");
    CHECK(d.authors[0].organization == "登呂病院");
    CHECK(d.authors[0].department == "内科");
    CHECK(d.custodian.organization == "登呂病院");
    REQUIRE(d.recipients.size() == 1);
    CHECK(d.recipients[0].organization == "駿河総合病院");
    CHECK(d.recipients[0].person.ideographic == "山田 花子");

    std::vector<std::string> expected, got;
    json_titles(json::parse(text)["entry"][0]["resource"]["section"], expected);
    read_titles(d.sections, got);
    CHECK(got == expected);
    CHECK(std::find(got.begin(), got.end(), "投薬指示") != got.end());
    check_narrative(json::parse(text)["entry"][0]["resource"]["section"], d.sections);
}

TEST_CASE("fhir bundle reader: our referral bundle reads back to the same problems, allergies, prescriptions and results") {
    const auto source = fhir_test::record();
    const auto read_back = read(referral_json());
    REQUIRE(read_back.value);
    const clinical::ClinicalRecord& r = read_back.value->record;
    CHECK(r.patient.id == source.patient.id);
    CHECK(r.patient.name == "患者 太郎");
    CHECK(r.patient.name_kana == "カンジャ タロウ");
    CHECK(r.patient.birth_date == "19480405");
    CHECK(r.patient.sex == "M");

    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].diagnosis.code == "20054174");
    CHECK(r.problems[0].diagnosis.text == "胃炎");
    CHECK(r.problems[0].diagnosis.system == "MDCDX2");
    CHECK(r.problems[0].icd10 == "K297");
    CHECK(r.problems[0].onset_date == "20110831");
    CHECK(r.problems[0].diagnosis_date == "20110915");
    CHECK(r.problems[0].main);
    CHECK(r.problems[0].department.code == "01");
    CHECK(r.problems[1].diagnosis.code.empty());   // written as the all-9s "no code"
    CHECK(r.problems[1].diagnosis.text == "院内病名");
    CHECK(r.problems[1].suspected);

    REQUIRE(r.allergies.size() == 2);
    CHECK(r.allergies[0].type.code == "DA");
    CHECK(r.allergies[0].allergen.text == "ペニシリン");
    CHECK(r.allergies[0].allergen.code == "1");
    CHECK(r.allergies[0].severity.code == "MO");
    CHECK(r.allergies[0].reaction == "発疹");
    CHECK(r.allergies[1].allergen.text == "不明物質");

    REQUIRE(r.prescriptions.size() == 1);
    const clinical::PrescriptionOrder& order = r.prescriptions[0];
    CHECK(order.order_number == "000000011000185");
    CHECK(order.date == "20110701");
    REQUIRE(order.rps.size() == 1);
    CHECK(order.rps[0].number == "1");
    CHECK(order.rps[0].usage.code == "1013044400000000");
    CHECK(order.rps[0].usage.system == "JAMISDP01");
    CHECK(order.rps[0].days == "5");
    REQUIRE(order.rps[0].medications.size() == 1);
    const clinical::Medication& m = order.rps[0].medications[0];
    CHECK(m.drug.code == "108665201");
    CHECK(m.drug.system == "HOT9");
    CHECK(m.drug.text == "ダーゼン錠（５mg)");
    CHECK(m.dose == "1");
    CHECK(m.dose_unit.code == "TAB");
    CHECK(m.dispense_amount == "15");

    REQUIRE(r.lab_results.size() == 2);
    CHECK(r.lab_results[0].test.code == "3A010000002327101");
    CHECK(r.lab_results[0].test.system == "JC10");
    REQUIRE(r.lab_results[0].number);
    CHECK(*r.lab_results[0].number == doctest::Approx(7.2));
    CHECK(r.lab_results[0].value == "7.2");
    CHECK(r.lab_results[0].unit == "g/dl");
    CHECK(r.lab_results[0].reference_range == "6.70-8.3");
    CHECK(r.lab_results[0].abnormal_flag == "H");
    CHECK(r.lab_results[0].observed_at == "201112191500");
    CHECK(r.lab_results[0].specimen.code == "023");
    CHECK(r.lab_results[1].test.code == "L001");
    CHECK(r.lab_results[1].value == "陰性");
}

TEST_CASE("fhir bundle reader: our 6情報 collections read back, one kind each, without a document") {
    const auto source = fhir_test::record();
    const fhir::ClinsContext context{"2214567890", "2026-11-26T09:30:00.000+09:00", "", ""};
    const auto conditions = read(fhir::write_clins_bundle(source, fhir::ClinsKind::conditions, context));
    REQUIRE(conditions.value);
    CHECK_FALSE(conditions.has_errors());
    CHECK(conditions.value->type == "collection");
    CHECK_FALSE(conditions.value->document);
    REQUIRE(conditions.value->record.problems.size() == 2);
    CHECK(conditions.value->record.problems[0].diagnosis.code == "20054174");
    CHECK(conditions.value->record.patient.id == "9999013");
    const auto allergies = read(fhir::write_clins_bundle(source, fhir::ClinsKind::allergies, context));
    REQUIRE(allergies.value);
    CHECK(allergies.value->record.allergies.size() == source.allergies.size());
    const auto labs = read(fhir::write_clins_bundle(source, fhir::ClinsKind::labs, context));
    REQUIRE(labs.value);
    REQUIRE(labs.value->record.lab_results.size() == 2);
    CHECK(labs.value->record.lab_results[0].test.code == "3A010000002327101");
    const auto prescriptions = read(fhir::write_clins_bundle(source, fhir::ClinsKind::prescriptions, context));
    REQUIRE(prescriptions.value);
    REQUIRE(prescriptions.value->record.prescriptions.size() == 1);
    CHECK(prescriptions.value->record.prescriptions[0].rps[0].medications[0].drug.code == "108665201");

    const cda::Document summary = fhir::entries_document(*labs.value);
    REQUIRE(summary.sections.size() == 1);
    CHECK(summary.sections[0].title == "検査結果");
    CHECK(all_text(summary.sections[0].text).find("総蛋白") != std::string::npos);
}

TEST_CASE("fhir bundle reader: every IG example bundle reads with all its Composition sections") {
    std::vector<fs::path> files;
    for (const char* folder : {"examples", "ereferral"})
        for (const auto& entry : fs::directory_iterator(fs::path(SSMIX_TEST_DATA_DIR) / "fhir" / folder)) files.push_back(entry.path());
    int bundles = 0;
    for (const auto& path : files) {
        const std::string text = slurp(path);
        const json source = json::parse(text);
        const auto read_back = read(text, path.string());
        INFO(path.string());
        if (source["resourceType"] != "Bundle") {   // single resources: refused, no crash
            CHECK_FALSE(read_back.value);
            CHECK(has_diagnostic(read_back.diagnostics, "resourceType", "fhir.not_bundle"));
            continue;
        }
        ++bundles;
        for (const auto& d : read_back.diagnostics) INFO(to_string(d));
        CHECK_FALSE(read_back.has_errors());
        REQUIRE(read_back.value);
        const json* composition = nullptr;
        for (const auto& e : source["entry"])
            if (e["resource"]["resourceType"] == "Composition") composition = &e["resource"];
        CHECK(read_back.value->document.has_value() == (composition != nullptr));
        if (!composition) continue;
        std::vector<std::string> expected, got;
        json_titles((*composition)["section"], expected);
        read_titles(read_back.value->document->sections, got);
        CHECK(got == expected);
        check_narrative((*composition)["section"], read_back.value->document->sections);
        CHECK_FALSE(read_back.value->document->patient.name.best().empty());
        CHECK_FALSE(cda::render_html_page(*read_back.value->document).empty());
    }
    CHECK(bundles >= 5);
}

TEST_CASE("fhir bundle reader: active narrative is dropped, its text kept, each drop named by JSON path") {
    const std::string div =
        R"X(<div xmlns="http://www.w3.org/1999/xhtml"><p onclick="alert(1)" style="color:red">見える<script>alert(2)</script></p>)X"
        R"X(<a href="javascript:alert(3)">リンク</a><a href="#x">内部</a><img src="http://evil/x.png"/><style>p{}</style>)X"
        R"X(<iframe src="http://evil/"></iframe><object data="x"></object><b>太字</b><table><tr><td colspan="2">セル</td></tr></table></div>)X";
    const auto read_back = read(with_narrative(div));
    REQUIRE(read_back.value);
    REQUIRE(read_back.value->document);
    const auto& section = read_back.value->document->sections.at(0);
    const std::string text = all_text(section.text);
    CHECK(text.find("見える") != std::string::npos);
    CHECK(text.find("リンク") != std::string::npos);
    CHECK(text.find("太字") != std::string::npos);
    CHECK(text.find("セル") != std::string::npos);
    CHECK(text.find("alert") == std::string::npos);
    const std::string path = "Bundle.entry[0].resource.section[0].text.div";
    CHECK(has_diagnostic(read_back.diagnostics, path, "fhir.narrative.dropped"));
    CHECK(has_diagnostic(read_back.diagnostics, path + "/p[1]/script[1]", "fhir.narrative.dropped"));
    CHECK(has_diagnostic(read_back.diagnostics, path + "/img[1]", "fhir.narrative.dropped"));
    CHECK(has_diagnostic(read_back.diagnostics, path + "/iframe[1]", "fhir.narrative.dropped"));
    CHECK(has_diagnostic(read_back.diagnostics, path + "/p[1]", "fhir.attribute.dropped"));
    CHECK(has_diagnostic(read_back.diagnostics, path + "/a[1]", "fhir.link.dropped"));
    const std::string html = cda::render_html_page(*read_back.value->document);
    for (const char* banned : {"alert", "onclick", "javascript:", "<img", "<iframe", "<object", "evil", "color:red"})
        CHECK_MESSAGE(html.find(banned) == std::string::npos, banned);
    CHECK(html.find("href=\"#") != std::string::npos);   // the inside link stays a link
}

TEST_CASE("fhir bundle reader: narrative that is not XHTML is shown as text, deep XHTML is cut") {
    const auto broken = read(with_narrative("<div><p>閉じない<script>x</div>"));
    REQUIRE(broken.value);
    CHECK(has_diagnostic(broken.diagnostics, "section[0].text.div", "fhir.narrative.xhtml"));
    std::string deep = "<div>";
    for (int i = 0; i < 10000; ++i) deep += "<span>";
    deep += "底";
    for (int i = 0; i < 10000; ++i) deep += "</span>";
    deep += "</div>";
    const auto read_back = read(with_narrative(deep));
    REQUIRE(read_back.value);
    CHECK(has_diagnostic(read_back.diagnostics, "section[0].text.div", "fhir.narrative.too_deep"));
    CHECK_FALSE(cda::render_html_page(*read_back.value->document).empty());
}

TEST_CASE("fhir bundle reader: deep JSON nesting is refused before parsing") {
    const std::string brackets(10000, '[');
    const auto read_back = read(brackets);
    CHECK_FALSE(read_back.value);
    CHECK(has_diagnostic(read_back.diagnostics, "byte 128", "fhir.too_deep"));
    std::string objects = R"({"resourceType":"Bundle","entry":)";
    for (int i = 0; i < 10000; ++i) objects += R"({"a":)";
    const auto nested = read(objects);
    CHECK_FALSE(nested.value);
    CHECK(nested.has_errors());
}

TEST_CASE("fhir bundle reader: a 20 MB string is read, not a problem") {
    json b = json::parse(with_narrative("<div>x</div>"));
    b["entry"][0]["resource"]["title"] = std::string(20u << 20, 'a');
    const auto read_back = read(b.dump());
    REQUIRE(read_back.value);
    REQUIRE(read_back.value->document);
    CHECK(read_back.value->document->title.size() == (20u << 20));
    CHECK_FALSE(read_back.has_errors());
}

TEST_CASE("fhir bundle reader: not JSON, not a Bundle, or too large: an error and no value") {
    const auto xml = read("<ClinicalDocument/>");
    CHECK_FALSE(xml.value);
    REQUIRE(xml.has_errors());
    CHECK(xml.diagnostics[0].place.file == "test.json");
    CHECK(xml.diagnostics[0].code == "fhir.json");
    CHECK(has_diagnostic(read(R"({"resourceType":"Patient"})").diagnostics, "resourceType", "fhir.not_bundle"));
    CHECK(has_diagnostic(read("[1,2]").diagnostics, "", "fhir.not_bundle"));
    CHECK(has_diagnostic(read("").diagnostics, "", "fhir.json"));
    const std::string huge(fhir::max_bundle_bytes + 1, ' ');
    CHECK(has_diagnostic(read(huge).diagnostics, "", "fhir.too_large"));
}

TEST_CASE("fhir bundle reader: wrong types are errors naming the JSON path, the rest is read") {
    const std::string text = R"({"resourceType":"Bundle","type":["document"],"entry":[
        {"fullUrl":"urn:uuid:c","resource":{"resourceType":"Composition","title":5,"subject":"Patient/1","date":"yesterday",
          "section":[{"title":"一"},{"title":["二"],"text":{"div":7}},"三",{"title":"四","section":{"title":"x"}}]}},
        "not an entry",
        {"resource":"not a resource"},
        {"resource":{"resourceType":"Condition","code":"胃炎","onsetDateTime":12}},
        {"resource":{"resourceType":"MedicationRequest","status":"active","dosageInstruction":[{"doseAndRate":{"x":1}}]}},
        {"resource":{"resourceType":"Observation","category":"laboratory","valueQuantity":{"value":"7"}}}]})";
    const auto read_back = read(text);
    REQUIRE(read_back.value);
    CHECK(read_back.has_errors());
    for (const char* where : {"Bundle.type", "Bundle.entry[0].resource.title", "Bundle.entry[0].resource.subject",
                              "Bundle.entry[0].resource.section[1].title", "Bundle.entry[0].resource.section[1].text.div",
                              "Bundle.entry[0].resource.section[2]", "Bundle.entry[0].resource.section[3].section", "Bundle.entry[1]",
                              "Bundle.entry[2].resource", "Bundle.entry[3].resource.code", "Bundle.entry[3].resource.onsetDateTime",
                              "Bundle.entry[4].resource.dosageInstruction[0].doseAndRate", "Bundle.entry[5].resource.category",
                              "Bundle.entry[5].resource.valueQuantity.value"})
        CHECK_MESSAGE(has_diagnostic(read_back.diagnostics, where, "fhir.type"), where);
    REQUIRE(read_back.value->document);
    const auto& sections = read_back.value->document->sections;
    REQUIRE(sections.size() == 3);
    CHECK(sections[0].title == "一");
    CHECK(sections[2].title == "四");
    CHECK(read_back.value->record.problems.size() == 1);
    CHECK(read_back.value->record.prescriptions.size() == 1);
    CHECK(has_diagnostic(read_back.diagnostics, "Bundle.entry[0].resource.date", "fhir.date"));
}

TEST_CASE("fhir bundle reader: a cancelled or entered-in-error MedicationRequest never appears") {
    for (const char* status : {"cancelled", "entered-in-error"}) {
        json b = json::parse(referral_json());
        int requests = 0;
        for (auto& e : b["entry"])
            if (e["resource"]["resourceType"] == "MedicationRequest") {
                e["resource"]["status"] = status;
                ++requests;
            }
        REQUIRE(requests == 1);
        const auto read_back = read(b.dump());
        REQUIRE(read_back.value);
        CHECK(read_back.value->record.prescriptions.empty());
        const auto& sections = read_back.value->document->sections;
        for (const auto& s : sections)
            for (const auto& inner : s.sections)
                if (inner.title == "投薬指示") CHECK(all_text(inner.text).find("ダーゼン") != std::string::npos);   // the sender's own narrative stays
    }
    // Without a narrative the section's table is built from the entries: the cancelled drug is not in it.
    json b = json::parse(referral_json());
    for (auto& e : b["entry"])
        if (e["resource"]["resourceType"] == "MedicationRequest") e["resource"]["status"] = "cancelled";
    for (auto& s : b["entry"][0]["resource"]["section"])
        if (s.contains("section"))
            for (auto& inner : s["section"]) inner.erase("text");
    const auto read_back = read(b.dump());
    REQUIRE(read_back.value);
    for (const auto& s : read_back.value->document->sections)
        for (const auto& inner : s.sections) {
            CHECK(all_text(inner.text).find("ダーゼン") == std::string::npos);
            if (inner.title == "傷病名・主訴") CHECK(all_text(inner.text).find("胃炎") != std::string::npos);
            if (inner.title == "検査結果") CHECK(all_text(inner.text).find("総蛋白") != std::string::npos);
        }
}

TEST_CASE("fhir bundle reader: looks_like_fhir_json tells a FHIR resource from XML and other JSON") {
    CHECK(fhir::looks_like_fhir_json(as_bytes(std::string("\xEF\xBB\xBF \n {\"resourceType\":\"Bundle\"}"))));
    CHECK(fhir::looks_like_fhir_json(as_bytes(std::string("{\"id\":\"x\",\n\"resourceType\":\"Patient\"}"))));
    CHECK_FALSE(fhir::looks_like_fhir_json(as_bytes(std::string("<?xml version=\"1.0\"?><ClinicalDocument/>"))));
    CHECK_FALSE(fhir::looks_like_fhir_json(as_bytes(std::string("{\"a\":1}"))));
    CHECK_FALSE(fhir::looks_like_fhir_json(as_bytes(std::string("[{\"resourceType\":\"Bundle\"}]"))));
    CHECK_FALSE(fhir::looks_like_fhir_json(as_bytes(std::string(""))));
    CHECK_FALSE(fhir::looks_like_fhir_json(as_bytes("{" + std::string(5000, ' ') + "\"resourceType\":\"Bundle\"}")));
}

TEST_CASE("fhir bundle reader: a recipient named in a Composition extension, references by Type/id") {
    const std::string text = R"({"resourceType":"Bundle","type":"document","entry":[
        {"fullUrl":"urn:uuid:c","resource":{"resourceType":"Composition","title":"紹介状","subject":{"reference":"Patient/p1"},
          "extension":[{"url":"http://example.jp/Extension/ReferralToOrganization","valueReference":{"reference":"urn:uuid:o"}}],
          "author":[{"reference":"http://example.jp/fhir/PractitionerRole/r1"}]}},
        {"fullUrl":"urn:uuid:o","resource":{"resourceType":"Organization","name":"紹介先病院"}},
        {"fullUrl":"http://example.jp/fhir/Patient/p1","resource":{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1930-06-28",
          "name":[{"text":"牧野 爛漫"}]}},
        {"resource":{"resourceType":"PractitionerRole","id":"r1","practitioner":{"reference":"Practitioner/d1"},"organization":{"reference":"urn:uuid:o2"}}},
        {"resource":{"resourceType":"Practitioner","id":"d1","name":[{"family":"大河内","given":["勘三郎"]}]}},
        {"fullUrl":"urn:uuid:o2","resource":{"resourceType":"Organization","name":"港診療所"}}]})";
    const auto read_back = read(text);
    REQUIRE(read_back.value);
    REQUIRE(read_back.value->document);
    const cda::Document& d = *read_back.value->document;
    REQUIRE(d.recipients.size() == 1);
    CHECK(d.recipients[0].organization == "紹介先病院");
    CHECK(d.patient.name.best() == "牧野 爛漫");
    CHECK(d.patient.gender == "F");
    CHECK(d.patient.birth_time == "19300628");
    REQUIRE(d.authors.size() == 1);
    CHECK(d.authors[0].person.best() == "大河内 勘三郎");
    CHECK(d.authors[0].organization == "港診療所");
}

TEST_CASE("fhir bundle reader: other senders' forms: OID code systems, range as low-high, interpretation, a MedicationRequest group") {
    const std::string text = R"({"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"Observation","status":"final",
          "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
          "code":{"coding":[{"system":"urn:oid:1.2.392.200119.4.504","code":"3F015000002327101","display":"グルコース"}]},
          "effectiveDateTime":"2026-11-02T08:05:00+09:00","valueQuantity":{"value":132,"unit":"mg/dL"},
          "referenceRange":[{"low":{"value":70},"high":{"value":109.5}}],
          "interpretation":[{"coding":[{"code":"H"}]}]}},
        {"resource":{"resourceType":"Observation","status":"final","category":[{"coding":[{"code":"vital-signs"}]}],
          "code":{"text":"体温"},"valueQuantity":{"value":36.5}}},
        {"resource":{"resourceType":"Condition","code":{"coding":[{"system":"urn:oid:1.2.392.200119.4.101.2","code":"20054174","display":"胃炎"}]},
          "clinicalStatus":{"coding":[{"code":"resolved"}]},"abatementDateTime":"2026-10-01"}},
        {"resource":{"resourceType":"MedicationRequest","status":"active","authoredOn":"2026-11-02","groupIdentifier":{"value":"G1"},
          "medicationCodeableConcept":{"coding":[{"system":"http://capstandard.jp/iyaku.info/CodeSystem/YJ-code","code":"2329021F1021"}],"text":"胃薬"},
          "dispenseRequest":{"expectedSupplyDuration":{"value":7,"code":"d"}}}},
        {"resource":{"resourceType":"MedicationRequest","status":"active","authoredOn":"2026-11-02","groupIdentifier":{"value":"G1"},
          "medicationCodeableConcept":{"text":"整腸剤"}}}]})";
    const auto read_back = read(text);
    REQUIRE(read_back.value);
    CHECK_FALSE(read_back.has_errors());
    const auto& r = read_back.value->record;
    REQUIRE(r.lab_results.size() == 1);   // the vital sign is not a laboratory result
    CHECK(r.lab_results[0].test.code == "3F015000002327101");
    CHECK(r.lab_results[0].test.system == "JC10");
    CHECK(r.lab_results[0].test.text == "グルコース");
    CHECK(r.lab_results[0].value == "132");
    CHECK(r.lab_results[0].reference_range == "70-109.5");
    CHECK(r.lab_results[0].abnormal_flag == "H");
    CHECK(r.lab_results[0].observed_at == "202611020805");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].diagnosis.code == "20054174");
    CHECK(r.problems[0].diagnosis.system == "MDCDX2");
    CHECK(r.problems[0].resolved_date == "20261001");
    REQUIRE(r.prescriptions.size() == 1);   // one group
    CHECK(r.prescriptions[0].date == "20261102");
    REQUIRE(r.prescriptions[0].rps.size() == 2);   // one Rp per request without an Rp number
    CHECK(r.prescriptions[0].rps[0].medications[0].drug.code == "2329021F1021");
    CHECK(r.prescriptions[0].rps[0].medications[0].drug.system == "YJ");
    CHECK(r.prescriptions[0].rps[0].days == "7");
    CHECK(r.prescriptions[0].rps[1].medications[0].drug.text == "整腸剤");
}

TEST_CASE("fhir bundle reader: a decimal as a person writes it, never in exponent form") {
    CHECK(fhir::detail::plain_decimal(50.0) == "50");
    CHECK(fhir::detail::plain_decimal(0.9) == "0.9");
    CHECK(fhir::detail::plain_decimal(7.25) == "7.25");
    CHECK(fhir::detail::plain_decimal(-1.5e-7) == "-0.00000015");
    CHECK(fhir::detail::plain_decimal(1.2e20) == "120000000000000000000");
    CHECK(fhir::detail::plain_decimal(1.0 / 3) == "0.3333333333333333");
}
