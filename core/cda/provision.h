// core/cda/provision.h — the data-provision document (診療データ提供書) as CDA R2: the
// problems (MEDIS and ICD-10 codes), allergies, prescriptions, laboratory results and imaging
// and physiological tests (orders, performed notices and results, with their DICOM study) of a
// period (the record is built with that care-date range; problems and allergies have no care
// date and are all given), in narrative tables with coded entries. No Japanese document code for it could be
// found; LOINC 34133-9 (Summary of episode note) says what it is: data over a stretch of care.
#pragma once

#include <string>

#include "core/cda/header.h"
#include "core/cda/referral.h"
#include "core/clinical/record.h"

namespace ssmix::cda {

struct Provision {
    Institution from;
    std::string period_from, period_to;   // YYYYMMDD or empty (open), as the record was built
};

[[nodiscard]] std::string write_provision(const clinical::ClinicalRecord& record, const Provision& provision, const WriteContext& context);

}  // namespace ssmix::cda
