// core/clinical/record_json.cpp — nlohmann/json, ordered as the physician reads.
#include "core/clinical/record_json.h"

#include <nlohmann/json.hpp>

namespace ssmix::clinical {
namespace {

using Json = nlohmann::ordered_json;

void put(Json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

Json code(const Code& c) {
    Json j = Json::object();
    put(j, "code", c.code);
    put(j, "text", c.text);
    put(j, "system", c.system);
    return j;
}

void put(Json& j, const char* key, const Code& c) {
    if (!c.empty()) j[key] = code(c);
}

Json medication(const Medication& m) {
    Json j = Json::object();
    put(j, "drug", m.drug);
    put(j, "dose", m.dose);
    put(j, "doseUnit", m.dose_unit);
    put(j, "dispenseAmount", m.dispense_amount);
    put(j, "dispenseUnit", m.dispense_unit);
    put(j, "dailyTotal", m.daily_total);
    put(j, "dailyTotalUnit", m.daily_total_unit);
    put(j, "componentType", m.component_type);
    return j;
}

}  // namespace

std::string record_json(const ClinicalRecord& r, int indent) {
    Json patient = Json::object();
    put(patient, "id", r.patient.id);
    put(patient, "name", r.patient.name);
    put(patient, "nameKana", r.patient.name_kana);
    put(patient, "birthDate", r.patient.birth_date);
    put(patient, "sex", r.patient.sex);
    put(patient, "postalCode", r.patient.postal_code);
    put(patient, "address", r.patient.address);
    if (!r.patient.phones.empty()) patient["phones"] = r.patient.phones;

    Json problems = Json::array();
    for (const auto& p : r.problems) {
        Json j = Json::object();
        put(j, "diagnosis", p.diagnosis);
        put(j, "icd10", p.icd10);
        put(j, "diagnosisDate", p.diagnosis_date);
        put(j, "onsetDate", p.onset_date);
        put(j, "resolvedDate", p.resolved_date);
        put(j, "outcome", p.outcome);
        j["main"] = p.main;
        j["suspected"] = p.suspected;
        problems.push_back(std::move(j));
    }
    Json prescriptions = Json::array();
    for (const auto& o : r.prescriptions) {
        Json rps = Json::array();
        for (const auto& rp : o.rps) {
            Json j = Json::object();
            put(j, "number", rp.number);
            put(j, "usage", rp.usage);
            put(j, "days", rp.days);
            put(j, "daysUnit", rp.days_unit);
            put(j, "start", rp.start);
            put(j, "end", rp.end);
            put(j, "route", rp.route);
            put(j, "prescriptionType", rp.prescription_type);
            Json meds = Json::array();
            for (const auto& m : rp.medications) meds.push_back(medication(m));
            j["medications"] = std::move(meds);
            rps.push_back(std::move(j));
        }
        Json j = {{"kind", o.kind == OrderKind::injection ? "injection" : "prescription"}};
        put(j, "orderNumber", o.order_number);
        put(j, "date", o.date);
        put(j, "doctor", o.doctor);
        put(j, "department", o.department);
        j["rps"] = std::move(rps);
        prescriptions.push_back(std::move(j));
    }
    Json labs = Json::array();
    for (const auto& l : r.lab_results) {
        Json j = Json::object();
        put(j, "test", l.test);
        put(j, "valueType", l.value_type);
        put(j, "value", l.value);
        if (l.number) j["number"] = *l.number;
        put(j, "unit", l.unit);
        put(j, "referenceRange", l.reference_range);
        put(j, "abnormalFlag", l.abnormal_flag);
        put(j, "status", l.status);
        put(j, "observedAt", l.observed_at);
        put(j, "specimen", l.specimen);
        put(j, "panel", l.panel);
        put(j, "orderNumber", l.order_number);
        labs.push_back(std::move(j));
    }
    Json allergies = Json::array();
    for (const auto& a : r.allergies) {
        Json j = Json::object();
        put(j, "type", a.type);
        put(j, "allergen", a.allergen);
        put(j, "severity", a.severity);
        put(j, "reaction", a.reaction);
        allergies.push_back(std::move(j));
    }
    Json imaging = Json::array();
    for (const auto& i : r.imaging) {
        Json j = Json::object();
        put(j, "dataType", i.data_type);
        put(j, "orderNumber", i.order_number);
        put(j, "date", i.date);
        put(j, "procedure", i.procedure);
        put(j, "studyUid", i.study_uid);
        put(j, "accession", i.accession);
        put(j, "modality", i.modality);
        if (!i.findings.empty()) j["findings"] = i.findings;
        imaging.push_back(std::move(j));
    }
    const Json root = {{"patient", patient},     {"problems", problems}, {"allergies", allergies},
                       {"prescriptions", prescriptions}, {"labResults", labs}, {"imaging", imaging},
                       {"sources", r.sources}};
    return root.dump(indent);
}

}  // namespace ssmix::clinical
