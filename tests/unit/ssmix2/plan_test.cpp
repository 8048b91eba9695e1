// tests/unit/ssmix2/plan_test.cpp — tests core/ssmix2/classify.cpp, plan.cpp and naming.cpp on
// the NHO sample storage: every valid sample is classified and named as the sample tree has it,
// except where the sample itself is inconsistent (listed, with the reason).
#include <doctest/doctest.h>

#include <map>

#include "core/hl7/parse.h"
#include "core/ssmix2/plan.h"
#include "tests/unit/hl7/test_files.h"

using namespace ssmix;
using namespace ssmix::ssmix2;
namespace fs = std::filesystem;

namespace {

// Where the sample tree disagrees with its own messages. Value: what the message says.
const std::map<std::string, std::string> sample_inconsistencies = {
    // PID-3 differs from the patient folder 9999013 (guideline examples pasted into one tree).
    {"ADT-61", "12345678/-/ADT-61"},
    {"PPR-01", "1234567890/-/PPR-01"},
    {"OMD", "1234567890/20111013/OMD"},
    {"OMG-01", "12345678/20111220/OMG-01"},
    {"OMG-02", "10345678/20121220/OMG-02"},   // also ORC-9 says 2012
    {"OMG-03", "12345678/20111220/OMG-03"},
    {"OMG-11", "3330000333/20111220/OMG-11"},
    {"OMG-12", "10345678/20111220/OMG-12"},
    {"OMG-13", "12345678/20111220/OMG-13"},
    {"OML-11", "0001000052/20111219/OML-11"},   // also SPM-17 is 20111219
    // The care date field disagrees with the folder (the README calls this a care-date test).
    {"OMP-11", "9999013/20110701/OMP-11"},
};

Parsed<StoragePlan> plan_for(const fs::path& file) {
    auto parsed = hl7::parse_message(read_bytes(file), file.filename().string());
    REQUIRE(parsed.value);
    return plan_storage(*parsed.value);
}

}  // namespace

TEST_CASE("ssmix2 plan: every valid sample gets the sample tree's data type, and its path where consistent") {
    std::size_t checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(sample_root() / "999")) {
        if (!entry.is_regular_file()) continue;
        const std::string relative = fs::relative(entry.path(), sample_root()).generic_string();
        const auto expected = parse_file_name(entry.path().filename().string());
        REQUIRE(expected);
        CAPTURE(relative);
        auto plan = plan_for(entry.path());
        REQUIRE(plan.value);
        CHECK(plan.value->name.data_type == expected->data_type);
        const auto deviation = sample_inconsistencies.find(expected->data_type);
        if (deviation == sample_inconsistencies.end()) {
            CHECK(plan.value->name.relative_path() == relative);
        } else {
            const FileName& n = plan.value->name;
            CHECK(n.patient_id + "/" + n.care_date + "/" + n.data_type == deviation->second);
            // Everything that does not depend on the inconsistency still matches.
            CHECK(n.order_number == expected->order_number);
            CHECK(n.timestamp == expected->timestamp);
        }
        ++checked;
    }
    CHECK(checked == 19);
}

TEST_CASE("ssmix2 plan: departments, order numbers and timestamps of the samples") {
    auto plan = plan_for(sample_root() / "999/901/9999013/20111220/OMG-11/9999013_20111220_OMG-11_2011122000300_20111220224447339_24_1");
    REQUIRE(plan.value);
    CHECK(plan.value->name.order_number == "2011122000300");   // 13 digits, kept as sent
    CHECK(plan.value->name.department == "24");
    CHECK(plan.value->name.timestamp == "20111220224447339");
    CHECK(plan.value->control_id == "330001");
    CHECK(plan.value->action == Action::store);
}

TEST_CASE("ssmix2 naming: file names split into their seven parts and back") {
    const std::string name = "9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1";
    const auto f = parse_file_name(name);
    REQUIRE(f);
    CHECK(f->patient_id == "9999013");
    CHECK(f->care_date == "20110701");
    CHECK(f->data_type == "OMP-01");
    CHECK(f->flag == Flag::current);
    CHECK(f->str() == name);
    CHECK(f->folder() == "999/901/9999013/20110701/OMP-01");
    CHECK_FALSE(parse_file_name("9999013_20110701_OMP-01_1"));
    CHECK_FALSE(parse_file_name("a_b_c_d_e_f_3"));
    CHECK_FALSE(parse_file_name("a_b_c_d_e_f_g_1"));
}

TEST_CASE("ssmix2 naming: short and unsafe patient IDs") {
    CHECK(hash_folders("9999013") == "999/901");
    CHECK(hash_folders("12345") == "012/345");
    CHECK(hash_folders("1") == "000/001");
    CHECK(is_safe_patient_id("A-0012"));
    for (const char* unsafe : {"", "..", "a/b", "a_b", "a b", "患者", "../../etc", "a\\b", ".hidden"})
        CHECK_FALSE(is_safe_patient_id(unsafe));
    CHECK_FALSE(is_safe_patient_id(std::string(31, '1')));
    CHECK(sanitize_name_part("123_01/2") == "123-01-2");
}
