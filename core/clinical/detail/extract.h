// core/clinical/detail/extract.h — one extractor per kind of message, each appending to the
// record. Internal to core/clinical; build.cpp decides which runs for which data type.
#pragma once

#include "core/clinical/record.h"
#include "core/hl7/field.h"
#include "core/hl7/message.h"

namespace ssmix::clinical::detail {

[[nodiscard]] Code code_of(const hl7::FieldView& cwe);

void extract_patient(const hl7::Message& message, Patient& patient);
void extract_allergies(const hl7::Message& message, std::vector<Allergy>& out);
void extract_problems(const hl7::Message& message, std::vector<Problem>& out);
void extract_prescription(const hl7::Message& message, OrderKind kind, const std::string& care_date,
                          std::vector<PrescriptionOrder>& out);
void extract_lab_results(const hl7::Message& message, std::vector<LabResult>& out);
void extract_imaging(const hl7::Message& message, const std::string& data_type, const std::string& care_date,
                     std::vector<ImagingOrder>& out);

}  // namespace ssmix::clinical::detail
