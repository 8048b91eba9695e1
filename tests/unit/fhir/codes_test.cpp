// tests/unit/fhir/codes_test.cpp — tests core/fhir/codes.cpp
#include <doctest/doctest.h>

#include "core/fhir/codes.h"

using namespace ssmix;

TEST_CASE("fhir codes: local and unknown systems have no standard URL") {
    CHECK(fhir::system_url("99XYZ", "1").empty());
    CHECK(fhir::system_url("", "1").empty());
    CHECK(fhir::system_url("JC10", "5A1002216023023").empty());   // 15 digits: not a 17-digit JLAC10 code
    CHECK(fhir::system_url("HOT9", "12345").empty());             // wrong length
    CHECK(fhir::local_system("99<x>Y") == "http://ssmix-carry.invalid/CodeSystem/v2-99xY");
    CHECK(fhir::local_system("") == "http://ssmix-carry.invalid/CodeSystem/v2-local");
}

TEST_CASE("fhir codes: SS-MIX2 table names map to the JP-CLINS system URLs") {
    CHECK(fhir::system_url("JC10", "3A010000002327101") == "http://medis.or.jp/CodeSystem/master-JLAC10-17digits");
    CHECK(fhir::system_url("HOT9", "108665201") == "http://medis.or.jp/CodeSystem/master-HOT9");
    CHECK(fhir::system_url("MDCDX2", "20054174") == "http://medis.or.jp/CodeSystem/master-disease-keyNumber");
    CHECK(fhir::system_url("I10", "K297") == "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full");
    CHECK(fhir::system_url("JAMISDP01", "1013044400000000") == "http://jami.jp/CodeSystem/MedicationUsage");
    CHECK(fhir::system_url("HL70162", "PO") == "http://jpfhir.jp/fhir/core/CodeSystem/route-codes");
    CHECK(fhir::system_url("MR9P", "TAB") == "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code");
}

TEST_CASE("fhir codes: v2 tables to FHIR codes, unknown values to nothing or unknown") {
    CHECK(fhir::gender("M") == "male");
    CHECK(fhir::gender("F") == "female");
    CHECK(fhir::gender("X") == "unknown");
    CHECK(fhir::allergy_category("DA") == "medication");
    CHECK(fhir::allergy_category("FA") == "food");
    CHECK(fhir::allergy_category("LA") == "environment");
    CHECK(fhir::allergy_category("AA").empty());   // biologic is not allowed by JP_AllergyIntolerance_eCS
    CHECK(fhir::allergy_severity("SV") == "severe");
    CHECK(fhir::allergy_severity("U").empty());
    CHECK(fhir::result_status("F") == "final");
    CHECK(fhir::result_status("C") == "corrected");
    CHECK(fhir::result_status("") == "unknown");
}
