// core/fhir/referral_bundle.cpp — the Composition follows JP_Composition_eReferral 1.5.2: the
// 紹介元 (920) and 紹介先 (910) sections, then 構造情報 (300) holding the clinical sections,
// 添付情報 (210) for the CDA form and 備考・連絡情報 (220). The CDA参照 section (200) is not
// used: the profile allows it only without 300 (checkExist-CDASection-or-CompositionSection).
#include "core/fhir/referral_bundle.h"

#include "core/base/base64.h"
#include "core/base/sha1.h"
#include "core/clinical/dates.h"
#include "core/clinical/record_tables.h"
#include "core/clinical/selection.h"
#include "core/fhir/detail/resources.h"
#include "core/fhir/profiles.h"
#include "core/fhir/values.h"
#include "core/fhir/xhtml.h"

namespace ssmix::fhir {
namespace {

using detail::Entry;
using detail::Json;

std::string nothing_recorded() { return paragraph_html(clinical::word(clinical::Word::nothing_recorded, Language::ja)); }

Json make_section(const SectionCode& code, const std::string& div) {
    Json s = {{"title", code.title},
              {"code", {{"coding", Json::array({detail::coding(system::section, code.code, std::string(code.title) + "セクション")})}}}};
    if (!div.empty()) s["text"] = {{"status", "additional"}, {"div", div}};
    return s;
}

void add_entries(Json& s, const std::vector<Entry>& entries) {
    if (entries.empty()) return;
    Json refs = Json::array();
    for (const auto& e : entries) refs.push_back(detail::reference(e));
    s["entry"] = refs;
}

std::string free_text_div(const std::string& text) { return narrative_div({text.empty() ? nothing_recorded() : paragraphs_html(text)}); }

std::string institution_div(const cda::Institution& institution, const std::string& doctor) {
    std::vector<std::string> lines{paragraph_html(institution.name + (institution.department.empty() ? "" : "　" + institution.department))};
    if (!doctor.empty()) lines.push_back(paragraph_html(doctor));
    if (!institution.address.empty()) lines.push_back(paragraph_html(institution.address));
    if (!institution.phone.empty()) lines.push_back(paragraph_html("TEL " + institution.phone));
    return narrative_div(lines);
}

std::string letter_text(const cda::ReferralLetter& l) {
    std::string text;
    for (const std::string* part : {&l.from.name, &l.from.code, &l.from.department, &l.doctor.name, &l.doctor.id, &l.to.institution.name,
                                    &l.to.institution.code, &l.to.institution.department, &l.to.doctor, &l.purpose, &l.present_illness,
                                    &l.course, &l.past_history, &l.family_history, &l.remarks})
        text += *part + '\x1f';
    return text;
}

}  // namespace

CdaLink link_cda(std::string file_name, std::string_view xml, std::string document_id) {
    const std::string hex = sha1_hex(as_bytes(xml));
    Bytes digest;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) digest.push_back(static_cast<std::uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return {std::move(file_name), xml.size(), encode_base64(digest), std::move(document_id)};
}

std::string write_referral_bundle(const clinical::ClinicalRecord& record, const cda::ReferralLetter& letter, const DocumentContext& context) {
    detail::Setting s;
    s.institution_code = letter.from.code;
    s.instant = context.instant;
    s.seed = "ssmix-fhir|" + letter.from.code + "|" + record.patient.id;
    const std::string key = stable_key(s.seed + "|referral|" + letter_text(letter) + "|" + std::to_string(context.version));

    const Entry patient = detail::patient(record.patient, s);
    s.patient_url = patient.full_url;
    const Entry encounter = detail::referral_encounter(letter.purpose, s);
    const Entry from_doctor = detail::practitioner(letter.doctor.name, letter.doctor.id, "from", s);
    const Entry from_org = detail::organization(letter.from, "from", s);
    const Entry to_org = detail::organization(letter.to.institution, "to", s);
    std::optional<Entry> to_doctor;
    if (!letter.to.doctor.empty()) to_doctor = detail::practitioner(letter.to.doctor, "", "to", s);

    std::vector<Entry> conditions, allergies, medications, observations;
    for (std::size_t i = 0; i < record.problems.size(); ++i) conditions.push_back(detail::condition(record.problems[i], i, s));
    for (std::size_t i = 0; i < record.allergies.size(); ++i) allergies.push_back(detail::allergy(record.allergies[i], i, s));
    const auto orders = clinical::current_prescriptions(record);
    for (const auto& order : orders)
        for (auto& e : detail::medication_requests(order, s)) medications.push_back(std::move(e));
    const auto results = clinical::recent_lab_results(record);
    for (std::size_t i = 0; i < results.size(); ++i) observations.push_back(detail::lab_observation(results[i], i, s));

    // The structured sections, in the order of the CDA letter.
    Json sub = Json::array();
    Json purpose = make_section(section::purpose, free_text_div(letter.purpose));
    add_entries(purpose, {encounter});
    sub.push_back(purpose);
    Json problems = make_section(section::problems, narrative_div({record.problems.empty() ? nothing_recorded()
                                                                                        : table_html(clinical::problem_table(record.problems, Language::ja))}));
    add_entries(problems, conditions);
    sub.push_back(problems);
    if (!letter.past_history.empty()) sub.push_back(make_section(section::past_illness, free_text_div(letter.past_history)));
    if (!letter.family_history.empty()) sub.push_back(make_section(section::family_history, free_text_div(letter.family_history)));
    sub.push_back(make_section(section::present_illness, free_text_div(letter.present_illness)));
    if (!letter.course.empty()) sub.push_back(make_section(section::clinical_course, free_text_div(letter.course)));
    Json allergy_section = make_section(section::allergies, narrative_div({record.allergies.empty() ? nothing_recorded()
                                                                                                : table_html(clinical::allergy_table(record.allergies, Language::ja))}));
    add_entries(allergy_section, allergies);
    sub.push_back(allergy_section);
    std::vector<std::string> medication_parts;
    for (const auto& table : clinical::order_tables(orders, Language::ja)) {
        medication_parts.push_back(paragraph_html(table.heading));
        medication_parts.push_back(table_html(table.table));
    }
    if (medication_parts.empty()) medication_parts.push_back(nothing_recorded());
    Json medication_section = make_section(section::medications, narrative_div(medication_parts));
    add_entries(medication_section, medications);
    sub.push_back(medication_section);
    Json result_section = make_section(section::results, narrative_div({results.empty() ? nothing_recorded()
                                                                                     : table_html(clinical::lab_result_list(results, Language::ja))}));
    add_entries(result_section, observations);
    sub.push_back(result_section);

    Json sections = Json::array();
    Json from_section = make_section(section::referral_from, institution_div(letter.from, letter.doctor.name));
    add_entries(from_section, {from_org, from_doctor});
    sections.push_back(from_section);
    Json to_section = make_section(section::referral_to, institution_div(letter.to.institution, letter.to.doctor));
    std::vector<Entry> to_entries{to_org};
    if (to_doctor) to_entries.push_back(*to_doctor);
    add_entries(to_section, to_entries);
    sections.push_back(to_section);
    Json structured = make_section(section::structured, "");
    structured["section"] = sub;
    sections.push_back(structured);

    std::optional<Entry> cda_reference;
    if (context.cda) {
        Json r = {{"resourceType", "DocumentReference"}, {"meta", detail::meta(profile::document_reference, s)}};
        r["masterIdentifier"] = {{"system", "urn:ietf:rfc:3986"}, {"value", "urn:oid:" + context.cda->document_id}};
        r["status"] = "current";
        r["type"] = {{"coding", Json::array({detail::coding(system::loinc, "57133-1", "Referral note")})}, {"text", "診療情報提供書（CDA R2）"}};
        r["subject"] = {{"reference", s.patient_url}};
        r["date"] = context.instant;
        r["description"] = "この文書と同じ内容の CDA R2 形式の診療情報提供書";
        r["content"] = Json::array({{{"attachment", {{"contentType", "text/xml"}, {"language", "ja"}, {"url", context.cda->file_name},
                                                     {"size", context.cda->size}, {"hash", context.cda->sha1_base64}, {"title", "診療情報提供書"}}}}});
        cda_reference = Entry{stable_urn(s.seed + "|DocumentReference|cda|" + key), r};
        Json attachment = make_section(section::attachment, narrative_div({paragraph_html("CDA R2 形式: " + context.cda->file_name)}));
        add_entries(attachment, {*cda_reference});
        sections.push_back(attachment);
    }
    if (!letter.remarks.empty()) sections.push_back(make_section(section::remarks, free_text_div(letter.remarks)));

    Json composition = {{"resourceType", "Composition"}, {"meta", detail::meta(profile::composition_ereferral, s)}};
    composition["extension"] = Json::array({{{"url", extension::version_number}, {"valueString", std::to_string(context.version)}}});
    composition["identifier"] = {{"system", system::resource_identifier}, {"value", clins_identifier(letter.from.code, context.instant, key)}};
    composition["status"] = "final";
    composition["type"] = {{"coding", Json::array({detail::coding(system::doc_type, "57133-1", "診療情報提供書")})}};
    composition["category"] = Json::array({{{"coding", Json::array({detail::coding(system::doc_subtype, "OUTPATIENT", "外来文書")})}}});
    composition["subject"] = {{"reference", patient.full_url}};
    composition["encounter"] = {{"reference", encounter.full_url}};
    composition["date"] = context.instant.substr(0, 19) + "+09:00";
    composition["author"] = Json::array({detail::reference(from_doctor), detail::reference(from_org)});
    composition["title"] = "診療情報提供書";
    composition["custodian"] = detail::reference(from_org);
    if (!context.replaces.empty())
        composition["relatesTo"] = Json::array({{{"code", "replaces"},
                                                 {"targetIdentifier", {{"system", system::resource_identifier}, {"value", context.replaces}}}}});
    composition["event"] = Json::array({{{"code", Json::array({{{"text", "診療情報提供書発行"}}})}, {"period", {{"start", context.instant.substr(0, 10)}}}}});
    composition["section"] = sections;
    const Entry composition_entry{stable_urn(s.seed + "|Composition|" + key), composition};

    Json bundle = {{"resourceType", "Bundle"}, {"meta", detail::meta(profile::bundle_ereferral, s)}, {"language", "ja"}};
    bundle["identifier"] = {{"system", system::bundle_identifier}, {"value", clins_identifier(letter.from.code, context.instant, key)}};
    bundle["type"] = "document";
    bundle["timestamp"] = context.instant;
    Json entries = Json::array();
    auto add = [&](const Entry& e) { entries.push_back({{"fullUrl", e.full_url}, {"resource", e.resource}}); };
    add(composition_entry);
    add(patient);
    add(encounter);
    add(from_doctor);
    if (to_doctor) add(*to_doctor);
    add(from_org);
    add(to_org);
    for (const auto* list : {&conditions, &allergies, &medications, &observations})
        for (const auto& e : *list) add(e);
    if (cda_reference) add(*cda_reference);
    bundle["entry"] = entries;
    return bundle.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<EarlierVersion> read_earlier_version(std::string_view json, std::string& why) {
    const Json bundle = Json::parse(json, nullptr, false);
    if (bundle.is_discarded() || !bundle.is_object()) {
        why = "not JSON";
        return std::nullopt;
    }
    if (bundle.value("resourceType", "") != "Bundle" || bundle.value("type", "") != "document") {
        why = "not a FHIR document Bundle";
        return std::nullopt;
    }
    const auto entries = bundle.find("entry");
    if (entries == bundle.end() || !entries->is_array() || entries->empty() || !(*entries)[0].is_object() ||
        !(*entries)[0].contains("resource") || (*entries)[0]["resource"].value("resourceType", "") != "Composition") {
        why = "its first entry is not a Composition";
        return std::nullopt;
    }
    const Json& composition = (*entries)[0]["resource"];
    EarlierVersion earlier;
    if (const auto id = composition.find("identifier"); id != composition.end() && id->is_object() && id->contains("value") && (*id)["value"].is_string())
        earlier.composition_identifier = (*id)["value"].get<std::string>();
    if (earlier.composition_identifier.empty()) {
        why = "its Composition has no identifier";
        return std::nullopt;
    }
    if (const auto ext = composition.find("extension"); ext != composition.end() && ext->is_array())
        for (const auto& e : *ext)
            if (e.is_object() && e.value("url", "") == extension::version_number && e.contains("valueString") && e["valueString"].is_string()) {
                const std::string v = e["valueString"].get<std::string>();
                double number = 0;
                if (parse_decimal(v, number) && number >= 1 && number < 100000) earlier.version = static_cast<int>(number);
            }
    for (const auto& entry : *entries)
        if (entry.is_object() && entry.contains("resource") && entry["resource"].is_object() && entry["resource"].value("resourceType", "") == "Patient")
            if (const auto ids = entry["resource"].find("identifier"); ids != entry["resource"].end() && ids->is_array() && !ids->empty() &&
                                                                    (*ids)[0].is_object() && (*ids)[0].contains("value") && (*ids)[0]["value"].is_string())
                earlier.patient_id = (*ids)[0]["value"].get<std::string>();
    return earlier;
}

}  // namespace ssmix::fhir
