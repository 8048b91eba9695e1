// core/fhir/resources.cpp — element choices follow the JP-CLINS 1.5.2 StructureDefinitions
// (tables in tests/data/fhir/README.md) and the JAMI ssmix2-to-fhir mapping (PID, PRB, IAM/AL1,
// RXE/TQ1/RXR, OBX). What SS-MIX2 does not carry (insurance numbers, YJ codes, local lab codes)
// is left out rather than invented; README.md lists it.
#include "core/fhir/detail/resources.h"

#include "core/fhir/codes.h"
#include "core/fhir/profiles.h"
#include "core/fhir/values.h"

namespace ssmix::fhir::detail {
namespace {

std::string versioned(std::string_view profile) { return std::string(profile) + "|" + std::string(profile_version); }

// "姓 名" -> family, given (a name without a space is all family).
std::pair<std::string, std::string> split_name(const std::string& name) {
    const auto space = name.find(' ');
    if (space == std::string::npos) return {name, ""};
    return {name.substr(0, space), name.substr(space + 1)};
}

Json human_name(const std::string& name, const char* representation) {
    const auto [family, given] = split_name(name);
    Json n = {{"extension", Json::array({{{"url", extension::name_representation}, {"valueCode", representation}}})},
              {"use", "official"}, {"text", name}, {"family", family}};
    if (!given.empty()) n["given"] = Json::array({given});
    return n;
}

Json institution_extension(const Setting& s) {
    return {{"url", extension::institution_number},
            {"valueIdentifier", {{"system", system::institution_code}, {"value", s.institution_code}}}};
}

Json department_extension(const clinical::Code& department) {
    Json value_concept = Json::object();
    if (!department.code.empty()) value_concept["coding"] = Json::array({coding(system::department, department.code, department.text)});
    if (!department.text.empty()) value_concept["text"] = department.text;
    return {{"url", extension::department}, {"valueCodeableConcept", value_concept}};
}

Json resource_identifier(const std::string& name) {
    return {{"system", system::resource_identifier}, {"value", stable_key(name)}};
}

// 6情報 asks every Condition and Observation for a contained Encounter (R9013C/O); SS-MIX2's
// record does not say outpatient or inpatient here, so the class says "unknown".
Json contained_encounter() {
    return {{"resourceType", "Encounter"}, {"id", "encounter"},
            {"meta", {{"profile", Json::array({profile::contained_encounter})}}},
            {"status", "finished"}, {"class", coding(system::null_flavor, "UNK", "unknown")}};
}

void put_if(Json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

Json quantity(const std::string& value, const clinical::Code& unit) {
    double number = 0;
    if (!parse_decimal(value, number)) return nullptr;
    Json q = {{"value", number}};
    const std::string unit_text = unit.text.empty() ? unit.code : unit.text;
    put_if(q, "unit", unit_text);
    const std::string url = system_url(unit.system, unit.code);
    if (!url.empty() && !unit.code.empty()) {
        q["system"] = url;
        q["code"] = unit.code;
    }
    return q;
}

Json days_duration(const std::string& days) {
    double number = 0;
    if (!parse_decimal(days, number)) return nullptr;
    return {{"value", number}, {"unit", "日"}, {"system", system::ucum}, {"code", "d"}};
}

}  // namespace

Json meta(std::string_view profile, const Setting& setting) {
    return {{"lastUpdated", setting.instant}, {"profile", Json::array({versioned(profile)})}};
}

Json coding(std::string_view system, std::string_view code, std::string_view display) {
    Json c = {{"system", system}, {"code", code}};
    if (!display.empty()) c["display"] = display;
    return c;
}

Json concept_of(const clinical::Code& code) {
    Json c = Json::object();
    const std::string url = system_url(code.system, code.code);
    if (!url.empty()) c["coding"] = Json::array({coding(url, code.code, code.text.empty() ? code.code : code.text)});
    c["text"] = code.text.empty() ? code.code : code.text;
    return c;
}

Json reference(const Entry& entry) { return {{"reference", entry.full_url}}; }

Entry patient(const clinical::Patient& p, const Setting& s) {
    Json r = {{"resourceType", "Patient"}, {"meta", meta(profile::patient, s)}};
    r["identifier"] = Json::array({{{"system", std::string(system::patient_id_prefix) + s.institution_code}, {"value", p.id}}});
    Json names = Json::array();
    if (!p.name.empty()) names.push_back(human_name(p.name, "IDE"));
    if (!p.name_kana.empty()) names.push_back(human_name(p.name_kana, "SYL"));
    if (!names.empty()) r["name"] = names;
    Json telecom = Json::array();
    for (const auto& phone : p.phones) telecom.push_back({{"system", "phone"}, {"value", phone}});
    if (!telecom.empty()) r["telecom"] = telecom;
    r["gender"] = gender(p.sex);
    put_if(r, "birthDate", date(p.birth_date));
    if (!p.address.empty()) {
        Json address = {{"text", p.address}};
        put_if(address, "postalCode", p.postal_code);
        r["address"] = Json::array({address});
    }
    return {stable_urn(s.seed + "|Patient"), r};
}

Entry organization(const cda::Institution& institution, const std::string& key, const Setting& s) {
    Json r = {{"resourceType", "Organization"}, {"meta", meta(profile::organization, s)}};
    if (!institution.department.empty())
        r["extension"] = Json::array({{{"url", extension::department}, {"valueCodeableConcept", {{"text", institution.department}}}}});
    Json id = {{"system", system::institution_code}};
    if (is_institution_code(institution.code)) {
        id["value"] = institution.code;
    } else {   // the letter does not name the recipient's code: say so rather than invent one
        id["_value"] = {{"extension", Json::array({{{"url", extension::data_absent_reason}, {"valueCode", "unknown"}}})}};
    }
    r["identifier"] = Json::array({id});
    r["name"] = institution.name;
    if (!institution.phone.empty()) r["telecom"] = Json::array({{{"system", "phone"}, {"value", institution.phone}}});
    if (!institution.address.empty()) r["address"] = Json::array({{{"text", institution.address}}});
    return {stable_urn(s.seed + "|Organization|" + key + "|" + institution.name + "|" + institution.code), r};
}

Entry practitioner(const std::string& name, const std::string& local_id, const std::string& key, const Setting& s) {
    Json r = {{"resourceType", "Practitioner"}, {"meta", meta(profile::practitioner, s)}};
    if (!local_id.empty())
        r["identifier"] = Json::array({{{"system", std::string(system::practitioner_id_prefix) + s.institution_code}, {"value", local_id}}});
    if (!name.empty()) r["name"] = Json::array({human_name(name, "IDE")});
    return {stable_urn(s.seed + "|Practitioner|" + key + "|" + name), r};
}

Entry referral_encounter(const std::string& purpose, const Setting& s) {
    Json r = {{"resourceType", "Encounter"}, {"meta", meta(profile::encounter, s)}, {"status", "finished"},
              {"class", coding(system::act_code, "AMB", "外来")}};
    r["subject"] = {{"reference", s.patient_url}};
    if (!purpose.empty()) r["reasonCode"] = Json::array({{{"text", purpose}}});
    return {stable_urn(s.seed + "|Encounter|referral"), r};
}

Entry condition(const clinical::Problem& p, std::size_t index, const Setting& s) {
    const std::string name = s.seed + "|Condition|" + std::to_string(index) + "|" + p.diagnosis.code + "|" + p.diagnosis.text + "|" + p.onset_date;
    Json r = {{"resourceType", "Condition"}, {"meta", meta(profile::condition, s)}};
    if (s.clins) r["contained"] = Json::array({contained_encounter()});
    Json extensions = Json::array({institution_extension(s)});
    if (s.clins || !p.department.empty()) extensions.push_back(department_extension(p.department));
    if (p.main) {
        const Json principal = {{"coding", Json::array({coding(system::diagnosis_type, "principal", "Principal Diagnosis")})}};
        extensions.push_back({{"url", extension::diagnosis_type}, {"valueCodeableConcept", principal}});
    }
    r["extension"] = extensions;
    r["identifier"] = Json::array({resource_identifier(name)});
    const bool resolved = !p.resolved_date.empty();
    r["clinicalStatus"] = {{"coding", Json::array({coding(system::condition_clinical, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active")})}};
    r["verificationStatus"] = {{"coding", Json::array({p.suspected ? coding(system::condition_verification, "provisional", "Provisional")
                                                                   : coding(system::condition_verification, "confirmed", "Confirmed")})}};
    r["category"] = Json::array({{{"coding", Json::array({coding(system::condition_category, "problem-list-item", "Problem List Item")})}}});
    // 病名管理番号 is required (1..*); a disease without one gets the all-9s code the IG defines.
    const std::string text = p.diagnosis.text.empty() ? p.diagnosis.code : p.diagnosis.text;
    const bool medis = system_url(p.diagnosis.system, p.diagnosis.code) == system::medis_disease;
    Json codings = Json::array({coding(system::medis_disease, medis ? p.diagnosis.code : "99999999", text)});
    if (!p.icd10.empty()) codings.push_back(coding(system::icd10, p.icd10, text));
    r["code"] = {{"coding", codings}, {"text", text}};
    r["subject"] = {{"reference", s.patient_url}};
    if (s.clins) r["encounter"] = {{"reference", "#encounter"}};
    const std::string onset = date(p.onset_date.empty() ? p.diagnosis_date : p.onset_date);
    if (!onset.empty()) r["onsetDateTime"] = onset;
    if (resolved) put_if(r, "abatementDateTime", date(p.resolved_date));
    put_if(r, "recordedDate", date(p.diagnosis_date));
    if (!p.outcome.empty()) r["note"] = Json::array({{{"text", "転帰: " + p.outcome}}});
    return {stable_urn(name), r};
}

Entry allergy(const clinical::Allergy& a, std::size_t index, const Setting& s) {
    const std::string name = s.seed + "|AllergyIntolerance|" + std::to_string(index) + "|" + a.allergen.code + "|" + a.allergen.text;
    Json r = {{"resourceType", "AllergyIntolerance"}, {"meta", meta(profile::allergy, s)}};
    r["extension"] = Json::array({institution_extension(s)});
    r["identifier"] = Json::array({resource_identifier(name)});
    r["clinicalStatus"] = {{"coding", Json::array({coding(system::allergy_clinical, "active", "Active")})}};
    const std::string_view category = allergy_category(a.type.code);
    if (!category.empty()) r["category"] = Json::array({category});
    // code.coding is 1..*; JFAGY allergen codes are not in SS-MIX2, so a code the hospital's
    // own table (or JLAC10's 15-digit allergy-test form) gives is kept in a local system.
    Json allergen = concept_of(a.allergen);
    if (!allergen.contains("coding") && !a.allergen.code.empty())
        allergen["coding"] = Json::array({coding(local_system(a.allergen.system), a.allergen.code, a.allergen.text.empty() ? a.allergen.code : a.allergen.text)});
    r["code"] = allergen;
    r["patient"] = {{"reference", s.patient_url}};
    if (!a.reaction.empty() || !allergy_severity(a.severity.code).empty()) {
        Json reaction = {{"manifestation", Json::array({{{"text", a.reaction.empty() ? std::string("記載なし") : a.reaction}}})}};
        const std::string_view severity = allergy_severity(a.severity.code);
        if (!severity.empty()) reaction["severity"] = severity;
        r["reaction"] = Json::array({reaction});
    }
    return {stable_urn(name), r};
}

std::vector<Entry> medication_requests(const clinical::PrescriptionOrder& order, const Setting& s) {
    std::vector<Entry> out;
    for (std::size_t r_index = 0; r_index < order.rps.size(); ++r_index) {
        const clinical::Rp& rp = order.rps[r_index];
        const std::string rp_number = rp.number.empty() ? std::to_string(r_index + 1) : rp.number;
        for (std::size_t m = 0; m < rp.medications.size(); ++m) {
            const clinical::Medication& med = rp.medications[m];
            const std::string name = s.seed + "|MedicationRequest|" + order.order_number + "|" + order.date + "|" + rp_number + "|" + std::to_string(m + 1);
            Json r = {{"resourceType", "MedicationRequest"}, {"meta", meta(profile::medication_request, s)}};
            r["extension"] = Json::array({institution_extension(s)});
            Json ids = Json::array({{{"system", system::rp_number}, {"value", rp_number}},
                                    {{"system", system::order_in_rp}, {"value", std::to_string(m + 1)}}});
            if (!order.order_number.empty()) ids.push_back({{"system", system::prescription_order}, {"value", order.order_number}});
            ids.push_back(resource_identifier(name));
            r["identifier"] = ids;
            r["status"] = "completed";
            r["intent"] = "order";
            if (rp.prescription_type.system == "MR9P" && !rp.prescription_type.code.empty())
                r["category"] = Json::array({{{"coding", Json::array({coding(system::medication_category, rp.prescription_type.code, rp.prescription_type.text)})}}});
            // R3010 wants a YJ, 一般名 or NOCODED coding; SS-MIX2 gives HOT, so NOCODED joins it.
            Json medication = concept_of(med.drug);
            if (!medication.contains("coding")) medication["coding"] = Json::array();
            medication["coding"].push_back(coding(system::medication_nocoded, "NOCODED", "標準コードなし"));
            r["medicationCodeableConcept"] = medication;
            r["subject"] = {{"reference", s.patient_url}};
            put_if(r, "authoredOn", date(order.date));

            Json dosage = Json::object();
            const std::string start = date(rp.start.empty() ? order.date : rp.start);
            if (!start.empty()) {
                Json period = {{"start", start}};
                put_if(period, "end", date(rp.end));
                dosage["extension"] = Json::array({{{"url", extension::period_of_use}, {"valuePeriod", period}}});
            }
            std::string text = med.drug.text;
            if (!med.dose.empty()) text += "　1回" + med.dose + (med.dose_unit.text.empty() ? med.dose_unit.code : med.dose_unit.text);
            if (!rp.usage.text.empty()) text += "　" + rp.usage.text;
            if (!rp.days.empty()) text += "　" + rp.days + "日分";
            dosage["text"] = text;
            // R5020: JAMI usage alone is not enough; the IG's dummy usage code stands in for
            // the 電子処方箋 usage code, which SS-MIX2 does not carry.
            Json timing_codings = Json::array();
            if (!rp.usage.code.empty() && system_url(rp.usage.system, rp.usage.code) == system::jami_usage)
                timing_codings.push_back(coding(system::jami_usage, rp.usage.code, rp.usage.text));
            timing_codings.push_back(coding(system::usage_uncoded, "0X0XXXXXXXXX0000", "ダミー用法コード"));
            Json timing = {{"code", {{"coding", timing_codings}, {"text", rp.usage.text.empty() ? std::string("用法記載なし") : rp.usage.text}}}};
            const Json duration = days_duration(rp.days);
            if (!duration.is_null()) timing["repeat"] = {{"boundsDuration", duration}};
            dosage["timing"] = timing;
            if (!rp.route.empty()) {
                Json route = {{"text", rp.route.text.empty() ? rp.route.code : rp.route.text}};
                if (system_url(rp.route.system, rp.route.code) == system::route)
                    route["coding"] = Json::array({coding(system::route, rp.route.code, rp.route.text)});
                dosage["route"] = route;
            }
            const Json dose = quantity(med.dose, med.dose_unit);
            if (!dose.is_null())
                dosage["doseAndRate"] = Json::array({{{"type", {{"coding", Json::array({coding(system::strength_type, "1", "製剤量")})}}}, {"doseQuantity", dose}}});
            r["dosageInstruction"] = Json::array({dosage});
            const Json amount = quantity(med.dispense_amount, med.dispense_unit);
            if (!amount.is_null() && amount.contains("code")) {
                Json dispense = {{"quantity", amount}};
                if (!duration.is_null()) dispense["expectedSupplyDuration"] = duration;
                r["dispenseRequest"] = dispense;
            }
            out.push_back({stable_urn(name), r});
        }
    }
    return out;
}

Entry lab_observation(const clinical::LabResult& result, std::size_t index, const Setting& s) {
    const std::string key = result.order_number + "_" + result.panel.code + "_" + result.specimen.code + "_" + result.test.code;
    const std::string name = s.seed + "|Observation|" + std::to_string(index) + "|" + key + "|" + result.observed_at;
    Json r = {{"resourceType", "Observation"}, {"meta", meta(profile::lab_result, s)}};
    Json contained = Json::array();
    if (s.clins) contained.push_back(contained_encounter());
    Json specimen = {{"resourceType", "Specimen"}, {"id", "specimen"}};
    const std::string specimen_text = result.specimen.text.empty() ? result.specimen.code : result.specimen.text;
    Json specimen_type = {{"text", specimen_text.empty() ? std::string("不明") : specimen_text}};
    if (result.specimen.system == "JC10" && !result.specimen.code.empty())   // JLAC10 材料コード (3 digits)
        specimen_type["coding"] = Json::array({coding(system::specimen_material, result.specimen.code, specimen_text)});
    specimen["type"] = specimen_type;
    contained.push_back(specimen);
    r["contained"] = contained;
    Json extensions = Json::array({institution_extension(s)});
    if (s.clins || !result.department.empty()) extensions.push_back(department_extension(result.department));
    r["extension"] = extensions;
    r["identifier"] = Json::array({{{"system", system::resource_identifier}, {"value", key}}});
    r["status"] = result_status(result.status);
    r["category"] = Json::array({{{"coding", Json::array({coding(system::observation_category, "laboratory", "検体検査")})}}});
    const std::string text = result.test.text.empty() ? result.test.code : result.test.text;
    Json codings = Json::array();
    if (system_url(result.test.system, result.test.code) == system::jlac10) {
        codings.push_back(coding(system::jlac10, result.test.code, text));
    } else {
        if (!result.test.code.empty()) codings.push_back(coding(system::lab_local, result.test.code, text));
        codings.push_back(coding(system::lab_uncoded, "99999999999999999", "未標準化コード項目(JLAC)"));
    }
    r["code"] = {{"coding", codings}, {"text", text}};
    r["subject"] = {{"reference", s.patient_url}};
    if (s.clins) r["encounter"] = {{"reference", "#encounter"}};
    put_if(r, "effectiveDateTime", date_time(result.observed_at));
    if (result.number) {
        Json value = {{"value", *result.number}};
        put_if(value, "unit", result.unit);
        r["valueQuantity"] = value;
    } else if (!result.value.empty()) {
        r["valueString"] = result.value;
    } else {
        r["dataAbsentReason"] = {{"coding", Json::array({coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown")})}};
    }
    static constexpr std::pair<std::string_view, std::string_view> flags[] = {
        {"H", "High"}, {"L", "Low"}, {"HH", "Critical high"}, {"LL", "Critical low"}, {"N", "Normal"}, {"A", "Abnormal"}, {"AA", "Critical abnormal"}};
    for (const auto& [flag, display] : flags)
        if (result.abnormal_flag == flag)
            r["interpretation"] = Json::array({{{"coding", Json::array({coding(system::interpretation, flag, display)})}}});
    r["specimen"] = {{"reference", "#specimen"}};
    if (!result.reference_range.empty()) r["referenceRange"] = Json::array({{{"text", result.reference_range}}});
    return {stable_urn(name), r};
}

}  // namespace ssmix::fhir::detail
