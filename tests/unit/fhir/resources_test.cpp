// tests/unit/fhir/resources_test.cpp — tests core/fhir/resources.cpp
#include <doctest/doctest.h>

#include "core/fhir/detail/resources.h"
#include "tests/unit/fhir/sample_record.h"

using namespace ssmix;
using fhir::detail::Json;

namespace {

fhir::detail::Setting setting(bool clins = false) {
    return {"2214567890", "2026-11-26T09:30:00.000+09:00", "urn:uuid:p", "seed", clins};
}

bool has_coding(const Json& concept_value, const std::string& system, const std::string& code) {
    for (const auto& c : concept_value.value("coding", Json::array()))
        if (c.value("system", "") == system && c.value("code", "") == code) return true;
    return false;
}

}  // namespace

TEST_CASE("fhir resources: a disease without a MEDIS number gets the all-9s code and stays text") {
    const auto rec = fhir_test::record();
    const Json c = fhir::detail::condition(rec.problems[1], 1, setting()).resource;
    CHECK(has_coding(c["code"], "http://medis.or.jp/CodeSystem/master-disease-keyNumber", "99999999"));
    CHECK(c["code"]["text"] == "院内病名");
    CHECK(c["verificationStatus"]["coding"][0]["code"] == "provisional");
    CHECK_FALSE(c.contains("onsetDateTime"));
}

TEST_CASE("fhir resources: a coded problem has MEDIS, ICD-10, onset and the principal flag") {
    const auto rec = fhir_test::record();
    const Json c = fhir::detail::condition(rec.problems[0], 0, setting(true)).resource;
    CHECK(c["meta"]["profile"][0] == "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS|1");
    CHECK(has_coding(c["code"], "http://medis.or.jp/CodeSystem/master-disease-keyNumber", "20054174"));
    CHECK(has_coding(c["code"], "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full", "K297"));
    CHECK(c["onsetDateTime"] == "2011-08-31");
    CHECK(c["subject"]["reference"] == "urn:uuid:p");
    CHECK(c["contained"][0]["meta"]["profile"][0] == "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter");
    CHECK(c["encounter"]["reference"] == "#encounter");
    CHECK(c["extension"].dump().find("principal") != std::string::npos);
    CHECK(c["extension"].dump().find("\"01\"") != std::string::npos);   // the department
}

TEST_CASE("fhir resources: biologic allergies get no category, local allergen codes a local system") {
    const auto rec = fhir_test::record();
    const Json penicillin = fhir::detail::allergy(rec.allergies[0], 0, setting()).resource;
    CHECK(penicillin["category"][0] == "medication");
    CHECK(has_coding(penicillin["code"], "http://ssmix-carry.invalid/CodeSystem/v2-99XYZ", "1"));
    CHECK(penicillin["reaction"][0]["severity"] == "moderate");
    CHECK(penicillin["reaction"][0]["manifestation"][0]["text"] == "発疹");
    const Json other = fhir::detail::allergy(rec.allergies[1], 1, setting()).resource;
    CHECK_FALSE(other.contains("category"));
    CHECK_FALSE(other.contains("reaction"));
    CHECK(other["code"]["text"] == "不明物質");
}

TEST_CASE("fhir resources: a prescription has Rp ids, NOCODED beside HOT, the dummy usage code and days") {
    const auto rec = fhir_test::record();
    const auto requests = fhir::detail::medication_requests(rec.prescriptions[0], setting());
    REQUIRE(requests.size() == 1);
    const Json& m = requests[0].resource;
    CHECK(m["identifier"][0] == Json({{"system", "http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber"}, {"value", "1"}}));
    CHECK(m["identifier"][1]["value"] == "1");
    CHECK(has_coding(m["medicationCodeableConcept"], "http://medis.or.jp/CodeSystem/master-HOT9", "108665201"));
    CHECK(has_coding(m["medicationCodeableConcept"], "http://jpfhir.jp/fhir/eCS/CodeSystem/MedicationCodeNocoded_CS", "NOCODED"));
    const Json& dosage = m["dosageInstruction"][0];
    CHECK(has_coding(dosage["timing"]["code"], "http://jami.jp/CodeSystem/MedicationUsage", "1013044400000000"));
    CHECK(has_coding(dosage["timing"]["code"], "http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_MedicationUsage_Uncoded_CS", "0X0XXXXXXXXX0000"));
    CHECK(dosage["timing"]["repeat"]["boundsDuration"]["value"] == 5);
    CHECK(dosage["doseAndRate"][0]["doseQuantity"]["code"] == "TAB");
    CHECK(dosage["extension"][0]["valuePeriod"]["start"] == "2011-07-01");
    CHECK(m["dispenseRequest"]["quantity"]["value"] == 15);
}

TEST_CASE("fhir resources: a lab result without JLAC10 is marked uncoded, with JLAC10 it is coded") {
    const auto rec = fhir_test::record();
    const Json local = fhir::detail::lab_observation(rec.lab_results[1], 1, setting()).resource;
    CHECK(has_coding(local["code"], "http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_ObsLabResult_Uncoded_CS", "99999999999999999"));
    CHECK(has_coding(local["code"], "http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_ObsLabResult_LocalCode_CS", "L001"));
    CHECK(local["valueString"] == "陰性");
    const Json tp = fhir::detail::lab_observation(rec.lab_results[0], 0, setting()).resource;
    CHECK(has_coding(tp["code"], "http://medis.or.jp/CodeSystem/master-JLAC10-17digits", "3A010000002327101"));
    CHECK(tp["valueQuantity"]["value"] == 7.2);
    CHECK(tp["effectiveDateTime"] == "2011-12-19T15:00:00+09:00");
    CHECK(tp["interpretation"][0]["coding"][0]["code"] == "H");
    CHECK(tp["specimen"]["reference"] == "#specimen");
    CHECK(tp["contained"][0]["type"]["coding"][0]["code"] == "023");
    CHECK(tp["extension"][0]["valueIdentifier"]["value"] == "2214567890");
}

TEST_CASE("fhir resources: an institution without a code says unknown instead of inventing one") {
    const Json org = fhir::detail::organization({"駿河総合病院", "", "消化器内科", "", ""}, "to", setting()).resource;
    CHECK_FALSE(org["identifier"][0].contains("value"));
    CHECK(org["identifier"][0]["_value"]["extension"][0]["valueCode"] == "unknown");
    const Json known = fhir::detail::organization({"登呂病院", "2214567890", "", "", ""}, "from", setting()).resource;
    CHECK(known["identifier"][0]["value"] == "2214567890");
}

TEST_CASE("fhir resources: the patient has the institution's id system, kanji and kana names") {
    const auto rec = fhir_test::record();
    const Json p = fhir::detail::patient(rec.patient, setting()).resource;
    CHECK(p["identifier"][0]["system"] == "urn:oid:1.2.392.100495.20.3.51.12214567890");
    CHECK(p["name"][0]["family"] == "患者");
    CHECK(p["name"][0]["given"][0] == "太郎");
    CHECK(p["name"][1]["extension"][0]["valueCode"] == "SYL");
    CHECK(p["gender"] == "male");
    CHECK(p["birthDate"] == "1948-04-05");
}
