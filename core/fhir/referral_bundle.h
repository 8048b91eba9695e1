// core/fhir/referral_bundle.h — the referral letter (診療情報提供書) as a JP-CLINS
// JP_Bundle_eReferral document: the same ReferralLetter and ClinicalRecord that core/cda's
// write_referral takes, the same narrative tables, plus coded entries (Condition,
// AllergyIntolerance, MedicationRequest, Observation with JLAC10). Profiles: JP-CLINS 1.5.2.
//
//   DocumentContext context;  context.instant = jst_instant(now);   // a first version
//   std::string json = write_referral_bundle(record, letter, context);
//   // a corrected letter: context.version = earlier->version + 1; context.replaces = earlier->composition_identifier
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/cda/referral.h"
#include "core/clinical/record.h"

namespace ssmix::fhir {

// The CDA form of the same letter, which the bundle points to (section 添付情報, a
// DocumentReference with its file name, size and SHA-1) when both forms are written.
struct CdaLink {
    std::string file_name;      // relative to the bundle, e.g. "letter.xml"
    std::size_t size = 0;
    std::string sha1_base64;
    std::string document_id;    // the CDA's ClinicalDocument/id root (an OID)
};
[[nodiscard]] CdaLink link_cda(std::string file_name, std::string_view xml, std::string document_id);

struct DocumentContext {
    std::string instant;        // Bundle.timestamp, "2026-11-26T09:30:00.123+09:00" (jst_instant)
    int version = 1;            // Composition version (extension versionNumber)
    std::string replaces;       // identifier value of the Composition this version replaces; empty: first
    std::optional<CdaLink> cda;
};

// The bundle as UTF-8 JSON (no BOM). Ids are derived from the institution, the patient, the
// letter's text and the version, so the same input gives the same identifiers and fullUrls.
// The letter's sending institution code must be a 10-digit 医療機関コード (is_institution_code).
[[nodiscard]] std::string write_referral_bundle(const clinical::ClinicalRecord& record, const cda::ReferralLetter& letter,
                                                const DocumentContext& context);

// What a revision needs from the earlier bundle; empty when `json` is not a JP_Bundle_eReferral
// document with a Composition identifier (`why` then says what is missing).
struct EarlierVersion {
    std::string composition_identifier;
    int version = 1;
    std::string patient_id;
};
[[nodiscard]] std::optional<EarlierVersion> read_earlier_version(std::string_view json, std::string& why);

}  // namespace ssmix::fhir
