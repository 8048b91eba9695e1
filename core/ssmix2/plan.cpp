// core/ssmix2/plan.cpp — from a parsed message to a storage file name.
#include "core/ssmix2/plan.h"

#include "core/hl7/field.h"
#include "core/hl7/timestamp.h"
#include "core/ssmix2/classify.h"

namespace ssmix::ssmix2 {
namespace {

// "ORC-9" -> the first non-empty value of that field over all segments with that id.
hl7::FieldView first_value(const hl7::Message& m, std::string_view path) {
    const auto dash = path.find('-');
    const std::string_view id = path.substr(0, dash);
    const std::size_t n = std::stoul(std::string(path.substr(dash + 1)));
    for (const auto* segment : m.segments(id)) {
        hl7::FieldView field = m.field(*segment, n);
        if (!field.empty()) return field;
    }
    return m.field(id, n);
}

const hl7::Segment* primary_orc(const hl7::Message& m) {
    for (const auto* orc : m.segments("ORC"))
        if (m.field(*orc, 1).text() == "PA") return orc;
    return m.segment("ORC");
}

}  // namespace

Parsed<std::string> care_date(const hl7::Message& m, const DataTypeRow& row) {
    Parsed<std::string> result;
    if (row.care_date_field.empty()) {
        result.value = std::string(no_date);
        return result;
    }
    const hl7::FieldView field = first_value(m, row.care_date_field);
    const std::string text = field.component(1).text();
    const auto timestamp = hl7::parse_timestamp(text);
    if (text.empty()) {
        result.diagnostics.push_back(error({m.name(), 0, std::string(row.care_date_field)}, "ssmix2.care_date.missing",
                                           std::string(row.code) + " takes its care date from " +
                                               std::string(row.care_date_field) + ", which is empty"));
    } else if (!timestamp || !timestamp->has_date()) {
        result.diagnostics.push_back(error({m.name(), 0, std::string(row.care_date_field)}, "ssmix2.care_date.invalid",
                                           "care date \"" + text + "\" is not a date (YYYYMMDD...)"));
    } else {
        result.value = timestamp->date8();
    }
    return result;
}

Parsed<StoragePlan> plan_storage(const hl7::Message& m) {
    Parsed<StoragePlan> result;
    auto fail = [&](std::string where, std::string code, std::string message) {
        result.diagnostics.push_back(error({m.name(), 0, std::move(where)}, std::move(code), std::move(message)));
        return std::move(result);
    };

    auto classified = classify(m);
    result.diagnostics = classified.diagnostics;
    if (!classified.value) return result;
    const DataTypeRow& row = **classified.value;

    StoragePlan plan;
    plan.row = &row;
    plan.control_id = m.field("MSH", 10).text();
    FileName& name = plan.name;
    name.data_type = std::string(row.code);

    name.patient_id = m.field("PID", 3).component(1).text();
    if (name.patient_id.empty()) return fail("PID-3", "ssmix2.patient.missing", "PID-3 (patient ID) is empty");
    if (!is_safe_patient_id(name.patient_id))
        return fail("PID-3", "ssmix2.patient.unsafe",
                    "patient ID \"" + name.patient_id +
                        "\" cannot name a storage folder (only A-Z, a-z, 0-9 and '-', at most 30 characters)");

    auto date = care_date(m, row);
    result.diagnostics.insert(result.diagnostics.end(), date.diagnostics.begin(), date.diagnostics.end());
    if (!date.value) return result;
    name.care_date = *date.value;

    // PPR-01 holds the patient's whole problem list in one record, whatever ORC-2 says.
    const hl7::Segment* orc = primary_orc(m);
    const std::string order = orc && row.code != "PPR-01" ? m.field(*orc, 2).component(1).text() : std::string();
    name.order_number = order.empty() ? std::string(no_order_number) : sanitize_name_part(order);
    if (!order.empty() && name.order_number != order)
        result.diagnostics.push_back(warning({m.name(), 0, "ORC-2"}, "ssmix2.order.sanitized",
                                             "order number \"" + order + "\" written as \"" + name.order_number + "\""));

    const std::string sent = m.field("MSH", 7).text();
    const auto timestamp = hl7::parse_timestamp(sent);
    if (!timestamp || !timestamp->has_date())
        return fail("MSH-7", "ssmix2.timestamp.invalid", "MSH-7 \"" + sent + "\" is not a date and time");
    name.timestamp = timestamp->digits17();

    std::string department = orc ? m.field(*orc, 17).component(1).text() : std::string();
    if (department.empty()) department = m.field("PV1", 10).component(1).text();
    name.department = department.empty() ? "-" : sanitize_name_part(department);

    const std::string order_control = orc ? m.field(*orc, 1).text() : std::string();
    plan.action = row.cancel || order_control == "CA" || order_control == "OC" ? Action::cancel : Action::store;
    name.flag = plan.action == Action::cancel ? Flag::deleted : Flag::current;
    result.value = std::move(plan);
    return result;
}

}  // namespace ssmix::ssmix2
