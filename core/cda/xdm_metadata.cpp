// core/cda/xdm_metadata.cpp — built with pugixml, so every value is escaped as XML.
#include "core/cda/xdm_metadata.h"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <sstream>

#include "core/base/local_time.h"
#include "core/base/uid.h"
#include "core/cda/document_summary.h"

namespace ssmix::cda {
namespace {

// IHE ITI TF-3 §4.2.5 (classification schemes, external identifiers, object types).
constexpr const char* document_entry_type = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
constexpr const char* class_code_scheme = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
constexpr const char* type_code_scheme = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
constexpr const char* format_code_scheme = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
constexpr const char* confidentiality_scheme = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
constexpr const char* facility_type_scheme = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
constexpr const char* practice_setting_scheme = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
constexpr const char* entry_patient_id_scheme = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
constexpr const char* entry_unique_id_scheme = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
constexpr const char* submission_set_node = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
constexpr const char* content_type_scheme = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
constexpr const char* set_unique_id_scheme = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";
constexpr const char* set_source_id_scheme = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
constexpr const char* set_patient_id_scheme = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
constexpr const char* set_author_scheme = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";

constexpr const char* loinc = "2.16.840.1.113883.6.1";
constexpr const char* confidentiality_system = "2.16.840.1.113883.5.25";
constexpr const char* null_flavor_system = "2.16.840.1.113883.5.1008";
constexpr const char* format_code_system = "1.3.6.1.4.1.19376.1.2.3";   // IHE format codes

class MetadataWriter {
public:
    explicit MetadataWriter(const XdmSubmission& submission) : s_(submission) {
        auto declaration = xml_.append_child(pugi::node_declaration);
        declaration.append_attribute("version") = "1.0";
        declaration.append_attribute("encoding") = "UTF-8";
        auto request = xml_.append_child("lcm:SubmitObjectsRequest");
        request.append_attribute("xmlns:lcm") = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
        request.append_attribute("xmlns:rim") = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
        list_ = request.append_child("rim:RegistryObjectList");
    }

    std::string write(const std::vector<XdmDocument>& documents) {
        const std::string set_id = uuid_urn(random_uuid());
        std::vector<std::string> entry_ids;
        for (const auto& document : documents) entry_ids.push_back(document_entry(document));
        submission_set(set_id);
        for (std::size_t i = 0; i < entry_ids.size(); ++i) {
            auto association = list_.append_child("rim:Association");
            association.append_attribute("id") = ("Association" + std::to_string(i + 1)).c_str();
            association.append_attribute("associationType") = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
            association.append_attribute("sourceObject") = set_id.c_str();
            association.append_attribute("targetObject") = entry_ids[i].c_str();
            slot(association, "SubmissionSetStatus", {"Original"});
        }
        std::ostringstream out;
        xml_.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
        return out.str();
    }

private:
    std::string patient_cx() const { return s_.patient_id + "^^^&" + s_.patient_id_root + "&ISO"; }

    static void slot(pugi::xml_node parent, const char* name, const std::vector<std::string>& values) {
        auto node = parent.append_child("rim:Slot");
        node.append_attribute("name") = name;
        auto list = node.append_child("rim:ValueList");
        for (const auto& value : values) list.append_child("rim:Value").text() = value.c_str();
    }

    static void name(pugi::xml_node parent, const std::string& text) {
        auto localized = parent.append_child("rim:Name").append_child("rim:LocalizedString");
        localized.append_attribute("value") = text.c_str();
    }

    void classification(pugi::xml_node parent, const std::string& object, const char* scheme, const std::string& code,
                        const std::string& system, const std::string& display) {
        auto node = parent.append_child("rim:Classification");
        node.append_attribute("id") = ("Classification" + std::to_string(++counter_)).c_str();
        node.append_attribute("classificationScheme") = scheme;
        node.append_attribute("classifiedObject") = object.c_str();
        node.append_attribute("nodeRepresentation") = code.c_str();
        slot(node, "codingScheme", {system});
        name(node, display);
    }

    void external_identifier(pugi::xml_node parent, const std::string& object, const char* scheme, const std::string& value,
                             const std::string& label) {
        auto node = parent.append_child("rim:ExternalIdentifier");
        node.append_attribute("id") = ("Identifier" + std::to_string(++counter_)).c_str();
        node.append_attribute("registryObject") = object.c_str();
        node.append_attribute("identificationScheme") = scheme;
        node.append_attribute("value") = value.c_str();
        name(node, label);
    }

    std::string document_entry(const XdmDocument& d) {
        const std::string id = uuid_urn(random_uuid());
        auto object = list_.append_child("rim:ExtrinsicObject");
        object.append_attribute("id") = id.c_str();
        object.append_attribute("mimeType") = d.mime_type.c_str();
        object.append_attribute("objectType") = document_entry_type;
        if (!d.creation_time.empty()) slot(object, "creationTime", {xds_utc_time(d.creation_time)});
        slot(object, "languageCode", {d.language.empty() ? "ja-JP" : d.language});
        slot(object, "size", {std::to_string(d.size)});
        slot(object, "hash", {d.sha1});
        slot(object, "URI", {d.uri});
        slot(object, "sourcePatientId", {patient_cx()});
        std::vector<std::string> info = {"PID-3|" + patient_cx()};
        if (!d.patient_name.empty()) info.push_back("PID-5|" + d.patient_name);
        if (!d.patient_birth_date.empty()) info.push_back("PID-7|" + d.patient_birth_date);
        if (!d.patient_sex.empty()) info.push_back("PID-8|" + d.patient_sex);
        slot(object, "sourcePatientInfo", info);
        name(object, d.title);
        for (const auto& author : d.authors) {
            auto node = object.append_child("rim:Classification");
            node.append_attribute("id") = ("Classification" + std::to_string(++counter_)).c_str();
            node.append_attribute("classificationScheme") = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";   // DocumentEntry.author
            node.append_attribute("classifiedObject") = id.c_str();
            node.append_attribute("nodeRepresentation") = "";
            if (!author.person.empty()) slot(node, "authorPerson", {author.person});
            if (!author.institution.empty()) slot(node, "authorInstitution", {author.institution});
        }
        const std::string code = d.type.code.empty() ? "57133-1" : d.type.code;
        const std::string system = d.type.system.empty() ? loinc : d.type.system;
        const std::string display = d.type.display.empty() ? d.title : d.type.display;
        classification(object, id, class_code_scheme, code, system, display);
        classification(object, id, type_code_scheme, code, system, display);
        classification(object, id, confidentiality_scheme, d.confidentiality.empty() ? "N" : d.confidentiality, confidentiality_system,
                       d.confidentiality == "R" ? "restricted" : d.confidentiality == "V" ? "very restricted" : "normal");
        classification(object, id, format_code_scheme, d.format_code, format_code_system, d.format_display);
        classification(object, id, facility_type_scheme, "UNK", null_flavor_system, "unknown");
        classification(object, id, practice_setting_scheme, "UNK", null_flavor_system, "unknown");
        external_identifier(object, id, entry_patient_id_scheme, patient_cx(), "XDSDocumentEntry.patientId");
        external_identifier(object, id, entry_unique_id_scheme, d.unique_id.empty() ? random_uuid_oid() : d.unique_id, "XDSDocumentEntry.uniqueId");
        return id;
    }

    void submission_set(const std::string& id) {
        auto package = list_.append_child("rim:RegistryPackage");
        package.append_attribute("id") = id.c_str();
        package.append_attribute("objectType") = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage";
        slot(package, "submissionTime", {s_.submission_time});
        name(package, "SS-MIX Carry: " + s_.institution);
        auto author = package.append_child("rim:Classification");
        author.append_attribute("id") = ("Classification" + std::to_string(++counter_)).c_str();
        author.append_attribute("classificationScheme") = set_author_scheme;
        author.append_attribute("classifiedObject") = id.c_str();
        author.append_attribute("nodeRepresentation") = "";
        slot(author, "authorInstitution", {s_.institution});
        classification(package, id, content_type_scheme, "57133-1", loinc, "Referral note");
        auto node = package.append_child("rim:Classification");
        node.append_attribute("id") = ("Classification" + std::to_string(++counter_)).c_str();
        node.append_attribute("classifiedObject") = id.c_str();
        node.append_attribute("classificationNode") = submission_set_node;
        external_identifier(package, id, set_unique_id_scheme, random_uuid_oid(), "XDSSubmissionSet.uniqueId");
        external_identifier(package, id, set_source_id_scheme, random_uuid_oid(), "XDSSubmissionSet.sourceId");
        external_identifier(package, id, set_patient_id_scheme, patient_cx(), "XDSSubmissionSet.patientId");
    }

    const XdmSubmission& s_;
    pugi::xml_document xml_;
    pugi::xml_node list_;
    int counter_ = 0;
};

}  // namespace

std::string xds_utc_time(const std::string& time) {
    const auto zone = time.find_first_of("+-", 8);
    std::string digits = time.substr(0, zone);
    if (const auto dot = digits.find('.'); dot != std::string::npos) digits.resize(dot);
    const auto all_digits = [](std::string_view text) { return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }); };
    if (zone == std::string::npos || digits.size() < 12 || time.size() < zone + 5 || !all_digits(digits) ||
        !all_digits(std::string_view(time).substr(zone + 1, 4)))
        return digits;
    std::tm when{};
    when.tm_year = std::stoi(digits.substr(0, 4)) - 1900;
    when.tm_mon = std::stoi(digits.substr(4, 2)) - 1;
    when.tm_mday = std::stoi(digits.substr(6, 2));
    when.tm_hour = std::stoi(digits.substr(8, 2));
    when.tm_min = std::stoi(digits.substr(10, 2));
    when.tm_sec = digits.size() >= 14 ? std::stoi(digits.substr(12, 2)) : 0;
    const int offset_minutes = (std::stoi(time.substr(zone + 1, 2)) * 60 + std::stoi(time.substr(zone + 3, 2))) * (time[zone] == '-' ? -1 : 1);
    const std::time_t utc = timegm(&when) - offset_minutes * 60;
    return format_time(std::chrono::system_clock::from_time_t(utc), Zone::utc, "%Y%m%d%H%M%S").substr(0, digits.size());
}

XdmDocument xdm_document(const Document& d, std::string uri, std::uint64_t size, std::string sha1) {
    XdmDocument x;
    x.uri = std::move(uri);
    x.size = size;
    x.sha1 = std::move(sha1);
    x.title = document_title(d);
    x.creation_time = d.effective_time;
    if (!d.language.empty()) x.language = d.language;
    x.patient_name = d.patient.name.best();
    x.patient_birth_date = d.patient.birth_time;
    x.patient_sex = d.patient.gender;
    for (const auto& author : d.authors) x.authors.push_back({author.person.best(), author.organization});
    x.type = d.code;
    if (!d.confidentiality.empty()) x.confidentiality = d.confidentiality;
    x.unique_id = d.id.extension.empty() ? d.id.root : d.id.root + "^" + d.id.extension;
    return x;
}

std::string xdm_metadata_xml(const XdmSubmission& submission, const std::vector<XdmDocument>& documents) {
    return MetadataWriter(submission).write(documents);
}

Parsed<std::vector<XdmEntry>> read_xdm_entries(ByteView metadata, const std::string& name) {
    Parsed<std::vector<XdmEntry>> result;
    pugi::xml_document xml;
    const auto parsed = xml.load_buffer(metadata.data(), metadata.size());
    if (!parsed) {
        result.diagnostics.push_back(error({name, 0, ""}, "xdm.xml", std::string("not well-formed XML: ") + parsed.description() +
                                                                      " at byte " + std::to_string(parsed.offset)));
        return result;
    }
    result.value.emplace();
    for (const auto& found : xml.select_nodes("//*[local-name()='ExtrinsicObject']")) {
        XdmEntry entry;
        for (const auto& slot : found.node().select_nodes("*[local-name()='Slot']")) {
            const std::string slot_name = slot.node().attribute("name").value();
            const std::string value = slot.node().select_node(".//*[local-name()='Value']").node().text().get();
            if (slot_name == "URI") entry.uri = value;
            else if (slot_name == "size") entry.size = value;
            else if (slot_name == "hash") entry.hash = value;
        }
        result.value->push_back(std::move(entry));
    }
    return result;
}

}  // namespace ssmix::cda
