// core/clinical/demographics.cpp — PID (ADT-00 and every other message) and allergies
// (IAM in ADT-61, AL1 in ADT-00).
#include "core/clinical/detail/extract.h"
#include "core/hl7/types.h"

namespace ssmix::clinical::detail {

Code code_of(const hl7::FieldView& cwe) {
    const auto c = hl7::read_cwe(cwe);
    return {c.code, c.text, c.system};
}

void extract_patient(const hl7::Message& m, Patient& p) {
    p.id = m.field("PID", 3).component(1).text();
    const auto names = hl7::read_xpn_all(m.field("PID", 5));
    if (const auto* kanji = hl7::ideographic(names)) p.name = kanji->full();
    if (const auto* kana = hl7::phonetic(names)) p.name_kana = kana->full();
    p.birth_date = m.field("PID", 7).component(1).text().substr(0, 8);
    p.sex = m.field("PID", 8).text();
    const auto address = hl7::read_xad(m.field("PID", 11).repetition(1));
    p.postal_code = address.postal_code;
    p.address = address.full();
    p.phones.clear();
    for (const auto& t : hl7::read_xtn_all(m.field("PID", 13))) p.phones.push_back(t.number);
}

void extract_allergies(const hl7::Message& m, std::vector<Allergy>& out) {
    for (const auto* iam : m.segments("IAM"))
        out.push_back({code_of(m.field(*iam, 2)), code_of(m.field(*iam, 3)), code_of(m.field(*iam, 4)), m.field(*iam, 5).text()});
    for (const auto* al1 : m.segments("AL1"))
        out.push_back({code_of(m.field(*al1, 2)), code_of(m.field(*al1, 3)), code_of(m.field(*al1, 4)), m.field(*al1, 5).text()});
}

}  // namespace ssmix::clinical::detail
