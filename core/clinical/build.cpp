// core/clinical/build.cpp — finds the patient's files, keeps the versions asked for, and runs
// the extractor for each data type.
#include "core/clinical/build.h"

#include <algorithm>

#include "core/clinical/detail/extract.h"
#include "core/hl7/parse.h"
#include "core/ssmix2/patient_files.h"

namespace ssmix::clinical {
ClinicalRecord build_record(FileSource& storage, const std::string& patient_id, const RecordOptions& options) {
    ClinicalRecord record;
    if (!ssmix2::is_safe_patient_id(patient_id)) {
        record.diagnostics.push_back(error({}, "clinical.patient.invalid", "\"" + patient_id + "\" is not a valid patient ID"));
        return record;
    }
    const auto messages =
        ssmix2::patient_files(storage, patient_id, {options.prefix, options.from, options.to, options.include_history});

    std::string demographics_timestamp;
    for (const auto& stored : messages) {
        FileRead read = storage.read(stored.path);
        if (read.status != ReadStatus::ready) {
            record.diagnostics.push_back(error({stored.path, 0, ""}, "clinical.file.unreadable", "cannot read the file"));
            continue;
        }
        auto parsed = hl7::parse_message(read.bytes, stored.path);
        if (!parsed.value) {
            record.diagnostics.insert(record.diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
            continue;
        }
        const hl7::Message& m = *parsed.value;
        const std::string& type = stored.name.data_type;
        record.sources.push_back(stored.path);
        if (type == "ADT-00" && stored.name.timestamp >= demographics_timestamp) {
            demographics_timestamp = stored.name.timestamp;
            detail::extract_patient(m, record.patient);
        } else if (record.patient.id.empty()) {
            detail::extract_patient(m, record.patient);   // until ADT-00 is found, any PID will do
        }
        if (type == "ADT-00" || type == "ADT-61") detail::extract_allergies(m, record.allergies);
        else if (type == "PPR-01") detail::extract_problems(m, record.problems);
        else if (type == "OMP-01") detail::extract_prescription(m, OrderKind::prescription, stored.name.care_date, record.prescriptions);
        else if (type == "OMP-02") detail::extract_prescription(m, OrderKind::injection, stored.name.care_date, record.prescriptions);
        else if (type == "OML-11") detail::extract_lab_results(m, record.lab_results);
        else if (type.starts_with("OMG-")) detail::extract_imaging(m, type, stored.name.care_date, record.imaging);
    }
    std::stable_sort(record.lab_results.begin(), record.lab_results.end(),
                     [](const LabResult& a, const LabResult& b) { return a.observed_at < b.observed_at; });
    return record;
}

}  // namespace ssmix::clinical
