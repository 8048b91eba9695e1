// core/fhir/detail/resources.h — one JP-CLINS resource from one piece of the clinical model, as
// JSON (nlohmann stays inside core/fhir). The two bundle writers and the unit tests use these.
// Every resource gets meta (lastUpdated, profile "<url>|1"), and the clinical ones the
// institution-number extension, a resourceInstance identifier and their patient's reference.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cda/header.h"
#include "core/clinical/record.h"

namespace ssmix::fhir::detail {

using Json = nlohmann::ordered_json;   // keys in the order written: resourceType first

struct Setting {                       // what every resource of one bundle shares
    std::string institution_code;      // 10 digits (sender)
    std::string instant;               // meta.lastUpdated
    std::string patient_url;           // the Patient's fullUrl
    std::string seed;                  // names stable ids: institution and patient
    bool clins = false;                // 6情報: contained Encounter + department on Condition/Observation
};

struct Entry {
    std::string full_url;
    Json resource;
};

[[nodiscard]] Json meta(std::string_view profile, const Setting& setting);
[[nodiscard]] Json coding(std::string_view system, std::string_view code, std::string_view display);
// A v2 code as CodeableConcept: a coding when the system is known, the text always.
[[nodiscard]] Json concept_of(const clinical::Code& code);

[[nodiscard]] Entry patient(const clinical::Patient& patient, const Setting& setting);
// key: "from", "to" ...; an institution without a 10-digit code gets data-absent-reason.
[[nodiscard]] Entry organization(const cda::Institution& institution, const std::string& key, const Setting& setting);
[[nodiscard]] Entry practitioner(const std::string& name, const std::string& local_id, const std::string& key, const Setting& setting);
// The referral's Encounter (紹介目的 in reasonCode.text).
[[nodiscard]] Entry referral_encounter(const std::string& purpose, const Setting& setting);

[[nodiscard]] Entry condition(const clinical::Problem& problem, std::size_t index, const Setting& setting);
[[nodiscard]] Entry allergy(const clinical::Allergy& allergy, std::size_t index, const Setting& setting);
// One MedicationRequest per drug of each Rp.
[[nodiscard]] std::vector<Entry> medication_requests(const clinical::PrescriptionOrder& order, const Setting& setting);
[[nodiscard]] Entry lab_observation(const clinical::LabResult& result, std::size_t index, const Setting& setting);

// A reference to an entry: {"reference": fullUrl}.
[[nodiscard]] Json reference(const Entry& entry);

}  // namespace ssmix::fhir::detail
