// sample-data/generator/patient_messages.h — the sample patient's SS-MIX2 HL7 v2.5 messages,
// written with core/hl7's MessageWriter (ISO-2022-JP, delimiters after ESC ( B): demographics
// (ADT-00), outpatient visits (ADT-12), an admission and discharge (ADT-22, ADT-52), the problem
// list (PPR-01), prescriptions (OMP-01, with one corrected and one cancelled order), lab results
// (OML-11), imaging orders and their performed notices with the Study Instance UID (OMG-01,
// OMG-11). Returned in the order a hospital's systems would send them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "sample-data/generator/patient_description.h"

namespace ssmix::sample {

struct GeneratedMessage {
    std::string sent_at;     // MSH-7, YYYYMMDDHHMMSS.SSS
    std::string data_type;   // SS-MIX2 data type, e.g. "OMP-01"
    Bytes bytes;
};

// study_uids: the Study Instance UID of each description.studies entry, by index.
[[nodiscard]] std::vector<GeneratedMessage> patient_messages(const SampleDescription& description,
                                                             const std::vector<std::string>& study_uids);

// The accession number the generator gives study `index` (OMG-11 IPC-1 and DICOM (0008,0050)).
[[nodiscard]] std::string accession_number(const StudyDescription& study, std::size_t index);

}  // namespace ssmix::sample
