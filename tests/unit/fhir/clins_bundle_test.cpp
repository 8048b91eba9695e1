// tests/unit/fhir/clins_bundle_test.cpp — tests core/fhir/clins_bundle.cpp
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/fhir/clins_bundle.h"
#include "tests/unit/fhir/sample_record.h"

using namespace ssmix;
using nlohmann::json;

namespace {
const fhir::ClinsContext context{"2214567890", "2026-11-26T09:30:00.000+09:00", "", ""};
}

TEST_CASE("fhir clins: an empty record has nothing of any kind") {
    clinical::ClinicalRecord empty;
    for (const auto kind : {fhir::ClinsKind::conditions, fhir::ClinsKind::allergies, fhir::ClinsKind::labs, fhir::ClinsKind::prescriptions})
        CHECK_FALSE(fhir::has_any(empty, kind));
    clinical::ClinicalRecord injections_only;
    injections_only.prescriptions.push_back({});
    injections_only.prescriptions[0].kind = clinical::OrderKind::injection;
    injections_only.prescriptions[0].rps.push_back({});
    injections_only.prescriptions[0].rps[0].medications.push_back({});
    CHECK_FALSE(fhir::has_any(injections_only, fhir::ClinsKind::prescriptions));   // injections are not 処方 in 6情報
}

TEST_CASE("fhir clins: one kind per collection, the Patient first, tagged with the kind") {
    const auto record = fhir_test::record();
    const json b = json::parse(fhir::write_clins_bundle(record, fhir::ClinsKind::conditions, context));
    CHECK(b["type"] == "collection");
    CHECK(b["meta"]["profile"][0] == "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS|1");
    CHECK(b["meta"]["tag"][0]["code"] == "Condition");
    CHECK(b["entry"][0]["resource"]["resourceType"] == "Patient");
    REQUIRE(b["entry"].size() == 3);
    for (std::size_t i = 1; i < b["entry"].size(); ++i) {
        CHECK(b["entry"][i]["resource"]["resourceType"] == "Condition");
        CHECK(b["entry"][i]["resource"]["subject"]["reference"] == b["entry"][0]["fullUrl"]);
    }
    const json labs = json::parse(fhir::write_clins_bundle(record, fhir::ClinsKind::labs, context));
    CHECK(labs["meta"]["tag"][0]["code"] == "Observation");
    CHECK(labs["entry"][1]["resource"]["contained"][0]["resourceType"] == "Encounter");
}

TEST_CASE("fhir clins: the report unit (kind and range) names the bundle identifier") {
    const auto record = fhir_test::record();
    const json a = json::parse(fhir::write_clins_bundle(record, fhir::ClinsKind::labs, context));
    const json again = json::parse(fhir::write_clins_bundle(record, fhir::ClinsKind::labs, context));
    CHECK(a["identifier"] == again["identifier"]);
    auto december = context;
    december.from = "20111201";
    const json d = json::parse(fhir::write_clins_bundle(record, fhir::ClinsKind::labs, december));
    CHECK(d["identifier"] != a["identifier"]);
    const json c = json::parse(fhir::write_clins_bundle(record, fhir::ClinsKind::conditions, context));
    CHECK(c["identifier"] != a["identifier"]);
    CHECK(fhir::kind_name(fhir::ClinsKind::allergies) == "allergies");
}
