// core/cda/extended_record.h — where a CDA document goes in the SS-MIX2 extended storage:
// - patient: the recordTarget id on the MHLW patient-ID root (1.2.392.100495.20.3.51.1...) when
//   there is one, else `patient_id` when the document carries it, else the first id;
// - care date: the date of ClinicalDocument/effectiveTime;
// - data type: the standard document code in LOINC (JMIX MD0020730 is the referral letter,
//   LOINC 57133-1, named 紹介状 as the guideline's example folder); any other code becomes a
//   local code of system "99CDA";
// - specific key: the first 20 hex digits of SHA-256 of setId (else id), so every version of a
//   document shares it and a newer version supersedes the older one.
#pragma once

#include <optional>
#include <string>

#include "core/cda/document.h"
#include "core/ssmix2/extended_storage.h"

namespace ssmix::cda {

// Empty when the document has no usable patient ID (the error says why).
[[nodiscard]] std::optional<ssmix2::StoredDocument> extended_record(const Document& document, std::string& error,
                                                                    const std::string& patient_id = {});

}  // namespace ssmix::cda
