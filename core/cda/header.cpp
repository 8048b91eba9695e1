// core/cda/header.cpp — element order follows POCD_MT000040.xsd (ClinicalDocument, Patient,
// AssignedAuthor, Organization, IntendedRecipient), which the schema checks.
#include "core/cda/detail/header_xml.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/cda/code_systems.h"
#include "core/cda/detail/xml_build.h"

namespace ssmix::cda {
namespace {

using build::add;
using build::add_text;

void add_institution_ids(pugi::xml_node organization, const Institution& institution) {
    if (!is_institution_code(institution.code)) {
        add(organization, "id", {{"nullFlavor", "UNK"}});
        return;
    }
    add(organization, "id", {{"root", prefecture_root}, {"extension", institution.code.substr(0, 2)}});
    add(organization, "id", {{"root", fee_table_root}, {"extension", institution.code.substr(2, 1)}});
    add(organization, "id", {{"root", institution_root}, {"extension", institution.code.substr(3)}});
}

// Organization: id*, name*, telecom*, addr*, standardIndustryClassCode?, asOrganizationPartOf?
// The department is written as the organization part's code, as MHLW's prescription CDA does.
void add_organization(pugi::xml_node parent, const char* element, const Institution& institution, bool with_ids) {
    pugi::xml_node organization = parent.append_child(element);
    if (with_ids) add_institution_ids(organization, institution);
    add_text(organization, "name", institution.name);
    if (!institution.phone.empty()) add(organization, "telecom", {{"value", "tel:" + institution.phone}});
    if (!institution.address.empty()) add_text(organization, "addr", institution.address);
    if (!institution.department.empty())
        add_text(add(add(organization, "asOrganizationPartOf"), "code", {{"nullFlavor", "OTH"}}), "originalText", institution.department);
}

void add_patient(pugi::xml_node document, const Header& header, const clinical::Patient& p) {
    pugi::xml_node role = add(document, "recordTarget").append_child("patientRole");
    if (is_institution_code(header.sender.code)) {
        add(role, "id", {{"root", std::string(patient_id_root) + header.sender.code}, {"extension", p.id}});
    } else {
        add(role, "id", {{"extension", p.id}, {"assigningAuthorityName", header.sender.name}});
    }
    if (!p.address.empty() || !p.postal_code.empty()) {
        pugi::xml_node addr = role.append_child("addr");
        if (!p.postal_code.empty()) add_text(addr, "postalCode", p.postal_code);
        if (!p.address.empty()) add_text(addr, "streetAddressLine", p.address);
    }
    for (const auto& phone : p.phones) add(role, "telecom", {{"value", "tel:" + phone}});
    pugi::xml_node patient = role.append_child("patient");
    if (!p.name.empty()) build::add_person_name(patient, p.name, "IDE");
    if (!p.name_kana.empty()) build::add_person_name(patient, p.name_kana, "SYL");
    if (p.name.empty() && p.name_kana.empty()) add(patient, "name", {{"nullFlavor", "UNK"}});
    const std::string gender = p.sex == "M" || p.sex == "F" ? p.sex : "UN";
    add(patient, "administrativeGenderCode", {{"code", gender}, {"codeSystem", gender_oid}});
    if (!p.birth_date.empty()) {
        add(patient, "birthTime", {{"value", p.birth_date}});
    } else {
        add(patient, "birthTime", {{"nullFlavor", "UNK"}});
    }
}

void add_author(pugi::xml_node document, const Header& header) {
    pugi::xml_node author = add(document, "author");
    add(author, "time", {{"value", header.time}});
    pugi::xml_node assigned = author.append_child("assignedAuthor");
    if (!header.author.id.empty() && is_institution_code(header.sender.code)) {
        add(assigned, "id", {{"root", std::string(doctor_id_root) + header.sender.code}, {"extension", header.author.id}});
    } else {
        add(assigned, "id", {{"nullFlavor", "UNK"}});
    }
    if (!header.author.name.empty()) {
        build::add_person_name(assigned.append_child("assignedPerson"), header.author.name, "IDE");
    } else {
        pugi::xml_node device = assigned.append_child("assignedAuthoringDevice");
        add_text(device, "softwareName", "SS-MIX Carry");
    }
    add_organization(assigned, "representedOrganization", header.sender, true);
}

void add_custodian(pugi::xml_node document, const Header& header) {
    pugi::xml_node organization =
        document.append_child("custodian").append_child("assignedCustodian").append_child("representedCustodianOrganization");
    add_institution_ids(organization, header.sender);
    add_text(organization, "name", header.sender.name);
}

void add_recipient(pugi::xml_node document, const Recipient& recipient) {
    pugi::xml_node intended = document.append_child("informationRecipient").append_child("intendedRecipient");
    if (!recipient.doctor.empty()) build::add_person_name(intended.append_child("informationRecipient"), recipient.doctor, "IDE");
    // The recipient's ids only when the letter names its code: an unknown recipient code is
    // simply not written (the sender's is required, and always written).
    add_organization(intended, "receivedOrganization", recipient.institution, is_institution_code(recipient.institution.code));
}

}  // namespace

Header make_header(const WriteContext& context, DocumentType type, Institution sender) {
    Header header;
    header.id = context.document_id;
    header.time = context.time;
    header.set_id = context.set_id;
    header.version = context.version;
    header.replaces = context.replaces;
    header.type = std::move(type);
    header.sender = std::move(sender);
    return header;
}

bool is_institution_code(const std::string& code) {
    return code.size() == 10 && std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

pugi::xml_node write_header(pugi::xml_document& doc, const Header& header, const clinical::Patient& patient) {
    pugi::xml_node decl = doc.prepend_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = add(doc, "ClinicalDocument", {{"xmlns", "urn:hl7-org:v3"}, {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
    add(root, "realmCode", {{"code", "JP"}});
    add(root, "typeId", {{"root", "2.16.840.1.113883.1.3"}, {"extension", "POCD_HD000040"}});
    add(root, "id", {{"root", header.id}});
    const auto& t = header.type;
    pugi::xml_node code = add(root, "code", {{"code", t.code}, {"codeSystem", t.system}, {"codeSystemName", t.system_name}, {"displayName", t.display}});
    if (!t.loinc.empty())
        add(code, "translation", {{"code", t.loinc}, {"codeSystem", loinc_oid}, {"codeSystemName", "LOINC"}, {"displayName", t.loinc_display}});
    add_text(root, "title", t.title);
    add(root, "effectiveTime", {{"value", header.time}});
    add(root, "confidentialityCode", {{"code", "N"}, {"codeSystem", confidentiality_oid}});
    add(root, "languageCode", {{"code", "ja-JP"}});
    if (header.set_id.root.empty()) {
        add(root, "setId", {{"root", header.id}});
    } else {
        add(root, "setId", {{"root", header.set_id.root}, {"extension", header.set_id.extension}});
    }
    add(root, "versionNumber", {{"value", std::to_string(header.version)}});
    add_patient(root, header, patient);
    add_author(root, header);
    add_custodian(root, header);
    for (const auto& recipient : header.recipients) add_recipient(root, recipient);
    if (!header.replaces.root.empty())
        add(add(add(root, "relatedDocument", {{"typeCode", "RPLC"}}), "parentDocument"), "id",
            {{"root", header.replaces.root}, {"extension", header.replaces.extension}});
    return root.append_child("component").append_child("structuredBody");
}

pugi::xml_node add_section(pugi::xml_node body, const char* loinc_code, const char* loinc_display, const char* title) {
    pugi::xml_node section = body.append_child("component").append_child("section");
    add(section, "code", {{"code", loinc_code}, {"codeSystem", loinc_oid}, {"codeSystemName", "LOINC"}, {"displayName", loinc_display}});
    add_text(section, "title", title);
    return section.append_child("text");
}

std::string to_xml(const pugi::xml_document& document) {
    std::ostringstream out;
    document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
}

}  // namespace ssmix::cda
