// core/cda/referral.h — the referral letter (診療情報提供書) as CDA R2: what the sending doctor
// writes (ReferralLetter) merged with what the storage holds (problems, allergies, the
// prescriptions in force, recent results; core/clinical/selection.h). Document code JMIX
// MD0020730 with the LOINC translation 57133-1 (Referral note), shared/research/cda.md §1.3.
#pragma once

#include <string>

#include "core/cda/document.h"
#include "core/cda/header.h"
#include "core/clinical/record.h"

namespace ssmix::cda {

struct ReferralLetter {
    Institution from;            // the sending institution and department
    Clinician doctor;            // the sending doctor
    Recipient to;                // the receiving institution, department and doctor
    std::string purpose;         // 紹介目的
    std::string present_illness; // 症状経過・現病歴
    std::string course;          // 治療経過
    std::string past_history;    // 既往歴
    std::string family_history;  // 家族歴
    std::string remarks;         // 備考
};

// The letter as UTF-8 XML. The section order is that of the paper form (診療報酬 様式11).
[[nodiscard]] std::string write_referral(const clinical::ClinicalRecord& record, const ReferralLetter& letter, const WriteContext& context);

}  // namespace ssmix::cda
