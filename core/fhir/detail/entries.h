// core/fhir/detail/entries.h — FHIR resources as the clinical model's pieces: Patient,
// Condition -> Problem, AllergyIntolerance -> Allergy, MedicationRequest -> a drug line of a
// PrescriptionOrder's Rp, Observation -> LabResult. Code systems back to SS-MIX2's table names
// (MDCDX2, I10, HOT9, JC10, JAMISDP01, MR9P ...) where core/fhir/codes.h maps them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cda/document.h"
#include "core/clinical/record.h"
#include "core/fhir/detail/json_access.h"

namespace ssmix::fhir::detail {

// HumanName[] with the iso21090-EN-representation extension: IDE kanji, SYL kana, else other.
[[nodiscard]] cda::PersonName person_name(JsonAccess& json, const At& resource);
[[nodiscard]] clinical::Patient read_patient(JsonAccess& json, const At& resource);
// Organization.name and its JP_eCS_Department text.
[[nodiscard]] std::string organization_name(JsonAccess& json, const At& resource);
[[nodiscard]] std::string organization_department(JsonAccess& json, const At& resource);

// Nothing for a condition entered in error or refuted.
[[nodiscard]] std::optional<clinical::Problem> read_condition(JsonAccess& json, const At& resource);
[[nodiscard]] std::optional<clinical::Allergy> read_allergy(JsonAccess& json, const At& resource);

// One MedicationRequest: the order it belongs to and its Rp with one drug. Nothing when the
// request was cancelled or entered in error.
struct MedicationLine {
    std::string order_key;      // groupIdentifier, requisition, the prescription order id, else the date
    clinical::PrescriptionOrder order;   // without Rps
    clinical::Rp rp;            // one medication
};
[[nodiscard]] std::optional<MedicationLine> read_medication_request(JsonAccess& json, const At& resource);
// Where the orders and Rps added so far are, so that grouping stays linear in the entries.
struct MedicationGroups {
    std::map<std::string, std::size_t> orders;                          // order_key -> index
    std::map<std::pair<std::size_t, std::string>, std::size_t> rps;     // (order, Rp number) -> index
};
// Adds the line to its order (by order_key) and Rp (by Rp number, when it has one).
void add_medication_line(std::vector<clinical::PrescriptionOrder>& orders, MedicationGroups& groups, MedicationLine line);

// Any Observation as a result row; `laboratory` says whether its category is laboratory.
[[nodiscard]] std::optional<clinical::LabResult> read_observation(JsonAccess& json, const At& resource, bool& laboratory);

}  // namespace ssmix::fhir::detail
