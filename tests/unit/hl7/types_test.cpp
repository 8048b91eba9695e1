// tests/unit/hl7/types_test.cpp — tests core/hl7/types.cpp and timestamp.cpp.
#include <doctest/doctest.h>

#include "core/hl7/parse.h"
#include "core/hl7/timestamp.h"
#include "core/hl7/types.h"
#include "tests/unit/hl7/test_files.h"

using namespace ssmix;
using namespace ssmix::hl7;

TEST_CASE("hl7 types: the sample patient's demographics") {
    auto parsed = parse_message(sample(adt00_sample), "ADT-00");
    REQUIRE(parsed.value);
    const Message& m = *parsed.value;
    const ExtendedId id = read_cx(m.field("PID", 3));
    CHECK(id.id == "9999013");
    const auto names = read_xpn_all(m.field("PID", 5));
    REQUIRE(names.size() == 2);
    CHECK(ideographic(names)->full() == "患者 太郎");
    CHECK(phonetic(names)->full() == "カンジャ タロウ");
    CHECK(names[0].type == "L");
    const Address address = read_xad(m.field("PID", 11));
    CHECK(address.postal_code == "422-8033");
    CHECK(address.country == "JPN");
    CHECK(address.full() == "静岡県静岡市登呂１−３−５");
    const auto phones = read_xtn_all(m.field("PID", 13));
    REQUIRE(phones.size() == 2);
    CHECK(phones[0].use == "PRN");
    CHECK(phones[0].number == "054-000-0000");
    CHECK(phones[1].use == "EMR");
    const Staff doctor = read_xcn(m.field("PV1", 7));
    CHECK(doctor.id == "220");
    CHECK(doctor.name.full() == "医師 一郎");
    CHECK(doctor.name.representation == "I");
    const CodedElement height = read_cwe(m.field("OBX", 3));
    CHECK(height.code == "9N001000000000001");
    CHECK(height.text == "身長");
    CHECK(height.system == "JC10");
}

TEST_CASE("hl7 types: CWE in subcomponents (RXE-19 3^TAB&錠&MR9P)") {
    auto parsed = parse_message(as_bytes(std::string("MSH|^~\\&|\rRXE|||||||||||||||||||3^TAB&\x1b$B>{\x1b(B&MR9P\r")), "r.hl7");
    REQUIRE(parsed.value);
    const FieldView total = parsed.value->field("RXE", 19);
    CHECK(total.component(1).text() == "3");
    const CodedElement unit = read_cwe_subcomponents(total.component(2));
    CHECK(unit.code == "TAB");
    CHECK(unit.text == "錠");
    CHECK(unit.system == "MR9P");
}

TEST_CASE("hl7 types: NM") {
    CHECK(read_nm("167.8") == doctest::Approx(167.8));
    CHECK(read_nm("-3") == doctest::Approx(-3));
    CHECK(read_nm(" 12 ") == doctest::Approx(12));
    CHECK_FALSE(read_nm(""));
    CHECK_FALSE(read_nm("1.2.3"));
    CHECK_FALSE(read_nm("<10"));
    CHECK_FALSE(read_nm("１２"));   // full-width digits are not NM
}

TEST_CASE("hl7 types: timestamps at every precision") {
    auto t = parse_timestamp("20111220224447.3399");
    REQUIRE(t);
    CHECK(t->date8() == "20111220");
    CHECK(t->digits17() == "20111220224447339");
    CHECK(parse_timestamp("2011")->date8().empty());
    CHECK(parse_timestamp("20111220")->display() == "2011/12/20");
    CHECK(parse_timestamp("201112201030")->display() == "2011/12/20 10:30");
    CHECK(parse_timestamp("20111220103000+0900")->zone == "+0900");
    CHECK_FALSE(parse_timestamp("20111301"));      // month 13
    CHECK_FALSE(parse_timestamp("20110230"));      // 30 February
    CHECK_FALSE(parse_timestamp("2011122"));       // odd length
    CHECK_FALSE(parse_timestamp("201112201061"));  // minute 61
    CHECK(parse_timestamp("20120229"));            // leap day
    CHECK_FALSE(parse_timestamp("20110229"));
}

TEST_CASE("hl7 types: hours 24-47 are the next day, flagged") {
    auto t = parse_timestamp("201112312530");   // 25:30 on 31 Dec = 01:30 on 1 Jan
    REQUIRE(t);
    CHECK(t->hour_past_midnight);
    CHECK(t->date8() == "20120101");
    CHECK(t->hour == 1);
    CHECK(parse_timestamp("201102284700")->date8() == "20110301");
    CHECK_FALSE(parse_timestamp("201112314800"));   // 48 is too far
}
