// tests/unit/ssmix2/extended_storage_test.cpp — tests core/ssmix2/extended_storage.cpp on a real
// folder: the layout, flags 1 -> 2 on a new version (also across care dates), duplicates,
// deletes (1 and 2 -> 0), refused names, and that no staging folder is left behind.
#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>

#include "core/base/durable_file.h"
#include "tests/unit/temp_dir.h"
#include "core/ssmix2/extended_storage.h"

using namespace ssmix;
using namespace ssmix::ssmix2;
namespace fs = std::filesystem;
using testing::TempDir;

namespace {

StoredDocument letter(const std::string& date = "20111220") {
    return {"9999013", date, {"", "紹介状", "", "57133-1", "紹介状", "LN"}, "abc123", "-"};
}

std::vector<std::string> flags(const fs::path& root, const StoredDocument& d) {
    std::vector<std::string> out;
    for (const auto& folder : document_versions(root, d)) out.push_back(folder.filename().string().substr(folder.filename().string().size() - 1));
    return out;
}

std::size_t hidden_entries(const fs::path& root) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().filename().string().front() == '.') ++n;
    return n;
}

}  // namespace

TEST_CASE("extended storage: the layout of the guideline") {
    TempDir dir;
    ExtendedStorage storage(dir.path);
    const auto outcome = storage.store(letter(), "main_document.xml", as_bytes("<ClinicalDocument/>"));
    CHECK_FALSE(outcome.duplicate);
    const std::string type = "^紹介状^^57133-1^紹介状^LN";
    const std::string prefix = "999/901/9999013/20111220/" + type + "/9999013_20111220_" + type + "_abc123_";
    CHECK(outcome.path.rfind(prefix, 0) == 0);
    CHECK(outcome.path.size() == prefix.size() + 17 + std::string("_-_1/main_document.xml").size());
    CHECK(read_file(dir.path / outcome.path) == Bytes(as_bytes("<ClinicalDocument/>").begin(), as_bytes("<ClinicalDocument/>").end()));
    CHECK(hidden_entries(dir.path) == 0);
}

TEST_CASE("extended storage: a new version supersedes, the same bytes are a duplicate") {
    TempDir dir;
    ExtendedStorage storage(dir.path);
    storage.store(letter(), "main_document.xml", as_bytes("<v1/>"));
    CHECK(storage.store(letter(), "main_document.xml", as_bytes("<v1/>")).duplicate);
    const auto second = storage.store(letter("20111221"), "main_document.xml", as_bytes("<v2/>"));   // corrected a day later
    CHECK_FALSE(second.duplicate);
    REQUIRE(second.renamed.size() == 1);
    CHECK(second.renamed[0].find("_1 -> ") != std::string::npos);
    CHECK(flags(dir.path, letter()) == std::vector<std::string>{"2", "1"});
    // The superseded version is still there, byte for byte.
    const auto versions = document_versions(dir.path, letter());
    CHECK(read_file(versions[0] / "main_document.xml") == Bytes(as_bytes("<v1/>").begin(), as_bytes("<v1/>").end()));
}

TEST_CASE("extended storage: delete marks every version 0 and keeps the files") {
    TempDir dir;
    ExtendedStorage storage(dir.path);
    storage.store(letter(), "main_document.xml", as_bytes("<v1/>"));
    storage.store(letter(), "main_document.xml", as_bytes("<v2/>"));
    CHECK(storage.remove(letter()).size() == 2);
    CHECK(flags(dir.path, letter()) == std::vector<std::string>{"0", "0"});
    for (const auto& folder : document_versions(dir.path, letter())) CHECK(fs::exists(folder / "main_document.xml"));
    CHECK(storage.remove(letter()).empty());
    auto other = letter();
    other.key = "other";
    CHECK(storage.remove(other).empty());
}

TEST_CASE("extended storage: names that would leave the storage are refused") {
    TempDir dir;
    ExtendedStorage storage(dir.path);
    auto bad = letter();
    bad.patient_id = "../etc";
    CHECK_THROWS_AS(storage.store(bad, "main_document.xml", as_bytes("x")), std::invalid_argument);
    bad = letter();
    bad.key = "a_b";
    CHECK_THROWS_AS(storage.store(bad, "main_document.xml", as_bytes("x")), std::invalid_argument);
    bad = letter();
    bad.care_date = "2011/12";
    CHECK_THROWS_AS(storage.store(bad, "main_document.xml", as_bytes("x")), std::invalid_argument);
    // Separators inside the data-type parts cannot split the folder name.
    DocumentType type{"L_1", "紹介/状", "", "57133-1", "紹介^状", "LN"};
    CHECK(type.folder_name() == "L-1^紹介-状^^57133-1^紹介-状^LN");
    CHECK(fs::is_empty(dir.path));
}

TEST_CASE("extended storage: a patient's current documents in a period") {
    TempDir dir;
    ExtendedStorage storage(dir.path);
    storage.store(letter("20111220"), "main_document.xml", as_bytes("<v1/>"));
    storage.store(letter("20111222"), "main_document.xml", as_bytes("<v2/>"));   // supersedes v1
    auto undated = letter(std::string(no_date));
    undated.key = "summary";
    storage.store(undated, "main_document.pdf", as_bytes("%PDF"));
    auto deleted = letter("20111101");
    deleted.key = "gone";
    storage.store(deleted, "main_document.xml", as_bytes("<x/>"));
    storage.remove(deleted);

    const auto names = [&](const std::vector<fs::path>& paths) {   // "<date folder>/<file>"
        std::vector<std::string> out;
        for (const auto& p : paths) out.push_back(std::next(p.lexically_relative(dir.path).begin(), 3)->string() + "/" + p.filename().string());
        return out;
    };
    CHECK(names(current_documents(dir.path, "9999013")) == std::vector<std::string>{"-/main_document.pdf", "20111222/main_document.xml"});
    CHECK(names(current_documents(dir.path, "9999013", "20111201", "20111221")) == std::vector<std::string>{"-/main_document.pdf"});
    CHECK(current_documents(dir.path, "0000001").empty());
    CHECK(current_documents(dir.path, "../x").empty());
}
