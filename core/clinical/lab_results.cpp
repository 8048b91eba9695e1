// core/clinical/lab_results.cpp — OUL^R22 (OML-11): SPM (specimen) { OBR (test panel) [ORC]
// { OBX (result) } }. The observation time is OBX-14, else the panel's OBR-7, else SPM-17.
#include "core/clinical/detail/extract.h"
#include "core/hl7/types.h"

namespace ssmix::clinical::detail {

void extract_lab_results(const hl7::Message& m, std::vector<LabResult>& out) {
    Code specimen, panel, department;
    std::string collected, panel_time, order_number;
    for (const auto& segment : m.segments()) {
        if (segment.id == "SPM") {
            specimen = code_of(m.field(segment, 4));
            collected = m.field(segment, 17).component(1).text();
        } else if (segment.id == "OBR") {
            panel = code_of(m.field(segment, 4));
            panel_time = m.field(segment, 7).component(1).text();
            order_number = m.field(segment, 2).component(1).text();
        } else if (segment.id == "ORC") {
            department = code_of(m.field(segment, 17));
        } else if (segment.id == "OBX") {
            LabResult r;
            r.value_type = m.field(segment, 2).text();
            r.test = code_of(m.field(segment, 3));
            r.value = r.value_type == "CWE" || r.value_type == "CE" ? code_of(m.field(segment, 5)).text : m.field(segment, 5).text();
            if (r.value_type == "NM") r.number = hl7::read_nm(r.value);
            const Code unit = code_of(m.field(segment, 6));
            r.unit = unit.text.empty() ? unit.code : unit.text;
            r.reference_range = m.field(segment, 7).text();
            r.abnormal_flag = m.field(segment, 8).text();
            r.status = m.field(segment, 11).text();
            r.observed_at = m.field(segment, 14).component(1).text();
            if (r.observed_at.empty()) r.observed_at = panel_time.empty() ? collected : panel_time;
            r.specimen = specimen;
            r.panel = panel;
            r.order_number = order_number;
            r.department = department;
            out.push_back(std::move(r));
        }
    }
}

}  // namespace ssmix::clinical::detail
