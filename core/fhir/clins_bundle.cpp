// core/fhir/clins_bundle.cpp — JP_Bundle_CLINS 1.5.2: type collection, the Patient first
// (R0211), meta.tag from BundleResourceType_CS naming the kind (R02141..R02143), every other
// resource with the institution-number extension (R9011/R9012), and Conditions and
// Observations with a contained Encounter and the department extension (R9013, R9014).
#include "core/fhir/clins_bundle.h"

#include "core/fhir/detail/resources.h"
#include "core/fhir/profiles.h"
#include "core/fhir/values.h"

namespace ssmix::fhir {
namespace {

using detail::Entry;
using detail::Json;

std::string_view resource_type(ClinsKind kind) {
    switch (kind) {
    case ClinsKind::conditions: return "Condition";
    case ClinsKind::allergies: return "AllergyIntolerance";
    case ClinsKind::labs: return "Observation";
    case ClinsKind::prescriptions: return "MedicationRequest";
    }
    return "";
}

}  // namespace

std::string_view kind_name(ClinsKind kind) {
    switch (kind) {
    case ClinsKind::conditions: return "conditions";
    case ClinsKind::allergies: return "allergies";
    case ClinsKind::labs: return "labs";
    case ClinsKind::prescriptions: return "prescriptions";
    }
    return "";
}

bool has_any(const clinical::ClinicalRecord& record, ClinsKind kind) {
    switch (kind) {
    case ClinsKind::conditions: return !record.problems.empty();
    case ClinsKind::allergies: return !record.allergies.empty();
    case ClinsKind::labs: return !record.lab_results.empty();
    case ClinsKind::prescriptions:
        for (const auto& order : record.prescriptions)
            if (order.kind == clinical::OrderKind::prescription)
                for (const auto& rp : order.rps)
                    if (!rp.medications.empty()) return true;
        return false;
    }
    return false;
}

std::string write_clins_bundle(const clinical::ClinicalRecord& record, ClinsKind kind, const ClinsContext& context) {
    detail::Setting s;
    s.institution_code = context.institution_code;
    s.instant = context.instant;
    s.seed = "ssmix-fhir|" + context.institution_code + "|" + record.patient.id;
    s.clins = true;
    const Entry patient = detail::patient(record.patient, s);
    s.patient_url = patient.full_url;

    std::vector<Entry> entries;
    switch (kind) {
    case ClinsKind::conditions:
        for (std::size_t i = 0; i < record.problems.size(); ++i) entries.push_back(detail::condition(record.problems[i], i, s));
        break;
    case ClinsKind::allergies:
        for (std::size_t i = 0; i < record.allergies.size(); ++i) entries.push_back(detail::allergy(record.allergies[i], i, s));
        break;
    case ClinsKind::labs:
        for (std::size_t i = 0; i < record.lab_results.size(); ++i) entries.push_back(detail::lab_observation(record.lab_results[i], i, s));
        break;
    case ClinsKind::prescriptions:   // injections (OMP-02) are not 処方 in 6情報
        for (const auto& order : record.prescriptions)
            if (order.kind == clinical::OrderKind::prescription)
                for (auto& e : detail::medication_requests(order, s)) entries.push_back(std::move(e));
        break;
    }

    const std::string key = stable_key(s.seed + "|clins|" + std::string(kind_name(kind)) + "|" + context.from + "|" + context.to);
    Json meta = detail::meta(profile::bundle_clins, s);
    meta["tag"] = Json::array({detail::coding(system::bundle_resource_type, resource_type(kind), resource_type(kind))});
    Json bundle = {{"resourceType", "Bundle"}, {"meta", meta}};
    bundle["identifier"] = {{"system", system::bundle_identifier}, {"value", clins_identifier(context.institution_code, context.instant, key)}};
    bundle["type"] = "collection";
    bundle["timestamp"] = context.instant;
    Json list = Json::array({{{"fullUrl", patient.full_url}, {"resource", patient.resource}}});
    for (const auto& e : entries) list.push_back({{"fullUrl", e.full_url}, {"resource", e.resource}});
    bundle["entry"] = list;
    return bundle.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace ssmix::fhir
