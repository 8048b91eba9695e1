// core/clinical/problems.cpp — PPR^ZD1 (PPR-01): one PRB per problem; PRB-10 carries the
// ICD-10 code as <code>^^I10^<diagnosis type>^<text>^JHSD0004 (shared/research/ssmix2.md §3.4).
#include "core/clinical/detail/extract.h"

namespace ssmix::clinical::detail {

void extract_problems(const hl7::Message& m, std::vector<Problem>& out) {
    const auto* orc = m.segment("ORC");   // one order per message: its department is every problem's
    const Code department = orc ? code_of(m.field(*orc, 17)) : Code{};
    for (const auto* prb : m.segments("PRB")) {
        Problem p;
        p.action = m.field(*prb, 1).text();
        p.department = department;
        p.diagnosis = code_of(m.field(*prb, 3));
        p.diagnosis_date = m.field(*prb, 7).component(1).text().substr(0, 8);
        p.resolved_date = m.field(*prb, 9).component(1).text().substr(0, 8);
        const hl7::FieldView classification = m.field(*prb, 10);
        if (classification.component(3).text() == "I10") p.icd10 = classification.component(1).text();
        p.suspected = m.field(*prb, 13).component(1).text() == "1";
        p.outcome = m.field(*prb, 14).component(2).text();
        if (p.outcome.empty()) p.outcome = m.field(*prb, 14).component(1).text();
        p.onset_date = m.field(*prb, 16).component(1).text().substr(0, 8);
        p.main = m.field(*prb, 18).component(1).text() == "1";
        if (p.action != "DE") out.push_back(std::move(p));   // DE: entered in error
    }
}

}  // namespace ssmix::clinical::detail
