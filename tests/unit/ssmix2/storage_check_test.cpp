// tests/unit/ssmix2/storage_check_test.cpp — every finding code `ssmix check` can emit
// (core/ssmix2/storage_check.cpp and what it passes on from the HL7 parser, the ISO-2022-JP
// decoder, classification, the care date and the message rules), each from a storage in memory
// broken in that one way, reported on the broken file with the expected severity. The list of
// codes is kept complete by tests/integration/check_codes_test.sh, which reads the sources.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "core/ssmix2/storage_check.h"
#include "tests/unit/hl7/test_files.h"

using namespace ssmix;
using namespace ssmix::ssmix2;

namespace {

// A storage in memory; paths listed in `failing` exist but cannot be read.
class MemoryStorage final : public FileSource {
public:
    std::map<std::string, Bytes> files;
    std::set<std::string> failing;

    [[nodiscard]] std::vector<FileEntry> list() const override {
        std::vector<FileEntry> out;
        for (const auto& [path, bytes] : files) out.push_back({path, bytes.size()});
        return out;   // std::map: already sorted by path
    }
    [[nodiscard]] FileRead read(const std::string& path) override {
        if (failing.contains(path)) return {ReadStatus::failed, {}, {error({path, 0, ""}, "io.read", "disk read error")}};
        const auto it = files.find(path);
        if (it == files.end()) return {ReadStatus::missing, {}, {}};
        return {ReadStatus::ready, it->second, {}};
    }
};

Bytes bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

// Replaces every occurrence of `from` (which must occur) with `to`.
Bytes replaced(Bytes data, std::string_view from, std::string_view to) {
    std::string text(data.begin(), data.end());
    std::size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the message: " << from);
    while (at != std::string::npos) {
        text.replace(at, from.size(), to);
        at = text.find(from, at + to.size());
    }
    return bytes(text);
}

// The segment `id`'s first occurrence removed.
Bytes without_segment(const Bytes& data, std::string_view id) {
    std::string text(data.begin(), data.end());
    const auto at = text.find("\r" + std::string(id) + "|");
    REQUIRE(at != std::string::npos);
    const auto end = text.find('\r', at + 1);
    text.erase(at, end - at);
    return bytes(text);
}

// The clean sample prescription (check_corpus shows the checker finds nothing in it).
const std::string omp01_folder = "999/901/9999013/20110701/OMP-01/";
const std::string omp01_name = "9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1";
const std::string omp01 = omp01_folder + omp01_name;
Bytes omp01_bytes() { return sample(omp01); }

// 患者 in the patient's name (PID-5), as the sample writes it: ESC $ B "45<T" ESC ( B.
const std::string kanja = "\x1b$B45<T\x1b(B";

// A storage holding one file.
MemoryStorage one(const std::string& path, Bytes data) {
    MemoryStorage s;
    s.files[path] = std::move(data);
    return s;
}

struct Case {
    std::string code;
    std::string file;   // the file the finding must be on
    Severity severity;
    MemoryStorage storage;
};

std::vector<Case> cases() {
    std::vector<Case> c;
    const Bytes m = omp01_bytes();
    const auto e = Severity::error;
    const auto w = Severity::warning;
    auto add = [&](std::string code, std::string file, MemoryStorage s, Severity severity = Severity::error) {
        c.push_back({std::move(code), std::move(file), severity, std::move(s)});
    };

    // --- storage_check.cpp: the file's place and name
    add("check.file.hidden", omp01_folder + ".staged-42.tmp", one(omp01_folder + ".staged-42.tmp", m), e);
    add("check.path.depth", "999/901/9999013/" + omp01_name, one("999/901/9999013/" + omp01_name, m));
    add("check.name.invalid", omp01_folder + "notes.txt", one(omp01_folder + "notes.txt", m));
    add("check.path.hash_folders", "999/902/9999013/20110701/OMP-01/" + omp01_name,
        one("999/902/9999013/20110701/OMP-01/" + omp01_name, m));
    add("check.name.patient", "999/901/9999014/20110701/OMP-01/" + omp01_name, one("999/901/9999014/20110701/OMP-01/" + omp01_name, m));
    add("check.name.care_date", "999/901/9999013/20110702/OMP-01/" + omp01_name, one("999/901/9999013/20110702/OMP-01/" + omp01_name, m));
    add("check.name.data_type", "999/901/9999013/20110701/OMP-02/" + omp01_name, one("999/901/9999013/20110701/OMP-02/" + omp01_name, m));
    {
        const std::string path = "999/901/9999013/20110230/OMP-01/9999013_20110230_OMP-01_000000011000185_20110701224603984_01_1";
        add("check.path.care_date", path, one(path, m));
    }
    {
        const std::string path = "999/901/9999013/20110701/ADT-62/9999013_20110701_ADT-62_000000011000185_20110701224603984_01_1";
        add("check.path.data_type", path, one(path, m));
    }
    {
        const std::string month13 = omp01_folder + "9999013_20110701_OMP-01_000000011000185_20111301224603984_01_1";
        add("check.name.timestamp", month13, one(month13, m), e);
        const std::string fifteen = omp01_folder + "9999013_20110701_OMP-01_000000011000185_201107012246039_01_1";
        add("check.name.timestamp", fifteen, one(fifteen, m), w);   // NHO-sample style, tolerated
    }
    {
        MemoryStorage s = one(omp01, m);
        s.failing.insert(omp01);
        add("check.file.unreadable", omp01, std::move(s));
    }
    // --- storage_check.cpp: content against the name, versions
    add("check.content.data_type", "999/901/9999013/20110701/OMP-02/9999013_20110701_OMP-02_000000011000185_20110701224603984_01_1",
        one("999/901/9999013/20110701/OMP-02/9999013_20110701_OMP-02_000000011000185_20110701224603984_01_1", m));
    add("check.content.patient", omp01, one(omp01, replaced(m, "||9999013^^^^PI||", "||9999014^^^^PI||")));
    add("check.content.care_date", omp01, one(omp01, replaced(m, "|20110701103045|", "|20110702103045|")));
    {
        MemoryStorage s = one(omp01, m);
        s.files[omp01_folder + "9999013_20110701_OMP-01_000000011000185_20110702090000000_01_1"] = m;
        add("check.versions.several_current", omp01, std::move(s));
    }

    // --- HL7 parser (core/hl7/parser.cpp)
    add("hl7.msh.missing", omp01, one(omp01, bytes("not a message\r")));
    add("hl7.delimiters.short", omp01, one(omp01, replaced(m, "MSH|^~\\&|", "MSH|^~\\|")), w);
    add("hl7.delimiters.invalid", omp01, one(omp01, replaced(m, "MSH|^~\\&|", "MSH|^^\\&|")));
    add("hl7.segment.id_invalid", omp01, one(omp01, replaced(m, "\rPV1|", "\rpv1|")));
    add("hl7.jis.unclosed", omp01,
        one(omp01, bytes("MSH|^~\\&|A|B|C|D|20110701||RDE^O11^RDE_O11|1|P|2.5\rPID|0001||9999013||\x1b$B45<T\r")));
    // hl7.too_large (a message over 1 GiB) is left out: the parser copies the bytes, and a
    // gigabyte in a unit test is not worth it.

    // --- ISO-2022-JP decoding of every field (core/text/iso2022jp_decode.cpp), all errors in check
    add("text.jis.invalid_byte", omp01, one(omp01, replaced(m, kanja, "\x8a\xb3\x8e\xd2")));   // Shift_JIS 患者
    add("text.jis.unclosed", omp01, one(omp01, replaced(m, kanja, "\x1b$B45 T\x1b(B")));        // a space inside the run
    add("text.jis.odd_byte", omp01, one(omp01, replaced(m, kanja, "\x1b$B45<\x1b(B")));
    add("text.jis.unassigned", omp01, one(omp01, replaced(m, kanja, "\x1b$B\x2f\x21\x1b(B")));   // row 15: empty
    add("text.jis.cp932_extension", omp01, one(omp01, replaced(m, kanja, "\x1b$B\x2d\x21\x1b(B")));   // NEC row 13: ①
    add("text.jis.esc_1978", omp01, one(omp01, replaced(m, kanja, "\x1b$@45<T\x1b(B")));
    add("text.jis.roman", omp01, one(omp01, replaced(m, kanja, "\x1b(JKANJA\x1b(B")));
    add("text.jis.halfwidth_kana", omp01, one(omp01, replaced(m, kanja, "\x1b(I\x36\x5d\x1b(B")));
    add("text.jis.unknown_escape", omp01, one(omp01, replaced(m, kanja, "\x1b$(D\x30\x21\x1b(B")));

    // --- classification and care date (core/ssmix2/classify.cpp, plan.cpp)
    add("ssmix2.type.unknown", omp01, one(omp01, replaced(m, "RDE^O11^RDE_O11", "RDE^O99^RDE_O11")));
    {
        const std::string path = "999/901/9999013/20110701/OMG-11/9999013_20110701_OMG-11_000000000000001_20110701224603984_01_1";
        add("ssmix2.classify.guessed", path,
            one(path, bytes("MSH|^~\\&|A|B|C|D|20110701||OMI^Z23^OMI_Z23|1|P|2.5\rPID|0001||9999013||A^B||19480405|M\r"
                            "ORC|NW|000000000000001|||||||20110701\rTQ1|1\rOBR||000000000000001||X1^Local test^99LOCAL|||20110701\r"
                            "IPC|A1|P1|1.2.3||US^^DCM\r")),
            w);
    }
    add("ssmix2.care_date.missing", omp01, one(omp01, replaced(m, "|20110701103045|", "||")));
    add("ssmix2.care_date.invalid", omp01, one(omp01, replaced(m, "|20110701103045|", "|20110230103045|")));

    // --- message rules (core/ssmix2/message_rules.cpp)
    add("ssmix2.structure.unexpected_segment", omp01, one(omp01, without_segment(m, "RXR")));
    {
        // The message ends after the last TQ1: its order has no RXR.
        std::string text(m.begin(), m.end());
        text.erase(text.rfind("\rRXR|"));
        add("ssmix2.structure.incomplete", omp01, one(omp01, bytes(text + "\r")));
    }
    add("ssmix2.field.required", omp01, one(omp01, replaced(m, "|19480405|M|", "|19480405||")));
    add("ssmix2.field.not_numeric", omp01, one(omp01, replaced(m, "^HOT9|1||TAB^", "^HOT9|one||TAB^")));
    return c;
}

}  // namespace

TEST_CASE("storage check: the clean sample prescription has no finding") {
    MemoryStorage s = one(omp01, omp01_bytes());
    const auto result = check_storage(s, "");
    for (const auto& d : result.findings) MESSAGE(to_string(d));
    CHECK(result.findings.empty());
    CHECK(result.files == 1);
}

TEST_CASE("storage check: every finding code, on the broken file") {
    for (auto& c : cases()) {
        CAPTURE(c.code);
        CAPTURE(c.file);
        const auto result = check_storage(c.storage, "root");
        bool found = false;
        for (const auto& d : result.findings) {
            if (d.code == c.code && d.place.file == "root/" + c.file && d.severity == c.severity) found = true;
            // Only the broken storage's files are named, under the display root.
            CHECK(d.place.file.starts_with("root/"));
        }
        if (!found)
            for (const auto& d : result.findings) MESSAGE(to_string(d));
        CHECK(found);
    }
}

TEST_CASE("storage check: several current versions are reported on each of them, and flag 2 is no finding") {
    MemoryStorage s = one(omp01, omp01_bytes());
    const std::string newer = omp01_folder + "9999013_20110701_OMP-01_000000011000185_20110702090000000_01_1";
    s.files[newer] = omp01_bytes();
    std::set<std::string> reported;
    for (const auto& d : check_storage(s, "").findings)
        if (d.code == "check.versions.several_current") reported.insert(d.place.file);
    CHECK(reported == std::set<std::string>{omp01, newer});

    MemoryStorage superseded = one(omp01, omp01_bytes());
    superseded.files[omp01_folder + "9999013_20110701_OMP-01_000000011000185_20110701100000000_01_2"] = omp01_bytes();
    CHECK(check_storage(superseded, "").findings.empty());
}

TEST_CASE("storage check: the file-name timestamp is a real date and time") {
    // research §1.3 #5: YYYYMMDDHHMMSSFFF. Each of these is no date or time at all.
    for (const char* stamp : {"20111301224603984", "20110230224603984", "20110701254603984", "2011070122460398X", "201107012246"}) {
        CAPTURE(stamp);
        const std::string path = omp01_folder + "9999013_20110701_OMP-01_000000011000185_" + stamp + "_01_1";
        MemoryStorage s = one(path, omp01_bytes());
        bool error_found = false;
        for (const auto& d : check_storage(s, "").findings)
            error_found = error_found || (d.code == "check.name.timestamp" && d.severity == Severity::error);
        CHECK(error_found);
    }
}
