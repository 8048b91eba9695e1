// tests/unit/clinical/lab_table_test.cpp — tests core/clinical/lab_table.cpp.
#include <doctest/doctest.h>

#include "core/clinical/lab_table.h"

using namespace ssmix::clinical;

namespace {

LabResult result(const std::string& code, const std::string& name, const std::string& value, const std::string& at,
                 const std::string& unit = "", const std::string& flag = "") {
    LabResult r;
    r.test = {code, name, "JC10"};
    r.value = value;
    r.unit = unit;
    r.observed_at = at;
    r.abnormal_flag = flag;
    return r;
}

}  // namespace

TEST_CASE("lab table: tests in the order met, days oldest first, the day's latest result") {
    ClinicalRecord record;
    record.lab_results = {result("3C015", "クレアチニン", "1.0", "201112010900", "mg/dL"),
                          result("3A010", "総蛋白", "7.2", "201112010900"),
                          result("3C015", "クレアチニン", "1.4", "201112011500", "", "H"),   // same day, later
                          result("", "院内項目", "陰性", "201112190800"),
                          result("3C015", "クレアチニン", "0.9", "201111200800")};
    const LabTable table = lab_table(record);
    REQUIRE(table.tests.size() == 3);
    CHECK(table.tests[0].key == "3C015");
    CHECK(table.tests[0].name == "クレアチニン");
    CHECK(table.tests[0].unit == "mg/dL");        // the last unit given, not emptied by a result without one
    CHECK(table.tests[2].key == "院内項目");       // no code: the name is the key
    CHECK(table.days == std::vector<std::string>{"20111120", "20111201", "20111219"});
    REQUIRE(table.cell(0, 1));
    CHECK(table.cell(0, 1)->value == "1.4");
    CHECK(table.cell(0, 0)->value == "0.9");
    CHECK_FALSE(table.cell(1, 0));
    CHECK(table.cell(2, 2)->value == "陰性");
}

TEST_CASE("lab table: abnormal flags") {
    CHECK(abnormal("H") == Abnormal::high);
    CHECK(abnormal("HH") == Abnormal::high);
    CHECK(abnormal("LL") == Abnormal::low);
    CHECK(abnormal("N") == Abnormal::none);
    CHECK(abnormal("") == Abnormal::none);
}
