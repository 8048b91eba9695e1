// core/clinical/imaging.cpp — OMG^O19, OMI^Z23, ORU^R01 (OMG-01..13). The parent order (ORC-1
// "PA", or the first) names the procedure; IPC-3 is the Study Instance UID that links the
// order to the DICOM study on the disc.
#include "core/clinical/detail/extract.h"

namespace ssmix::clinical::detail {

void extract_imaging(const hl7::Message& m, const std::string& data_type, const std::string& care_date,
                     std::vector<ImagingOrder>& out) {
    ImagingOrder order;
    order.data_type = data_type;
    order.date = care_date;
    for (const auto* orc : m.segments("ORC")) {
        if (order.order_number.empty() || m.field(*orc, 1).text() == "PA") order.order_number = m.field(*orc, 2).component(1).text();
    }
    if (const auto* obr = m.segment("OBR")) {
        order.procedure = code_of(m.field(*obr, 4));
        if (order.order_number.empty()) order.order_number = m.field(*obr, 2).component(1).text();
    }
    if (const auto* ipc = m.segment("IPC")) {
        order.accession = m.field(*ipc, 1).text();
        order.study_uid = m.field(*ipc, 3).text();
        order.modality = m.field(*ipc, 5).component(1).text();
    }
    for (const auto* obx : m.segments("OBX")) {
        const std::string type = m.field(*obx, 2).text();
        if (type != "TX" && type != "ST" && type != "FT") continue;
        const std::string label = code_of(m.field(*obx, 3)).text;
        const std::string value = m.field(*obx, 5).text();
        if (!value.empty()) order.findings.push_back(label.empty() ? value : label + ": " + value);
    }
    out.push_back(std::move(order));
}

}  // namespace ssmix::clinical::detail
