// tests/unit/ssmix2/data_types_test.cpp — every one of the 36 event rows: a message of that type
// is classified as its data type, takes its care date from the row's field, and is a cancel
// exactly when the row says so.
#include <doctest/doctest.h>

#include <set>

#include "core/hl7/parse.h"
#include "core/hl7/write.h"
#include "core/ssmix2/plan.h"

using namespace ssmix;
using namespace ssmix::ssmix2;

namespace {

// A minimal message for a row: MSH, PID, and the care-date field set to 20240315 (other
// date-bearing fields get another date, so a wrong field would show).
Bytes message_for(const DataTypeRow& row) {
    hl7::MessageWriter w;
    hl7::add_ssmix2_header(w, {"HIS", "SEND", "GW", "RCV", "20240316090000", std::string(row.message), "1"});
    const std::string care = std::string(row.care_date_field);
    auto segment = [&](const std::string& id) {
        w.add_segment(id);
        for (std::size_t n : {6u, 7u, 8u, 9u, 17u, 44u, 45u, 47u}) {
            const std::string field = id + "-" + std::to_string(n);
            if (field == care) w.set(n, "20240315");
            else if (id != "PID" && n != 17 && !(id == "PV1" && n == 8) && !(id == "PV2" && n == 17)) w.set(n, "20230101");
        }
    };
    segment("EVN");
    w.add_segment("PID");
    w.set(3, "9999013");
    segment("PV1");
    segment("PV2");
    segment("ORC");
    // Content that decides between rows sharing a message type.
    if (row.code == "OMP-02") {
        w.add_segment("RXE");
        w.add_segment("RXC");
    }
    if (row.code == "OMP-12") {
        w.add_segment("RXA");
        w.set(3, "20240315");
        w.add_segment("RXC");
    } else if (row.code == "OMP-11") {
        w.add_segment("RXA");
        w.set(3, "20240315");
    }
    const char* system = row.code.ends_with("1") ? "JJ1017" : row.code.ends_with("2") ? "LENDO" : "JC10";
    w.add_segment("OBR");
    w.set(4, "X", 1);
    w.set(4, system, 3);
    w.set(7, row.care_date_field == "OBR-7" ? "20240315" : "20230101");
    w.add_segment("SPM");
    w.set(17, row.care_date_field == "SPM-17" ? "20240315" : "20230101");
    return w.finish({"t", 0, ""}).bytes;
}

}  // namespace

TEST_CASE("data types: 36 rows, 26 codes") {
    std::set<std::string_view> codes;
    for (const auto& row : data_type_rows()) codes.insert(row.code);
    CHECK(data_type_rows().size() == 36);
    CHECK(codes.size() == 26);
}

TEST_CASE("data types: each row is classified, dated and flagged as the table says") {
    for (const auto& row : data_type_rows()) {
        CAPTURE(row.code);
        CAPTURE(row.message);
        const Bytes bytes = message_for(row);
        auto parsed = hl7::parse_message(bytes, "t");
        REQUIRE(parsed.value);
        auto plan = plan_storage(*parsed.value);
        for (const auto& d : plan.diagnostics) MESSAGE(to_string(d));
        REQUIRE(plan.value);
        CHECK(plan.value->name.data_type == row.code);
        CHECK(plan.value->row == &row);
        CHECK(plan.value->name.care_date == (row.care_date_field.empty() ? "-" : "20240315"));
        CHECK((plan.value->action == Action::cancel) == row.cancel);
        CHECK((plan.value->name.flag == Flag::deleted) == row.cancel);
    }
}

TEST_CASE("data types: a missing or broken care date is an error naming the field") {
    const DataTypeRow* row = find_row("OMP-01", "RDE^O11");
    REQUIRE(row);
    auto parsed = hl7::parse_message(as_bytes("MSH|^~\\&|A|B|C|D|20240316||RDE^O11|1|P|2.5\rPID|||9999013\rORC|NW|1\rRXE\r"), "t");
    REQUIRE(parsed.value);
    auto missing = care_date(*parsed.value, *row);
    CHECK_FALSE(missing.value);
    CHECK(missing.diagnostics.at(0).place.where == "ORC-9");
    CHECK(missing.diagnostics.at(0).code == "ssmix2.care_date.missing");
    auto bad = hl7::parse_message(as_bytes("MSH|^~\\&|A|B|C|D|20240316||RDE^O11|1|P|2.5\rPID|||9999013\rORC|NW|1|||||||20241301\r"), "t");
    auto invalid = care_date(*bad.value, *row);
    CHECK(invalid.diagnostics.at(0).code == "ssmix2.care_date.invalid");
}

TEST_CASE("data types: messages that are none of them, and unsafe patient IDs, are refused") {
    auto adt = hl7::parse_message(as_bytes("MSH|^~\\&|A|B|C|D|20240316||ADT^A99|1|P|2.5\rPID|||9999013\r"), "t");
    auto plan = plan_storage(*adt.value);
    CHECK_FALSE(plan.value);
    CHECK(plan.diagnostics.at(0).code == "ssmix2.type.unknown");
    auto unsafe = hl7::parse_message(as_bytes("MSH|^~\\&|A|B|C|D|20240316||ADT^A08|1|P|2.5\rPID|||../../etc\r"), "t");
    auto refused = plan_storage(*unsafe.value);
    CHECK_FALSE(refused.value);
    CHECK(refused.diagnostics.at(0).code == "ssmix2.patient.unsafe");
}
