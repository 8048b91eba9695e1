// core/cda/document_summary.cpp
#include "core/cda/document_summary.h"

#include "core/clinical/dates.h"

namespace ssmix::cda {
namespace {

std::string display_sex(const std::string& gender) {
    return gender == "M" ? "男" : gender == "F" ? "女" : gender.empty() ? "" : "不明";
}

}  // namespace

std::string party_text(const Party& party) {
    std::string out = party.organization;
    if (!party.department.empty()) out += (out.empty() ? "" : "　") + party.department;
    const std::string& person = party.person.best();
    if (!person.empty()) out += (out.empty() ? "" : "　") + person;
    return out;
}

std::string document_title(const Document& document) {
    if (!document.title.empty()) return document.title;
    if (!document.code.display.empty()) return document.code.display;
    return "臨床文書";
}

std::vector<std::pair<std::string, std::string>> header_rows(const Document& d) {
    std::vector<std::pair<std::string, std::string>> rows;
    auto add = [&](std::string label, std::string value) {
        if (!value.empty()) rows.emplace_back(std::move(label), std::move(value));
    };
    std::string patient = d.patient.name.best();
    if (!d.patient.name.syllabic.empty() && d.patient.name.syllabic != patient) patient += "（" + d.patient.name.syllabic + "）";
    add("患者", patient);
    std::string ids;
    for (const auto& id : d.patient.ids) {
        const std::string& value = id.extension.empty() ? id.root : id.extension;
        if (value.empty()) continue;
        ids += (ids.empty() ? "" : "、") + value + (id.assigning_authority.empty() ? "" : "（" + id.assigning_authority + "）");
    }
    add("患者ID", ids);
    add("生年月日", clinical::display_date(d.patient.birth_time));
    add("性別", display_sex(d.patient.gender));
    add("作成日", clinical::display_date(d.effective_time));
    for (const auto& author : d.authors) add("作成者", party_text(author));
    for (const auto& recipient : d.recipients) add("宛先", party_text(recipient));
    add("保管", party_text(d.custodian));
    if (d.legal_authenticator) add("署名", party_text(*d.legal_authenticator) + (d.legal_authenticator->time.empty() ? "" : "　" + clinical::display_date(d.legal_authenticator->time)));
    return rows;
}

}  // namespace ssmix::cda
