// tests/unit/hl7/writer_test.cpp — tests core/hl7/writer.cpp and escape.cpp: what we write
// reads back the same, and follows SS-MIX2's byte conventions.
#include <doctest/doctest.h>

#include "core/hl7/parse.h"
#include "core/hl7/types.h"
#include "core/hl7/write.h"

using namespace ssmix;
using namespace ssmix::hl7;

namespace {

MessageWriter::Written sample_message() {
    MessageWriter w;
    add_ssmix2_header(w, {"HIS", "SEND", "GW", "RCV", "20111220224447", "ADT^A08^ADT_A01", "20111220000001"});
    w.add_segment("PID");
    w.set(1, "0001");
    w.set(3, "9999013");
    w.set(3, "PI", 5);
    w.set_components(5, {"本京", "剤糖", "", "", "", "", "L", "I"});
    w.set_components(5, {"ホンキョウ", "ザイトウ", "", "", "", "", "L", "P"}, 2);
    w.set(7, "19480405");
    w.set(8, "M");
    w.set_components(11, {"", "", "", "", "422-8033", "JPN", "H", "静岡県|静岡市^登呂~１−３−５"});
    return w.finish({"new.hl7", 0, ""});
}

}  // namespace

TEST_CASE("hl7 writer: the MSH carries SS-MIX2's character set and profile") {
    const auto written = sample_message();
    const std::string text(written.bytes.begin(), written.bytes.end());
    CHECK(text.starts_with("MSH|^~\\&|HIS|SEND|GW|RCV|20111220224447||ADT^A08^ADT_A01|20111220000001|P|2.5||||||~ISO IR87||ISO 2022-1994|"
                           "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO\r"));
}

TEST_CASE("hl7 writer: what is written reads back the same") {
    const auto written = sample_message();
    CHECK(written.diagnostics.empty());
    auto parsed = parse_message(written.bytes, "new.hl7");
    REQUIRE(parsed.value);
    CHECK(parsed.diagnostics.empty());
    CHECK(check_encoding(*parsed.value).empty());
    const Message& m = *parsed.value;
    const auto names = read_xpn_all(m.field("PID", 5));
    REQUIRE(names.size() == 2);
    CHECK(names[0].family == "本京");
    CHECK(names[0].given == "剤糖");
    CHECK(names[1].full() == "ホンキョウ ザイトウ");
    CHECK(read_cx(m.field("PID", 3)).type == "PI");
    // Delimiters in the text were escaped and come back as text.
    CHECK(read_xad(m.field("PID", 11)).free_text == "静岡県|静岡市^登呂~１−３−５");
}

TEST_CASE("hl7 writer: ESC ( B comes before every delimiter and every CR") {
    const auto written = sample_message();
    const auto& b = written.bytes;
    bool in_jis = false;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (b[i] == 0x1B && i + 2 < b.size()) {
            in_jis = b[i + 1] == '$';
            i += 2;
            continue;
        }
        if (b[i] == '\r' || b[i] == '|' || b[i] == '^' || b[i] == '~' || b[i] == '&') {
            if (in_jis) continue;   // half of a kanji
        }
        if (b[i] == '\r') CHECK_FALSE(in_jis);
    }
    CHECK_FALSE(in_jis);
    // And a kanji whose bytes are delimiters sits inside a JIS run: 本京 = K\ 5~
    const std::string text(b.begin(), b.end());
    CHECK(text.find("\x1b$BK\\5~\x1b(B^\x1b$B:^E|\x1b(B") != std::string::npos);
}

TEST_CASE("hl7 writer: characters outside JIS X 0208 are reported with the field") {
    MessageWriter w;
    add_ssmix2_header(w, {"A", "B", "C", "D", "20200101", "ADT^A08", "1"});
    w.add_segment("PID");
    w.set(5, "髙橋①");   // 髙 is not in JIS X 0208; ① is replaced by the NHO table
    const auto written = w.finish({"x.hl7", 0, ""});
    REQUIRE(written.diagnostics.size() == 2);
    CHECK(written.diagnostics[0].place.where == "PID-5");
    CHECK(written.diagnostics[0].code == "text.encode.unmappable");
    CHECK(written.diagnostics[1].code == "text.encode.cp932_replaced");
    auto parsed = parse_message(written.bytes, "x.hl7");
    REQUIRE(parsed.value);
    CHECK(parsed.value->field("PID", 5).text() == "■橋(1)");
}
