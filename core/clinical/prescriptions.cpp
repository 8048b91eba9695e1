// core/clinical/prescriptions.cpp — RDE^O11 (OMP-01 prescriptions, OMP-02 injections). The
// segments repeat as ORC [TQ1] RXE TQ1 RXR [RXC]: each ORC opens an Rp (ORC-4 is its number);
// Rps with the same number are one Rp with several drugs.
#include "core/clinical/detail/extract.h"
#include "core/hl7/types.h"

namespace ssmix::clinical::detail {

void extract_prescription(const hl7::Message& m, OrderKind kind, const std::string& care_date,
                          std::vector<PrescriptionOrder>& out) {
    PrescriptionOrder order;
    order.kind = kind;
    order.date = care_date;
    Rp* rp = nullptr;
    for (const auto& segment : m.segments()) {
        if (segment.id == "ORC") {
            if (order.order_number.empty()) {
                order.order_number = m.field(segment, 2).component(1).text();
                const auto doctors = hl7::read_xcn_all(m.field(segment, 12));
                if (!doctors.empty()) order.doctor = doctors.front().name.full();
                order.department = code_of(m.field(segment, 17));
            }
            const std::string number = m.field(segment, 4).component(1).text();
            rp = nullptr;
            for (auto& existing : order.rps)
                if (!number.empty() && existing.number == number) rp = &existing;
            if (!rp) {
                order.rps.push_back({});
                rp = &order.rps.back();
                rp->number = number;
            }
        } else if (!rp) {
            continue;   // PID, PV1 ... before the first ORC
        } else if (segment.id == "RXE") {
            Medication med;
            med.drug = code_of(m.field(segment, 2));
            med.dose = m.field(segment, 3).text();
            med.dose_unit = code_of(m.field(segment, 5));
            med.dispense_amount = m.field(segment, 10).text();
            med.dispense_unit = code_of(m.field(segment, 11));
            med.daily_total = m.field(segment, 19).component(1).text();
            const auto unit = hl7::read_cwe_subcomponents(m.field(segment, 19).component(2));
            med.daily_total_unit = {unit.code, unit.text, unit.system};
            rp->prescription_type = code_of(m.field(segment, 21).repetition(1));
            if (kind == OrderKind::prescription) rp->medications.push_back(std::move(med));
        } else if (segment.id == "RXC") {
            Medication med;
            med.component_type = m.field(segment, 1).text();
            med.drug = code_of(m.field(segment, 2));
            med.dose = m.field(segment, 3).text();
            med.dose_unit = code_of(m.field(segment, 4));
            rp->medications.push_back(std::move(med));
        } else if (segment.id == "TQ1") {
            const hl7::FieldView pattern = m.field(segment, 3).component(1);
            if (!pattern.empty()) {
                const auto usage = hl7::read_cwe_subcomponents(pattern);
                rp->usage = {usage.code, usage.text, usage.system};
            }
            if (!m.field(segment, 6).empty()) {
                rp->days = m.field(segment, 6).component(1).text();
                rp->days_unit = m.field(segment, 6).component(2).subcomponent(1).text();
            }
            if (rp->start.empty()) rp->start = m.field(segment, 7).component(1).text();
            rp->end = m.field(segment, 8).component(1).text();
        } else if (segment.id == "RXR") {
            rp->route = code_of(m.field(segment, 1));
        }
    }
    out.push_back(std::move(order));
}

}  // namespace ssmix::clinical::detail
