// core/clinical/selection.cpp
#include "core/clinical/selection.h"

#include <chrono>
#include <map>

#include "core/clinical/dates.h"

namespace ssmix::clinical {
namespace {

// Days since 1970-01-01 of a "YYYYMMDD..." time; nullopt when it is not a date.
std::optional<int> day_number(const std::string& t) {
    const auto date = parse_date(t);
    if (!date) return std::nullopt;
    return std::chrono::sys_days{*date}.time_since_epoch().count();
}

}  // namespace

std::vector<PrescriptionOrder> current_prescriptions(const ClinicalRecord& record) {
    std::string latest;
    for (const auto& order : record.prescriptions)
        if (order.kind == OrderKind::prescription && order.date > latest) latest = order.date;
    std::vector<PrescriptionOrder> current;
    for (const auto& order : record.prescriptions)
        if (order.kind == OrderKind::prescription && order.date == latest) current.push_back(order);
    return current;
}

std::vector<LabResult> recent_lab_results(const ClinicalRecord& record) {
    std::optional<int> newest;
    for (const auto& r : record.lab_results)
        if (const auto day = day_number(r.observed_at); day && (!newest || *day > *newest)) newest = day;
    if (!newest) return {};
    // The latest result of each test (by code, else by name) within the window, in record order.
    std::map<std::string, std::size_t> latest_by_test;
    for (std::size_t i = 0; i < record.lab_results.size(); ++i) {
        const auto& r = record.lab_results[i];
        const auto day = day_number(r.observed_at);
        if (!day || *newest - *day > recent_results_days) continue;
        const std::string key = r.test.code.empty() ? r.test.text : r.test.system + "|" + r.test.code;
        auto [at, inserted] = latest_by_test.emplace(key, i);
        if (!inserted && record.lab_results[at->second].observed_at <= r.observed_at) at->second = i;
    }
    std::vector<bool> keep(record.lab_results.size());
    for (const auto& [key, index] : latest_by_test) keep[index] = true;
    std::vector<LabResult> recent;
    for (std::size_t i = 0; i < record.lab_results.size(); ++i)
        if (keep[i]) recent.push_back(record.lab_results[i]);
    return recent;
}

}  // namespace ssmix::clinical
