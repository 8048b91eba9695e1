// sample-data/generator/patient_description.h — the sample patient's description file (TOML,
// sample-data/patients/*.toml): who the patient is, the hospital, visits, problems, drugs and
// prescriptions, lab results over time, imaging studies and the referral letter's text. Read
// whole and checked before anything is written; a mistake names the file, line and key.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace ssmix::sample {

struct PatientDescription {
    std::string id, family, given, family_kana, given_kana, family_romaji, given_romaji;
    std::string birth_date, sex, postal_code, address, phone;
};

struct HospitalDescription {
    std::string name, code, address, phone, department_code, department, doctor_id, doctor_family, doctor_given;
};

struct Admission {
    std::string admitted, discharged, ward, room;
};

struct ProblemDescription {
    std::string name, code, code_system, icd10, onset;
    bool main = false, suspected = false;
};

struct Drug {
    std::string key, hot9, name, unit, unit_name, usage, usage_name;
    double dose = 0;
    int times_a_day = 1;
};

struct PrescriptionDescription {
    std::string date;
    int days = 0;
    std::optional<int> first_days;     // first sent with these days, then corrected
    bool cancelled = false;            // sent, then cancelled
    std::vector<std::vector<Drug>> rps;   // each Rp: drugs taken the same way
};

struct LabTestDescription {
    std::string code, name, unit;
    std::optional<double> low, high;
    std::vector<double> values;        // one per lab date
};

struct StudyDescription {
    std::string kind, ordered, performed, time, description, code, code_name, code_system, modality, encoding;
    int slices = 0, frames = 0;
};

struct SampleDescription {
    std::filesystem::path file;
    std::uint32_t seed = 0;
    PatientDescription patient;
    HospitalDescription hospital;
    std::vector<std::string> outpatient_visits;
    std::vector<Admission> admissions;
    std::vector<ProblemDescription> problems;
    std::map<std::string, Drug> drugs;
    std::vector<PrescriptionDescription> prescriptions;
    std::vector<std::string> lab_dates;
    std::vector<LabTestDescription> lab_tests;
    std::vector<StudyDescription> studies;
    toml::table letter;
};

// Throws std::runtime_error "FILE:LINE: KEY: what is wrong".
[[nodiscard]] SampleDescription read_description(const std::filesystem::path& file);

}  // namespace ssmix::sample
