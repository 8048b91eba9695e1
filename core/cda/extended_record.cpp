// core/cda/extended_record.cpp
#include "core/cda/extended_record.h"

#include "core/base/sha256.h"
#include "core/cda/code_systems.h"
#include "core/ssmix2/naming.h"

namespace ssmix::cda {
namespace {

std::string choose_patient(const Patient& patient, const std::string& wanted) {
    for (const auto& id : patient.ids)
        if (!wanted.empty() && id.extension == wanted) return wanted;
    for (const auto& id : patient.ids)
        if (id.root.rfind(patient_id_root, 0) == 0 && !id.extension.empty()) return id.extension;
    for (const auto& id : patient.ids)
        if (!id.extension.empty()) return id.extension;
    return {};
}

ssmix2::DocumentType document_type(const Document& d) {
    const std::string title = d.title.empty() ? d.code.display : d.title;
    if (d.code.system == jmix_oid && d.code.code == "MD0020730") return {"MD0020730", title, "JMIX", "57133-1", "紹介状", "LN"};
    if (d.code.system == loinc_oid) {
        const std::string name = d.code.code == "57133-1" ? "紹介状" : title;
        return {"", title, "", d.code.code, name, "LN"};
    }
    return {d.code.code.empty() ? "UNKNOWN" : d.code.code, title, "99CDA", "", "", ""};
}

}  // namespace

std::optional<ssmix2::StoredDocument> extended_record(const Document& d, std::string& error, const std::string& patient_id) {
    ssmix2::StoredDocument stored;
    stored.patient_id = choose_patient(d.patient, patient_id);
    if (stored.patient_id.empty()) {
        error = "the document has no patient ID (/ClinicalDocument/recordTarget/patientRole/id/@extension)";
        return std::nullopt;
    }
    if (!ssmix2::is_safe_patient_id(stored.patient_id)) {
        error = "patient ID '" + stored.patient_id + "' cannot name a storage folder (only A-Z a-z 0-9 - allowed)";
        return std::nullopt;
    }
    const std::string& time = d.effective_time;
    const bool dated = time.size() >= 8 && time.substr(0, 8).find_first_not_of("0123456789") == std::string::npos;
    stored.care_date = dated ? time.substr(0, 8) : std::string(ssmix2::no_date);
    stored.type = document_type(d);
    const Identifier& identity = !d.set_id.root.empty() ? d.set_id : d.id;
    const std::string identity_text = identity.root + "^" + identity.extension;
    stored.key = sha256_hex(as_bytes(identity_text)).substr(0, 20);
    return stored;
}

}  // namespace ssmix::cda
