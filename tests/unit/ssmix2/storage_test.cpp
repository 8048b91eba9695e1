// tests/unit/ssmix2/storage_test.cpp — tests core/ssmix2/storage.cpp: versions 1 -> 2 -> 0 on a
// real folder, duplicates, late arrivals, and writers racing on one patient.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <thread>

#include "core/hl7/parse.h"
#include "core/hl7/write.h"
#include "tests/unit/temp_dir.h"
#include "core/ssmix2/plan.h"
#include "core/ssmix2/storage.h"

using namespace ssmix;
using namespace ssmix::ssmix2;
namespace fs = std::filesystem;
using testing::TempDir;

namespace {

// A prescription order (RDE^O11) for patient 9999013, order `order`, sent at `sent`.
Bytes prescription(const std::string& order, const std::string& sent, const std::string& control = "NW",
                   const std::string& drug = "ダーゼン錠") {
    hl7::MessageWriter w;
    hl7::add_ssmix2_header(w, {"HIS", "SEND", "GW", "RCV", sent, "RDE^O11^RDE_O11", "ctl" + sent});
    w.add_segment("PID");
    w.set(3, "9999013");
    w.set_components(5, {"患者", "太郎"});
    w.add_segment("ORC");
    w.set(1, control);
    w.set(2, order);
    w.set(9, "20110701103045");
    w.set(17, "01");
    w.add_segment("RXE");
    w.set_components(2, {"108665201", drug, "HOT9"});
    return w.finish({"t", 0, ""}).bytes;
}

StoreOutcome store(StandardStorage& storage, const Bytes& bytes) {
    auto parsed = hl7::parse_message(bytes, "msg");
    REQUIRE(parsed.value);
    auto plan = plan_storage(*parsed.value);
    REQUIRE(plan.value);
    return storage.store(*plan.value, bytes);
}

std::set<std::string> files_in(const fs::path& folder) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.insert(e.path().filename().string());
    return names;
}

const std::string folder = "999/901/9999013/20110701/OMP-01";
const std::string prefix = "9999013_20110701_OMP-01_000000011000185_";

}  // namespace

TEST_CASE("storage: new, update, update, cancel walk the flags 1 -> 2 -> 0") {
    TempDir dir;
    StandardStorage storage(dir.path);
    auto first = store(storage, prescription("000000011000185", "20110701100000"));
    CHECK(first.path == folder + "/" + prefix + "20110701100000000_01_1");
    CHECK(first.renamed.empty());

    auto second = store(storage, prescription("000000011000185", "20110701110000", "XO", "別の薬"));
    CHECK(second.path == folder + "/" + prefix + "20110701110000000_01_1");
    REQUIRE(second.renamed.size() == 1);
    CHECK(files_in(dir.path / folder) == std::set<std::string>{prefix + "20110701100000000_01_2", prefix + "20110701110000000_01_1"});

    store(storage, prescription("000000011000185", "20110701120000", "XO"));
    CHECK(files_in(dir.path / folder) == std::set<std::string>{prefix + "20110701100000000_01_2", prefix + "20110701110000000_01_2",
                                                              prefix + "20110701120000000_01_1"});

    auto cancel = store(storage, prescription("000000011000185", "20110701130000", "CA"));
    CHECK(cancel.path == folder + "/" + prefix + "20110701130000000_01_0");
    CHECK(cancel.renamed.size() == 3);
    CHECK(files_in(dir.path / folder) == std::set<std::string>{prefix + "20110701100000000_01_0", prefix + "20110701110000000_01_0",
                                                              prefix + "20110701120000000_01_0", prefix + "20110701130000000_01_0"});
}

TEST_CASE("storage: other orders of the same day are separate records") {
    TempDir dir;
    StandardStorage storage(dir.path);
    store(storage, prescription("000000011000185", "20110701100000"));
    store(storage, prescription("000000011000186", "20110701110000"));
    const auto names = files_in(dir.path / folder);
    CHECK(names.size() == 2);
    for (const auto& n : names) CHECK(n.ends_with("_1"));
}

TEST_CASE("storage: the same message twice is stored once") {
    TempDir dir;
    StandardStorage storage(dir.path);
    const Bytes message = prescription("000000011000185", "20110701100000");
    CHECK_FALSE(store(storage, message).duplicate);
    auto again = store(storage, message);
    CHECK(again.duplicate);
    CHECK(files_in(dir.path / folder).size() == 1);
}

TEST_CASE("storage: a different message with the same timestamp gets the next millisecond") {
    TempDir dir;
    StandardStorage storage(dir.path);
    store(storage, prescription("000000011000185", "20110701100000"));
    auto second = store(storage, prescription("000000011000185", "20110701100000", "XO", "別の薬"));
    CHECK(second.path == folder + "/" + prefix + "20110701100000001_01_1");
    CHECK(files_in(dir.path / folder).count(prefix + "20110701100000000_01_2"));
}

TEST_CASE("storage: an update that arrives after a newer one is stored as history") {
    TempDir dir;
    StandardStorage storage(dir.path);
    store(storage, prescription("000000011000185", "20110701120000"));
    auto late = store(storage, prescription("000000011000185", "20110701110000", "XO", "別の薬"));
    CHECK(late.path == folder + "/" + prefix + "20110701110000000_01_2");
    CHECK(late.renamed.empty());
}

TEST_CASE("storage: two current versions left by an interrupted run are repaired by the next store") {
    TempDir dir;
    StandardStorage storage(dir.path);
    store(storage, prescription("000000011000185", "20110701100000"));
    // Simulate a crash after writing a newer version but before renaming the older one.
    fs::copy_file(dir.path / folder / (prefix + "20110701100000000_01_1"), dir.path / folder / (prefix + "20110701103000000_01_1"));
    store(storage, prescription("000000011000185", "20110701110000"));
    std::size_t current = 0;
    for (const auto& n : files_in(dir.path / folder)) current += n.ends_with("_1");
    CHECK(current == 1);
}

TEST_CASE("storage: writers racing on one patient lose nothing") {
    TempDir dir;
    constexpr int writers = 4, per_writer = 25;
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            StandardStorage storage(dir.path);   // each writer its own object, as separate processes would
            for (int i = 0; i < per_writer; ++i) {
                char sent[32];
                std::snprintf(sent, sizeof sent, "201107011%01d%04d", w, i);
                auto bytes = prescription("000000011000185", sent);
                auto parsed = hl7::parse_message(bytes, "m");
                auto plan = plan_storage(*parsed.value);
                storage.store(*plan.value, bytes);
            }
        });
    }
    for (auto& t : threads) t.join();
    const auto names = files_in(dir.path / folder);
    CHECK(names.size() == writers * per_writer);
    std::size_t current = 0;
    for (const auto& n : names) current += n.ends_with("_1");
    CHECK(current == 1);
    CHECK(names.count(prefix + "20110701130024000_01_1"));   // the newest timestamp is the current one
}

TEST_CASE("storage: group commit stages, syncs once, commits in order") {
    TempDir dir;
    StandardStorage storage(dir.path);
    std::vector<StagedMessage> staged;
    for (const char* sent : {"20110701100000", "20110701110000", "20110701120000"}) {
        auto bytes = prescription("000000011000185", sent, "XO");
        auto parsed = hl7::parse_message(bytes, "m");
        auto plan = plan_storage(*parsed.value);
        staged.push_back(storage.stage(*plan.value, bytes));
    }
    // Before commit only hidden temporary files exist: nothing is part of the storage yet.
    for (const auto& name : files_in(dir.path / folder)) CHECK(name.starts_with(".staged-"));
    storage.sync();
    for (auto& s : staged) storage.commit(s);
    storage.sync();
    CHECK(files_in(dir.path / folder) == std::set<std::string>{prefix + "20110701100000000_01_2", prefix + "20110701110000000_01_2",
                                                              prefix + "20110701120000000_01_1"});
}
