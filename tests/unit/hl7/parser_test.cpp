// tests/unit/hl7/parser_test.cpp — tests core/hl7/parser.cpp, field.cpp, shift_state.cpp.
#include <doctest/doctest.h>

#include "core/hl7/field.h"
#include "core/hl7/parse.h"
#include "tests/unit/hl7/test_files.h"

using namespace ssmix;
using namespace ssmix::hl7;

namespace {

const std::string msh = "MSH|^~\\&|HIS|SEND|GW|RCV|20111220224447||ADT^A08^ADT_A01|1|P|2.5||||||~ISO IR87||ISO 2022-1994\r";

Message parse_ok(const std::string& text) {
    auto parsed = parse_message(as_bytes(text), "a.hl7");
    REQUIRE(parsed.value);
    return std::move(*parsed.value);
}

// A kanji in its JIS run: ESC $ B <bytes> ESC ( B.
std::string jis(const char* pairs) { return std::string("\x1b$B") + pairs + "\x1b(B"; }

}  // namespace

TEST_CASE("hl7 parser: the NHO sample ADT^A08 reads field by field") {
    auto parsed = parse_message(sample(adt00_sample), "ADT-00");
    REQUIRE(parsed.value);
    CHECK(parsed.diagnostics.empty());
    const Message& m = *parsed.value;
    CHECK(m.message_type() == "ADT^A08");
    CHECK(m.segments().size() == 11);
    CHECK(m.field("MSH", 10).text() == "20111220000001");
    CHECK(m.field("MSH", 18).text() == "~ISO IR87");
    CHECK(m.field("PID", 3).text() == "9999013");
    CHECK(m.field("PID", 5).repetition(1).component(1).text() == "患者");
    CHECK(m.field("PID", 5).repetition(2).component(2).text() == "タロウ");
    CHECK(m.field("PID", 5).repetition(2).component(8).text() == "P");
    CHECK(m.field("PID", 5).repetition(2).component(2).where() == "PID-5[2].2");
    CHECK(m.field("PID", 11).component(8).text() == "静岡県静岡市登呂１−３−５");
    CHECK(m.field("NK1", 13).component(1).text() == "鹿ノ門商事株式会社");   // 商 = 0x3E26: '&' inside JIS
    CHECK(m.segments("OBX").size() == 3);
    CHECK(m.field(*m.segments("OBX")[1], 5).text() == "63.5");
}

TEST_CASE("hl7 parser: an unchanged message keeps its bytes exactly") {
    const Bytes original = sample(adt00_sample);
    auto parsed = parse_message(original, "ADT-00");
    REQUIRE(parsed.value);
    CHECK(parsed.value->bytes() == original);   // including the trailing CR 0x1C
}

TEST_CASE("hl7 parser: segment terminators CR, CRLF, LF and MLLP bytes") {
    for (const std::string eol : {"\r", "\r\n", "\n"}) {
        std::string text = msh;
        text.replace(text.size() - 1, 1, eol);
        text += "PID|||9999013" + eol + "PV1||I" + eol;
        const Message m = parse_ok("\x0b" + text + "\x1c\r");
        CHECK(m.segments().size() == 3);
        CHECK(m.field("PID", 3).text() == "9999013");
        CHECK(m.field("PV1", 2).text() == "I");
    }
}

TEST_CASE("hl7 parser: delimiters inside kanji are data, not delimiters") {
    // 本 K\  京 5~  剤 :^  糖 E|  愛 0&
    const Message m = parse_ok(msh + "PID|||1||" + jis("K\\5~") + "^" + jis(":^E|0&") + "~" + jis("E|") + "|X\r");
    const FieldView name = m.field("PID", 5);
    CHECK(name.repetitions().size() == 2);
    CHECK(name.repetition(1).component(1).text() == "本京");
    CHECK(name.repetition(1).component(2).text() == "剤糖愛");
    CHECK(name.repetition(1).component(2).subcomponent(1).text() == "剤糖愛");
    CHECK(name.repetition(2).component(1).text() == "糖");
    CHECK(m.field("PID", 6).text() == "X");
}

TEST_CASE("hl7 parser: a JIS run left open at '|' is reported at that field, and the message is still read") {
    auto parsed = parse_message(as_bytes(msh + "PID|||123||\x1b$B;3ED|\r"), "a.hl7");
    REQUIRE(parsed.value);
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].place.where == "PID-5");
    CHECK(parsed.diagnostics[0].place.line == 2);
    CHECK(parsed.diagnostics[0].code == "hl7.jis.unclosed");
    CHECK(parsed.value->field("PID", 3).text() == "123");
    CHECK(parsed.value->field("PID", 5).text() == "山田");
}

TEST_CASE("hl7 parser: escapes resolve in ASCII, not inside JIS runs") {
    const Message m = parse_ok(msh + "OBX|1|TX|||a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\.br\\g\\X4142\\h\\H\\i\\N\\|" + jis("K\\") + "\r");
    CHECK(m.field("OBX", 5).text() == "a|b^c&d~e\\f\ngABhi");
    CHECK(m.field("OBX", 6).text() == "本");
}

TEST_CASE("hl7 parser: other delimiters declared in MSH are honoured") {
    const Message m = parse_ok("MSH#!@$%#A#B\rPID###1!2@3");
    CHECK(m.delimiters().field == '#');
    CHECK(m.field("PID", 3).component(2).text() == "2");
    CHECK(m.field("PID", 3).repetition(2).text() == "3");
}

TEST_CASE("hl7 parser: what is not HL7 is refused with a reason") {
    CHECK(parse_message(as_bytes(""), "e.hl7").diagnostics.at(0).code == "hl7.msh.missing");
    CHECK(parse_message(as_bytes("hello world, not a message"), "t.txt").diagnostics.at(0).code == "hl7.msh.missing");
    CHECK_FALSE(parse_message(as_bytes("MSH|^^^^|x\r"), "d.hl7").value);   // delimiters not distinct
    auto bad_id = parse_message(as_bytes(msh + "pid|||1\r"), "b.hl7");
    REQUIRE(bad_id.value);
    CHECK(bad_id.diagnostics.at(0).code == "hl7.segment.id_invalid");
}

TEST_CASE("hl7 parser: missing fields and parts read as empty") {
    const Message m = parse_ok(msh + "PID|||1\r");
    CHECK(m.field("PID", 30).empty());
    CHECK(m.field("PID", 3).component(4).empty());
    CHECK(m.field("ZZZ", 1).empty());
    CHECK(m.field("PID", 3).repetition(3).text().empty());
}

TEST_CASE("hl7 encoding check: the NHO negative sample with 8-bit bytes") {
    auto parsed = parse_message(sample("000/000/0000001/20000401/ADT-31/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1"),
                                "neg");
    // This file is not HL7 at all (two 8-bit bytes).
    CHECK_FALSE(parsed.value);
    CHECK(parsed.diagnostics.at(0).code == "hl7.msh.missing");
}

TEST_CASE("hl7 encoding check: every field's problems with segment number and field") {
    const Message m = parse_ok(msh + "PID|||1||\x1b$B45<T\x1b(B\xfb|" + jis("-!") + "\r");
    const auto found = check_encoding(m);
    REQUIRE(found.size() == 2);
    CHECK(found[0].code == "text.jis.invalid_byte");
    CHECK(found[0].place.line == 2);
    CHECK(found[0].place.where.starts_with("PID-5, byte "));
    CHECK(found[1].code == "text.jis.cp932_extension");
    CHECK(found[1].place.where.starts_with("PID-6"));
}
