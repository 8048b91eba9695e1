// core/cda/referral.cpp — the letter's own text sections are LOINC-coded like C-CDA's
// Referral Note (Reason for referral 42349-1, History of present illness 10164-2, ...).
#include "core/cda/referral.h"

#include "core/cda/code_systems.h"
#include "core/cda/detail/clinical_sections.h"
#include "core/cda/detail/header_xml.h"
#include "core/cda/detail/xml_build.h"
#include "core/clinical/selection.h"

namespace ssmix::cda {
namespace {

void add_free_text_section(pugi::xml_node body, const char* code, const char* display, const char* title, const std::string& text) {
    if (text.empty()) return;
    build::add_paragraphs(add_section(body, code, display, title), text);
}

}  // namespace

std::string write_referral(const clinical::ClinicalRecord& record, const ReferralLetter& letter, const WriteContext& context) {
    Header header = make_header(context, {"MD0020730", jmix_oid, "JMIX", "診療情報提供書", "57133-1", "Referral note", "診療情報提供書"}, letter.from);
    header.author = letter.doctor;
    header.recipients = {letter.to};

    pugi::xml_document document;
    pugi::xml_node body = write_header(document, header, record.patient);
    add_free_text_section(body, "42349-1", "Reason for referral", "紹介目的", letter.purpose);
    add_problems_section(body, record.problems);
    add_free_text_section(body, "11348-0", "History of past illness", "既往歴", letter.past_history);
    add_free_text_section(body, "10157-6", "History of family member diseases", "家族歴", letter.family_history);
    add_free_text_section(body, "10164-2", "History of present illness", "症状経過", letter.present_illness);
    add_free_text_section(body, "8648-8", "Hospital course", "治療経過", letter.course);
    add_allergies_section(body, record.allergies);
    add_medications_section(body, clinical::current_prescriptions(record), "現在の処方");
    add_results_section(body, clinical::recent_lab_results(record));
    add_free_text_section(body, "48767-8", "Annotation comment", "備考", letter.remarks);
    return to_xml(document);
}

}  // namespace ssmix::cda
