// tests/unit/fhir/values_test.cpp — tests core/fhir/values.cpp
#include <doctest/doctest.h>

#include <chrono>

#include "core/fhir/values.h"

using namespace ssmix;

TEST_CASE("fhir values: malformed HL7 times give nothing rather than a wrong date") {
    CHECK(fhir::date("").empty());
    CHECK(fhir::date("2011133").empty());     // 7 digits
    CHECK(fhir::date("20111301").empty());    // month 13
    CHECK(fhir::date("20110132").empty());    // day 32
    CHECK(fhir::date_time("201107012560").empty());   // 25 h
    CHECK(fhir::date("abc").empty());
}

TEST_CASE("fhir values: HL7 DT/DTM become FHIR date and dateTime with seconds and +09:00") {
    CHECK(fhir::date("20110831") == "2011-08-31");
    CHECK(fhir::date("199601") == "1996-01");
    CHECK(fhir::date("2011") == "2011");
    CHECK(fhir::date("20111219150000+0900") == "2011-12-19");
    CHECK(fhir::date_time("201112191500") == "2011-12-19T15:00:00+09:00");
    CHECK(fhir::date_time("2011070100") == "2011-07-01T00:00:00+09:00");
    CHECK(fhir::date_time("20110701103045") == "2011-07-01T10:30:45+09:00");
    CHECK(fhir::date_time("20110701") == "2011-07-01");
}

TEST_CASE("fhir values: instants are Japan time with milliseconds") {
    const auto epoch = std::chrono::system_clock::time_point{} + std::chrono::milliseconds(1234);
    CHECK(fhir::jst_instant(epoch) == "1970-01-01T09:00:01.234+09:00");
}

TEST_CASE("fhir values: stable ids are the same for the same name and differ otherwise") {
    CHECK(fhir::stable_urn("a") == fhir::stable_urn("a"));
    CHECK(fhir::stable_urn("a") != fhir::stable_urn("b"));
    CHECK(fhir::stable_urn("a").rfind("urn:uuid:", 0) == 0);
    CHECK(fhir::stable_urn("a").size() == 45);
    CHECK(fhir::stable_key("a").size() == 32);
    CHECK(fhir::stable_key("a").find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("fhir values: identifiers and institution codes follow R2152") {
    CHECK(fhir::clins_identifier("2214567890", "2026-11-26T09:30:00.000+09:00", "abc") == "2214567890^2026^abc");
    CHECK(fhir::is_institution_code("1318814790"));
    CHECK_FALSE(fhir::is_institution_code("131881479"));    // 9 digits
    CHECK_FALSE(fhir::is_institution_code("5318814790"));   // prefecture digit over 4
    CHECK_FALSE(fhir::is_institution_code("1348814790"));   // fee table 4
    CHECK_FALSE(fhir::is_institution_code("13188147a0"));
}

TEST_CASE("fhir values: decimals as written, nothing else") {
    double v = 0;
    CHECK(fhir::parse_decimal("7.2", v));
    CHECK(v == doctest::Approx(7.2));
    CHECK(fhir::parse_decimal(" +15 ", v));
    CHECK(v == 15);
    CHECK_FALSE(fhir::parse_decimal("1/2", v));
    CHECK_FALSE(fhir::parse_decimal("", v));
    CHECK_FALSE(fhir::parse_decimal("3錠", v));
}
