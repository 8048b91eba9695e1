// core/clinical/lab_table.cpp
#include "core/clinical/lab_table.h"

#include <algorithm>

namespace ssmix::clinical {

Abnormal abnormal(const std::string& flag) {
    if (flag.starts_with("H")) return Abnormal::high;
    if (flag.starts_with("L")) return Abnormal::low;
    return Abnormal::none;
}

std::string test_key(const LabResult& result) { return result.test.code.empty() ? result.test.text : result.test.code; }

const LabResult* LabTable::cell(std::size_t test, std::size_t day) const {
    const auto found = cells.find({test, day});
    return found == cells.end() ? nullptr : found->second;
}

LabTable lab_table(const ClinicalRecord& record) {
    LabTable table;
    std::map<std::string, std::size_t> test_index;
    for (const auto& r : record.lab_results) {
        const std::string day = r.observed_at.substr(0, 8);
        if (std::find(table.days.begin(), table.days.end(), day) == table.days.end()) table.days.push_back(day);
        auto [at, added] = test_index.emplace(test_key(r), table.tests.size());
        if (added) table.tests.push_back({test_key(r), r.test.text.empty() ? r.test.code : r.test.text, {}, {}});
        auto& test = table.tests[at->second];
        if (!r.unit.empty()) test.unit = r.unit;
        if (!r.reference_range.empty()) test.range = r.reference_range;
    }
    std::sort(table.days.begin(), table.days.end());
    for (const auto& r : record.lab_results) {   // later results of a day replace earlier ones
        const auto day = std::lower_bound(table.days.begin(), table.days.end(), r.observed_at.substr(0, 8)) - table.days.begin();
        table.cells[{test_index[test_key(r)], static_cast<std::size_t>(day)}] = &r;
    }
    return table;
}

}  // namespace ssmix::clinical
