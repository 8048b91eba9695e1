// core/cda/clinical_sections.cpp — element order in the entries follows POCD_MT000040.xsd
// (Observation: id, code, text, statusCode, effectiveTime, value, interpretationCode, ...,
// entryRelationship, reference, referenceRange; SubstanceAdministration: text, statusCode, effectiveTime,
// routeCode, doseQuantity, consumable, entryRelationship). Section codes are LOINC, as C-CDA
// uses them; the HL7 Japan table for the CDA letter was not available (README, "CDA").
#include "core/cda/detail/clinical_sections.h"

#include <string>

#include "core/cda/code_systems.h"
#include "core/cda/detail/header_xml.h"
#include "core/cda/detail/xml_build.h"
#include "core/clinical/dates.h"

namespace ssmix::cda {
namespace {

using build::add;
using build::add_text;

void nothing_recorded(pugi::xml_node text) { add_text(text, "paragraph", clinical::word(clinical::Word::nothing_recorded, Language::ja)); }

pugi::xml_node add_entry_observation(pugi::xml_node section) {
    return add(section.append_child("entry"), "observation", {{"classCode", "OBS"}, {"moodCode", "EVN"}});
}

// PQ's value is an xs:decimal-like real: the number as the laboratory wrote it, trimmed.
std::string decimal_text(const clinical::LabResult& r) {
    const auto first = r.value.find_first_not_of(" \t"), last = r.value.find_last_not_of(" \t");
    std::string text = first == std::string::npos ? "" : r.value.substr(first, last - first + 1);
    if (!text.empty() && text[0] == '+') text.erase(0, 1);
    const bool plain = !text.empty() && text.find_first_not_of("-0123456789.") == std::string::npos;
    return plain ? text : std::to_string(*r.number);
}

void add_reference(pugi::xml_node parent, const std::string& row_id) {
    add(parent.append_child("text"), "reference", {{"value", "#" + row_id}});
}

}  // namespace

void add_problems_section(pugi::xml_node body, const std::vector<clinical::Problem>& problems) {
    pugi::xml_node text = add_section(body, "11450-4", "Problem list", "傷病名");
    if (problems.empty()) return nothing_recorded(text);
    const clinical::RecordTable table = clinical::problem_table(problems, Language::ja);
    build::add_record_table(text, table);
    pugi::xml_node section = text.parent();
    for (std::size_t i = 0; i < problems.size(); ++i) {
        const auto& p = problems[i];
        const std::string& id = table.row_ids[i];
        pugi::xml_node observation = add_entry_observation(section);
        add(observation, "code", {{"code", "75326-9"}, {"codeSystem", loinc_oid}, {"codeSystemName", "LOINC"}, {"displayName", "Problem"}});
        add_reference(observation, id);
        add(observation, "statusCode", {{"code", "completed"}});
        pugi::xml_node time = observation.append_child("effectiveTime");
        const std::string& onset = p.onset_date.empty() ? p.diagnosis_date : p.onset_date;
        add(time, "low", onset.empty() ? build::Attributes{{"nullFlavor", "UNK"}} : build::Attributes{{"value", onset}});
        if (!p.resolved_date.empty()) add(time, "high", {{"value", p.resolved_date}});
        pugi::xml_node value = build::add_code(observation, "value", p.diagnosis, "CD");
        if (!p.icd10.empty() && value.attribute("code"))
            add(value, "translation", {{"code", p.icd10}, {"codeSystem", "2.16.840.1.113883.6.3"}, {"codeSystemName", "ICD-10"}});
    }
}

void add_allergies_section(pugi::xml_node body, const std::vector<clinical::Allergy>& allergies) {
    pugi::xml_node text = add_section(body, "48765-2", "Allergies and adverse reactions", "アレルギー・副作用");
    if (allergies.empty()) return nothing_recorded(text);
    build::add_record_table(text, clinical::allergy_table(allergies, Language::ja));
}

void add_medications_section(pugi::xml_node body, const std::vector<clinical::PrescriptionOrder>& orders, const char* title) {
    pugi::xml_node text = add_section(body, "10160-0", "History of Medication use", title);
    if (orders.empty()) return nothing_recorded(text);
    pugi::xml_node section = text.parent();
    const auto tables = clinical::order_tables(orders, Language::ja);
    for (std::size_t o = 0; o < orders.size(); ++o) {
        const auto& order = orders[o];
        add_text(text, "paragraph", tables[o].heading);
        build::add_record_table(text, tables[o].table);
        std::size_t row = 0;
        for (std::size_t r = 0; r < order.rps.size(); ++r) {
            const auto& rp = order.rps[r];
            for (std::size_t m = 0; m < rp.medications.size(); ++m) {
                const auto& med = rp.medications[m];
                const std::string& id = tables[o].table.row_ids[row++];
                pugi::xml_node administration =
                    add(section.append_child("entry"), "substanceAdministration", {{"classCode", "SBADM"}, {"moodCode", "INT"}});
                add_reference(administration, id);
                add(administration, "statusCode", {{"code", "completed"}});
                pugi::xml_node time = add(administration, "effectiveTime", {{"xsi:type", "IVL_TS"}});
                const std::string start = rp.start.empty() ? order.date : rp.start;
                add(time, "low", start.empty() ? build::Attributes{{"nullFlavor", "UNK"}} : build::Attributes{{"value", start}});
                if (!rp.days.empty()) add(time, "width", {{"value", rp.days}, {"unit", "d"}});
                if (!rp.route.empty()) build::add_code(administration, "routeCode", rp.route);
                if (!med.dose.empty())
                    add(administration, "doseQuantity", {{"value", med.dose}, {"unit", build::quantity_unit(med.dose_unit.text, med.dose_unit.code)}});
                pugi::xml_node drug = administration.append_child("consumable").append_child("manufacturedProduct").append_child("manufacturedLabeledDrug");
                build::add_code(drug, "code", med.drug);
                if (!rp.usage.empty()) {   // 用法 (JAMI usage code) as an observation the administration refers to
                    pugi::xml_node usage = add(add(administration, "entryRelationship", {{"typeCode", "COMP"}}), "observation",
                                               {{"classCode", "OBS"}, {"moodCode", "INT"}});
                    build::add_code(usage, "code", rp.usage);
                }
            }
        }
    }
}

void add_results_section(pugi::xml_node body, const std::vector<clinical::LabResult>& results) {
    pugi::xml_node text = add_section(body, "30954-2", "Relevant diagnostic tests/laboratory data", "検査結果");
    if (results.empty()) return nothing_recorded(text);
    const clinical::RecordTable table = clinical::lab_result_list(results, Language::ja);
    build::add_record_table(text, table);
    pugi::xml_node section = text.parent();
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        const std::string& id = table.row_ids[i];
        pugi::xml_node observation = add_entry_observation(section);
        build::add_code(observation, "code", r.test);
        add_reference(observation, id);
        add(observation, "statusCode", {{"code", "completed"}});
        add(observation, "effectiveTime", r.observed_at.empty() ? build::Attributes{{"nullFlavor", "UNK"}} : build::Attributes{{"value", r.observed_at}});
        if (r.number) {
            add(observation, "value", {{"xsi:type", "PQ"}, {"value", decimal_text(r)}, {"unit", build::quantity_unit(r.unit)}});
        } else {
            add_text(observation, "value", r.value).append_attribute("xsi:type").set_value("ST");
        }
        static constexpr std::string_view flags[] = {"H", "L", "HH", "LL", "N", "A", "AA"};
        for (const auto flag : flags)
            if (r.abnormal_flag == flag) add(observation, "interpretationCode", {{"code", flag}, {"codeSystem", interpretation_oid}});
        if (!r.reference_range.empty()) add_text(observation.append_child("referenceRange").append_child("observationRange"), "text", r.reference_range);
    }
}

// Each order, performed notice or result is an observation: the procedure as its code (JJ1017,
// LENDO, JC10 as the hospital sent it), an order in RQO mood and the others as events, the
// findings as its value, and the DICOM study it produced as an external observation (DGIMG)
// whose id is the Study Instance UID, so a reader can find the images on the same disc.
void add_imaging_section(pugi::xml_node body, const std::vector<clinical::ImagingOrder>& imaging) {
    pugi::xml_node text = add_section(body, "18726-0", "Radiology studies (set)", "画像・生理検査");
    if (imaging.empty()) return nothing_recorded(text);
    const clinical::RecordTable table = clinical::imaging_table(imaging, Language::ja);
    build::add_record_table(text, table);
    pugi::xml_node section = text.parent();
    for (std::size_t i = 0; i < imaging.size(); ++i) {
        const auto& order = imaging[i];
        const bool ordered_only = order.data_type == "OMG-01" || order.data_type == "OMG-02" || order.data_type == "OMG-03";
        pugi::xml_node observation =
            add(section.append_child("entry"), "observation", {{"classCode", "OBS"}, {"moodCode", ordered_only ? "RQO" : "EVN"}});
        if (!order.order_number.empty()) add(observation, "id", {{"nullFlavor", "NI"}, {"extension", order.order_number}});
        build::add_code(observation, "code", order.procedure);
        add_reference(observation, table.row_ids[i]);
        add(observation, "statusCode", {{"code", ordered_only ? "active" : "completed"}});
        add(observation, "effectiveTime", order.date.empty() ? build::Attributes{{"nullFlavor", "UNK"}} : build::Attributes{{"value", order.date}});
        if (!order.findings.empty()) {
            std::string findings;
            for (const auto& finding : order.findings) findings += (findings.empty() ? "" : "\n") + finding;
            add_text(observation, "value", findings).append_attribute("xsi:type").set_value("ST");
        }
        if (!order.study_uid.empty()) {
            pugi::xml_node study = add(add(observation, "reference", {{"typeCode", "REFR"}}), "externalObservation", {{"classCode", "DGIMG"}});
            add(study, "id", {{"root", order.study_uid}});
        }
    }
}

}  // namespace ssmix::cda
