// tests/unit/ssmix2/data_types_test.cpp — every one of the 36 event rows: a message of that type
// is classified as its data type, takes its care date from the field the research note names,
// and is a cancel exactly when the note says so. The expectations are this file's own table
// (below), written from ../shared/research/ssmix2.md, not core/ssmix2/data_types.cpp's.
#include <doctest/doctest.h>

#include <set>

#include "core/hl7/parse.h"
#include "core/hl7/write.h"
#include "core/ssmix2/plan.h"

using namespace ssmix;
using namespace ssmix::ssmix2;

namespace {

struct GuidelineRow {
    std::string_view code, message;
    bool cancel;
    std::string_view care_date_field;   // "" = no care date, the "-" folder
};

// Research note §1.5 (data type and message, guideline 1.2g p.11 via NHO-SPEC table 1-1), §1.4
// and §1.5's "update / delete" pairs (which event cancels), and §1.2's care-date table (DTT
// include/SSMIX_CAREDATE.json). ADT-62 is not in any of them (issue 16 report).
constexpr GuidelineRow guideline_rows[] = {
    {"ADT-00", "ADT^A08", false, ""},       {"ADT-00", "ADT^A23", true, ""},
    {"ADT-01", "ADT^A54", false, ""},       {"ADT-01", "ADT^A55", true, ""},
    {"ADT-12", "ADT^A04", false, "PV1-44"},
    {"ADT-21", "ADT^A14", false, "PV2-8"},  {"ADT-21", "ADT^A27", true, "PV2-8"},
    {"ADT-22", "ADT^A01", false, "PV1-44"}, {"ADT-22", "ADT^A11", true, "PV1-44"},
    {"ADT-31", "ADT^A21", false, "EVN-6"},  {"ADT-31", "ADT^A52", true, "EVN-6"},
    {"ADT-32", "ADT^A22", false, "EVN-6"},  {"ADT-32", "ADT^A53", true, "PV2-47"},
    {"ADT-41", "ADT^A15", false, "PV2-8"},  {"ADT-41", "ADT^A26", true, "PV2-8"},
    {"ADT-42", "ADT^A02", false, "EVN-6"},  {"ADT-42", "ADT^A12", true, "EVN-6"},
    {"ADT-51", "ADT^A16", false, "PV2-9"},  {"ADT-51", "ADT^A25", true, "PV2-9"},
    {"ADT-52", "ADT^A03", false, "PV1-45"}, {"ADT-52", "ADT^A13", true, "PV1-45"},
    {"ADT-61", "ADT^A60", false, ""},
    {"PPR-01", "PPR^ZD1", false, ""},
    {"OMD", "OMD^O03", false, "ORC-9"},
    {"OMP-01", "RDE^O11", false, "ORC-9"},  {"OMP-11", "RAS^O17", false, "RXA-3"},
    {"OMP-02", "RDE^O11", false, "ORC-9"},  {"OMP-12", "RAS^O17", false, "RXA-3"},
    {"OML-01", "OML^O33", false, "ORC-9"},  {"OML-11", "OUL^R22", false, "SPM-17"},
    {"OMG-01", "OMG^O19", false, "ORC-9"},  {"OMG-11", "OMI^Z23", false, "OBR-7"},
    {"OMG-02", "OMG^O19", false, "ORC-9"},  {"OMG-12", "OMI^Z23", false, "OBR-7"},
    {"OMG-03", "OMG^O19", false, "ORC-9"},  {"OMG-13", "ORU^R01", false, "OBR-7"},
};

// A minimal message for a row: MSH, PID, and the care-date field the note names set to
// 20240315 (every other date-bearing field gets another date, so a wrong field would show).
Bytes message_for(const GuidelineRow& row) {
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
    if (row.code == "OMP-11" || row.code == "OMP-12") {
        w.add_segment("RXA");
        w.set(3, care == "RXA-3" ? "20240315" : "20230101");
        if (row.code == "OMP-12") w.add_segment("RXC");
    }
    const char* system = row.code.ends_with("1") ? "JJ1017" : row.code.ends_with("2") ? "LENDO" : "JC10";
    w.add_segment("OBR");
    w.set(4, "X", 1);
    w.set(4, system, 3);
    w.set(7, care == "OBR-7" ? "20240315" : "20230101");
    w.add_segment("SPM");
    w.set(17, care == "SPM-17" ? "20240315" : "20230101");
    return w.finish({"t", 0, ""}).bytes;
}

}  // namespace

TEST_CASE("data types: the code's table has exactly the note's 36 rows, 26 codes") {
    std::set<std::string_view> codes;
    for (const auto& row : guideline_rows) {
        CAPTURE(row.code);
        CAPTURE(row.message);
        CHECK(find_row(row.code, row.message) != nullptr);
        codes.insert(row.code);
    }
    CHECK(std::size(guideline_rows) == 36);
    CHECK(codes.size() == 26);
    CHECK(data_type_rows().size() == std::size(guideline_rows));
    CHECK_FALSE(is_data_type_code("ADT-62"));
}

TEST_CASE("data types: each row is classified, dated and flagged as the note says") {
    for (const auto& row : guideline_rows) {
        CAPTURE(row.code);
        CAPTURE(row.message);
        const Bytes bytes = message_for(row);
        auto parsed = hl7::parse_message(bytes, "t");
        REQUIRE(parsed.value);
        auto plan = plan_storage(*parsed.value);
        for (const auto& d : plan.diagnostics) MESSAGE(to_string(d));
        REQUIRE(plan.value);
        CHECK(plan.value->name.data_type == row.code);
        REQUIRE(plan.value->row);
        CHECK(plan.value->row->message == row.message);
        CHECK(plan.value->name.care_date == (row.care_date_field.empty() ? "-" : "20240315"));
        CHECK(is_dateless(row.code) == row.care_date_field.empty());
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
