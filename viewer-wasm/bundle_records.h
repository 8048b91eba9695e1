// viewer-wasm/bundle_records.h — the clinical record that FHIR bundles carry (JP-CLINS letters,
// 6情報 collections), for a disc or a picked folder without SS-MIX2 messages: the problems,
// prescriptions and labs views then show the bundles' entries. Bundles of one patient are
// merged; a bundle of anybody else never enters this record (its letter stays under its own
// patient's name), and neither does a bundle without a patient id.
#pragma once

#include <optional>
#include <string>

#include "core/clinical/record.h"

namespace ssmix::viewer {

class BundleRecords {
public:
    // `disc_patient`: the patient the disc shows so far ("" when none yet). True when the
    // bundle's record became, or joined, the shown record.
    bool add(clinical::ClinicalRecord record, const std::string& path, const std::string& disc_patient);
    [[nodiscard]] const clinical::ClinicalRecord* record() const { return record_ ? &*record_ : nullptr; }

private:
    std::optional<clinical::ClinicalRecord> record_;
};

}  // namespace ssmix::viewer
