// tests/unit/base/diagnostic_test.cpp — tests core/base/diagnostic.cpp.
#include <doctest/doctest.h>

#include "core/base/diagnostic.h"

TEST_CASE("diagnostic: one line names file, line, place, severity, message and code") {
    const auto d = ssmix::error({"a.hl7", 2, "PID-7"}, "hl7.ts.invalid", "birth date \"19801301\" is not a valid date");
    CHECK(ssmix::to_string(d) == "a.hl7:2: PID-7: error: birth date \"19801301\" is not a valid date [hl7.ts.invalid]");
}

TEST_CASE("diagnostic: missing line and place are left out, not printed as zero or empty") {
    const auto d = ssmix::warning({"x.dcm", 0, ""}, "dicom.duplicate", "skipped");
    CHECK(ssmix::to_string(d) == "x.dcm: warning: skipped [dicom.duplicate]");
}

TEST_CASE("diagnostic: Parsed reports errors only for error severity") {
    ssmix::Parsed<int> parsed;
    parsed.value = 1;
    parsed.diagnostics.push_back(ssmix::warning({}, "w", "w"));
    CHECK_FALSE(parsed.has_errors());
    parsed.diagnostics.push_back(ssmix::error({}, "e", "e"));
    CHECK(parsed.has_errors());
}
