// core/fhir/clins_bundle.h — 6情報 as JP-CLINS JP_Bundle_CLINS collections: the Patient, then
// one kind of clinical resource per bundle, as the national service takes them (the bundle's
// meta.tag names the kind; mixing kinds is an error there). Mapping: JAMI ssmix2-to-fhir
// (PRB -> Condition, IAM/AL1 -> AllergyIntolerance, OBX -> Observation with JLAC10,
// RXE/TQ1/RXR -> MedicationRequest). Only what the ClinicalRecord holds: the current
// versions of the messages (condition flag 1), within the care-date range it was built with.
#pragma once

#include <string>
#include <string_view>

#include "core/clinical/record.h"

namespace ssmix::fhir {

// Conditions, allergies (drug contraindications are the allergies of category medication),
// laboratory results (infection results are lab results with their JLAC10 code), and
// prescriptions. JP-CLINS 1.5.2's rule R02142 accepts only the first three as the bundle's kind:
// a prescriptions bundle is written on request, and the service does not process it.
enum class ClinsKind { conditions, allergies, labs, prescriptions };

[[nodiscard]] std::string_view kind_name(ClinsKind kind);   // "conditions" ...

struct ClinsContext {
    std::string institution_code;   // 10-digit 医療機関コード of the sender
    std::string instant;            // Bundle.timestamp (jst_instant)
    std::string from, to;           // the care-date range (YYYYMMDD, may be empty): part of the report unit
};

// True when the record has anything of this kind.
[[nodiscard]] bool has_any(const clinical::ClinicalRecord& record, ClinsKind kind);

// The bundle as UTF-8 JSON. Its identifier ("<institution>^<yyyy>^<key>") is derived from the
// institution, patient, kind and range: sending the same report unit again replaces it.
[[nodiscard]] std::string write_clins_bundle(const clinical::ClinicalRecord& record, ClinsKind kind, const ClinsContext& context);

}  // namespace ssmix::fhir
