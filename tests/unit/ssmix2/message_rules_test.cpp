// tests/unit/ssmix2/message_rules_test.cpp — tests core/ssmix2/segment_grammar.cpp and
// message_rules.cpp on the NHO samples and on hand-made cases.
#include <doctest/doctest.h>

#include "core/hl7/parse.h"
#include "core/ssmix2/classify.h"
#include "core/ssmix2/message_rules.h"
#include "core/ssmix2/segment_grammar.h"
#include "tests/unit/hl7/test_files.h"

using namespace ssmix;
using namespace ssmix::ssmix2;
namespace fs = std::filesystem;

namespace {

std::vector<Diagnostic> rules_for(ByteView bytes, const std::string& name) {
    auto parsed = hl7::parse_message(bytes, name);
    REQUIRE(parsed.value);
    auto row = classify(*parsed.value);
    REQUIRE(row.value);
    return check_message_rules(*parsed.value, **row.value);
}

}  // namespace

TEST_CASE("segment grammar: optional, repeating and nested groups") {
    const auto g = SegmentGrammar::compile("MSH [{SFT}] PID [PV1 [PV2]] {ORC [{TQ1}] RXE {RXR}}");
    REQUIRE(g);
    CHECK_FALSE(g->match({"MSH", "PID", "ORC", "RXE", "RXR"}));
    CHECK_FALSE(g->match({"MSH", "SFT", "SFT", "PID", "PV1", "PV2", "ORC", "TQ1", "TQ1", "RXE", "RXR", "RXR", "ORC", "RXE", "RXR"}));
    const auto missing = g->match({"MSH", "PID", "ORC", "RXE"});
    REQUIRE(missing);
    CHECK(missing->segment_index == 4);
    CHECK(missing->expected == std::vector<std::string>{"RXR"});
    const auto misplaced = g->match({"MSH", "PID", "PV2", "ORC", "RXE", "RXR"});
    REQUIRE(misplaced);
    CHECK(misplaced->segment_index == 2);
    CHECK_FALSE(SegmentGrammar::compile("MSH [PID"));
    CHECK_FALSE(SegmentGrammar::compile("MSH PID}"));
    const auto any = SegmentGrammar::compile("MSH [{ANY}] PID");
    REQUIRE(any);
    CHECK_FALSE(any->match({"MSH", "ZZZ", "OBX", "PID"}));
}

TEST_CASE("segment grammar: every SS-MIX2 message type has one that compiles") {
    for (const auto& row : data_type_rows()) {
        CAPTURE(row.message);
        CHECK(grammar_for(row.message) != nullptr);
    }
}

TEST_CASE("message rules: the valid NHO samples follow their structure") {
    for (const auto& entry : fs::recursive_directory_iterator(sample_root() / "999")) {
        if (!entry.is_regular_file()) continue;
        CAPTURE(entry.path().filename().string());
        for (const auto& d : rules_for(read_bytes(entry.path()), entry.path().filename().string()))
            CHECK_MESSAGE(d.code != "ssmix2.structure.unexpected_segment", to_string(d));
    }
}

TEST_CASE("message rules: the NHO negative sample with junk segments") {
    const auto found = rules_for(sample("000/000/0000001/20000401/OMP-11/0000001_20000401_OMP-11_123456789012345_20110701113813225_01_1"), "junk");
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].code == "ssmix2.structure.unexpected_segment");
    CHECK(found[0].place.line == 9);   // "TQ1|0|test^test2|..." after RXR and OBX
    bool numeric = false;
    for (const auto& d : found) numeric = numeric || d.code == "ssmix2.field.not_numeric";
    CHECK(numeric);   // OBX-9 "ggg" is not a number
}

TEST_CASE("message rules: an empty required field is named with segment and Japanese name") {
    const std::string text =
        "MSH|^~\\&|HIS|SEND|GW|RCV|20110701||RDE^O11^RDE_O11|1|P|2.5||||||~ISO IR87\rPID|||9999013||A^B||19480405|M\r"
        "ORC|NW|000000011000185||1|||||20110701\rRXE||108665201^X^HOT9|||TAB^錠^MR9P|||||15|TAB\rTQ1|1\rRXR|PO\r";
    const auto found = rules_for(as_bytes(text), "r.hl7");
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "ssmix2.field.required");
    CHECK(found[0].place.where == "RXE-3");
    CHECK(found[0].place.line == 4);
    CHECK(found[0].message.find("与薬量") != std::string::npos);
}
