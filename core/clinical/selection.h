// core/clinical/selection.h — what a referral letter takes from the record, chosen the way a
// sending doctor would: the prescriptions in force (the latest prescription date's orders) and
// recent laboratory results (each test's latest value within 90 days of the newest result).
// Both are relative to the record, not to today, so an old storage still gives a useful letter.
#pragma once

#include <vector>

#include "core/clinical/record.h"

namespace ssmix::clinical {

inline constexpr int recent_results_days = 90;

[[nodiscard]] std::vector<PrescriptionOrder> current_prescriptions(const ClinicalRecord& record);
[[nodiscard]] std::vector<LabResult> recent_lab_results(const ClinicalRecord& record);

}  // namespace ssmix::clinical
