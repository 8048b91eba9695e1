// core/clinical/lab_table.h — laboratory results as Japanese result sheets show them: one row
// per test (in the order first met), one column per day (oldest first), the day's latest
// result in each cell. The disc's static page and the viewer both draw this table.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/clinical/record.h"

namespace ssmix::clinical {

// "H"/"HH" above the reference range, "L"/"LL" below it.
enum class Abnormal { none, high, low };
[[nodiscard]] Abnormal abnormal(const std::string& flag);

// A test's identity across results: its code, else its name.
[[nodiscard]] std::string test_key(const LabResult& result);

struct LabTable {
    struct Test {
        std::string key;                 // test_key
        std::string name;                // the name as written, else the code
        std::string unit, range;         // the last ones given
    };
    std::vector<Test> tests;
    std::vector<std::string> days;       // YYYYMMDD, oldest first

    // The day's latest result of a test (indexes into tests and days), or nullptr.
    [[nodiscard]] const LabResult* cell(std::size_t test, std::size_t day) const;

    std::map<std::pair<std::size_t, std::size_t>, const LabResult*> cells;   // points into the record
};

// Results must be in time order (as build_record leaves them). The table points into `record`.
[[nodiscard]] LabTable lab_table(const ClinicalRecord& record);

}  // namespace ssmix::clinical
