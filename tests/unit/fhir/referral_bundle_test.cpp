// tests/unit/fhir/referral_bundle_test.cpp — tests core/fhir/referral_bundle.cpp
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/fhir/referral_bundle.h"
#include "tests/unit/fhir/sample_record.h"

using namespace ssmix;
using nlohmann::json;

namespace {

fhir::DocumentContext context() {
    fhir::DocumentContext c;
    c.instant = "2026-11-26T09:30:00.123+09:00";
    return c;
}

const json* section(const json& list, const std::string& code) {
    for (const auto& s : list)
        if (s["code"]["coding"][0]["code"] == code) return &s;
    return nullptr;
}

}  // namespace

TEST_CASE("fhir referral: an earlier version that is not a referral bundle is refused with a reason") {
    std::string why;
    CHECK_FALSE(fhir::read_earlier_version("{", why));
    CHECK(why == "not JSON");
    CHECK_FALSE(fhir::read_earlier_version(R"({"resourceType":"Bundle","type":"collection"})", why));
    CHECK(why == "not a FHIR document Bundle");
    CHECK_FALSE(fhir::read_earlier_version(R"({"resourceType":"Bundle","type":"document","entry":[{"resource":{"resourceType":"Patient"}}]})", why));
    CHECK(why == "its first entry is not a Composition");
    CHECK_FALSE(fhir::read_earlier_version(R"({"resourceType":"Bundle","type":"document","entry":[{"resource":{"resourceType":"Composition"}}]})", why));
    CHECK(why == "its Composition has no identifier");
}

TEST_CASE("fhir referral: the bundle is a JP_Bundle_eReferral document with the letter's sections") {
    const std::string text = fhir::write_referral_bundle(fhir_test::record(), fhir_test::letter(), context());
    CHECK(text.rfind("{", 0) == 0);   // no BOM
    const json b = json::parse(text);
    CHECK(b["type"] == "document");
    CHECK(b["meta"]["profile"][0] == "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral|1");
    CHECK(b["identifier"]["system"] == "http://jpfhir.jp/fhir/clins/bundle-identifier");
    CHECK(b["identifier"]["value"].get<std::string>().rfind("2214567890^2026^", 0) == 0);
    CHECK(b["timestamp"] == "2026-11-26T09:30:00.123+09:00");
    const json& c = b["entry"][0]["resource"];
    CHECK(c["resourceType"] == "Composition");
    CHECK(c["type"]["coding"][0]["code"] == "57133-1");
    CHECK(c["date"] == "2026-11-26T09:30:00+09:00");
    CHECK(c["event"][0]["period"]["start"] == "2026-11-26");
    CHECK_FALSE(c.contains("relatesTo"));
    REQUIRE(section(c["section"], "920"));
    REQUIRE(section(c["section"], "910"));
    REQUIRE(section(c["section"], "220"));
    CHECK_FALSE(section(c["section"], "210"));   // no CDA form given
    const json* structured = section(c["section"], "300");
    REQUIRE(structured);
    const json* problems = section((*structured)["section"], "340");
    REQUIRE(problems);
    CHECK((*problems)["entry"].size() == 2);
    CHECK((*problems)["text"]["div"].get<std::string>().find("胃炎") != std::string::npos);
    const json* illness = section((*structured)["section"], "360");
    REQUIRE(illness);
    CHECK((*illness)["text"]["div"] == "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>心窩部痛。</p><p>再燃。</p></div>");
    CHECK_FALSE(section((*structured)["section"], "370"));   // no past history written
    CHECK((*section((*structured)["section"], "620"))["entry"].size() == 2);
}

TEST_CASE("fhir referral: the same input gives the same identifiers, a new version new ones that replace") {
    const auto record = fhir_test::record();
    const auto letter = fhir_test::letter();
    auto later = context();
    later.instant = "2026-11-26T10:00:00.000+09:00";
    const json a = json::parse(fhir::write_referral_bundle(record, letter, context()));
    const json b = json::parse(fhir::write_referral_bundle(record, letter, later));
    CHECK(a["identifier"] == b["identifier"]);
    for (std::size_t i = 0; i < a["entry"].size(); ++i) CHECK(a["entry"][i]["fullUrl"] == b["entry"][i]["fullUrl"]);

    std::string why;
    const auto earlier = fhir::read_earlier_version(a.dump(), why);
    REQUIRE(earlier);
    CHECK(earlier->version == 1);
    CHECK(earlier->patient_id == "9999013");
    auto revision = context();
    revision.version = earlier->version + 1;
    revision.replaces = earlier->composition_identifier;
    const json r = json::parse(fhir::write_referral_bundle(record, letter, revision));
    CHECK(r["identifier"] != a["identifier"]);
    CHECK(r["entry"][0]["resource"]["relatesTo"][0]["code"] == "replaces");
    CHECK(r["entry"][0]["resource"]["relatesTo"][0]["targetIdentifier"]["value"] == earlier->composition_identifier);
    CHECK(r["entry"][0]["resource"]["extension"][0]["valueString"] == "2");
}

TEST_CASE("fhir referral: with the CDA form, section 210 points to a DocumentReference of that file") {
    auto c = context();
    c.cda = fhir::link_cda("letter.xml", "abc", "2.25.1");
    CHECK(c.cda->sha1_base64 == "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=");   // SHA-1("abc")
    CHECK(c.cda->size == 3);
    const json b = json::parse(fhir::write_referral_bundle(fhir_test::record(), fhir_test::letter(), c));
    const json* attachment = section(b["entry"][0]["resource"]["section"], "210");
    REQUIRE(attachment);
    const std::string target = (*attachment)["entry"][0]["reference"];
    const json& last = b["entry"].back();
    CHECK(last["fullUrl"] == target);
    CHECK(last["resource"]["resourceType"] == "DocumentReference");
    CHECK(last["resource"]["content"][0]["attachment"]["url"] == "letter.xml");
    CHECK(last["resource"]["masterIdentifier"]["value"] == "urn:oid:2.25.1");
}
