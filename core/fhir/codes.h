// core/fhir/codes.h — FHIR code-system URLs for the code systems SS-MIX2 messages name by their
// HL7 v2 table names (JC10, HOT9, MDCDX2, I10, JAMISDP01, HL70162, MR9P ...), and the mapped
// v2 tables (sex, allergy type and severity, result status and flags). URLs: JP-CLINS / JP Core
// NamingSystems (tests/data/fhir/README.md); the v2 tables: JAMI ssmix2-to-fhir ConceptMaps.
#pragma once

#include <string>
#include <string_view>

namespace ssmix::fhir {

// The URL for `code` of v2 table `v2_system`; empty for local ("99...") and unknown systems,
// which FHIR then gets as text only. JC10 maps only 17-digit codes (master-JLAC10-17digits).
[[nodiscard]] std::string system_url(std::string_view v2_system, std::string_view code);

// A code system URL for a code FHIR has no standard system for: the v2 table name under a
// reserved ".invalid" host (RFC 2606), so no receiver mistakes it for a published system.
[[nodiscard]] std::string local_system(std::string_view v2_system);

// HL7 table 0001 -> AdministrativeGender: M male, F female, O other, else unknown.
[[nodiscard]] std::string_view gender(std::string_view sex);
// HL7 table 0127 -> AllergyIntolerance.category; empty for AA (biologic, not allowed by
// JP_AllergyIntolerance_eCS) and the codes that have no category (MA, MC ...).
[[nodiscard]] std::string_view allergy_category(std::string_view type);
// HL7 table 0128 -> reaction.severity: MI mild, MO moderate, SV severe; else empty.
[[nodiscard]] std::string_view allergy_severity(std::string_view severity);
// OBX-11 -> Observation.status: F final, C corrected, P preliminary, X cancelled, D entered-in-error, else unknown.
[[nodiscard]] std::string_view result_status(std::string_view obx11);

}  // namespace ssmix::fhir
