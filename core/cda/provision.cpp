// core/cda/provision.cpp
#include "core/cda/provision.h"

#include "core/cda/code_systems.h"
#include "core/cda/detail/clinical_sections.h"
#include "core/cda/detail/header_xml.h"
#include "core/cda/detail/xml_build.h"
#include "core/clinical/dates.h"

namespace ssmix::cda {

std::string write_provision(const clinical::ClinicalRecord& record, const Provision& provision, const WriteContext& context) {
    const Header header = make_header(context, {"34133-9", loinc_oid, "LOINC", "Summary of episode note", "", "", "診療データ提供書"}, provision.from);

    pugi::xml_document document;
    pugi::xml_node body = write_header(document, header, record.patient);
    const std::string from = provision.period_from.empty() ? "（最初）" : clinical::display_date(provision.period_from);
    const std::string to = provision.period_to.empty() ? "（最新）" : clinical::display_date(provision.period_to);
    pugi::xml_node period = add_section(body, "48767-8", "Annotation comment", "対象期間");
    const auto count = [](std::size_t n) { return std::to_string(n) + " 件"; };
    build::add_text(period, "paragraph",
                    from + " 〜 " + to + "（傷病名 " + count(record.problems.size()) + "、アレルギー " + count(record.allergies.size()) + "、処方 " +
                        count(record.prescriptions.size()) + "、検査結果 " + count(record.lab_results.size()) + "、画像・生理検査 " +
                        count(record.imaging.size()) + "）");
    add_problems_section(body, record.problems);
    add_allergies_section(body, record.allergies);
    add_medications_section(body, record.prescriptions, "処方・注射");
    add_results_section(body, record.lab_results);
    add_imaging_section(body, record.imaging);
    return to_xml(document);
}

}  // namespace ssmix::cda
