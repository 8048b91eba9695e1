// tests/unit/hl7/regression_test.cpp — inputs the fuzzers found, kept so they stay fixed.
#include <doctest/doctest.h>

#include "core/hl7/field.h"
#include "core/hl7/parse.h"

using namespace ssmix;

TEST_CASE("hl7 regression: a bare \"MSH\" line after the header is an ordinary segment") {
    // Found by fuzz_hl7_message from the NHO negative sample: the MSH-1/MSH-2 rule applied to a
    // 3-byte segment made a field range end before it began.
    auto parsed = hl7::parse_message(as_bytes("MSH|^~\\&|A\rPID|||1\rMSH\rMSH|x\r"), "m.hl7");
    REQUIRE(parsed.value);
    const auto& segments = parsed.value->segments();
    REQUIRE(segments.size() == 4);
    for (const auto& segment : segments)
        for (std::size_t n = 0; n < segment.fields.size(); ++n) {
            CHECK(segment.fields[n].begin <= segment.fields[n].end);
            (void)parsed.value->field(segment, n).text();
        }
    CHECK(parsed.value->field(segments[3], 1).text() == "x");
}
