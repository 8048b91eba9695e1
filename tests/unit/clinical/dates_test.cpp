// tests/unit/clinical/dates_test.cpp — tests core/clinical/dates.cpp.
#include <doctest/doctest.h>

#include "core/clinical/dates.h"

using ssmix::clinical::age_in_years;
using ssmix::clinical::display_date;
using ssmix::clinical::parse_date;

TEST_CASE("age: completed years, the birthday counts") {
    CHECK(age_in_years("19480405", "20261126") == 78);
    CHECK(age_in_years("19480405", "20260404") == 77);
    CHECK(age_in_years("19480405", "20260405") == 78);
    CHECK(age_in_years("19480405", "19480405") == 0);
    CHECK(age_in_years("19480405", "202611261530") == 78);   // a time of day is ignored
}

TEST_CASE("age: 29 February birthdays pass on 1 March in common years") {
    CHECK(age_in_years("20000229", "20230228") == 22);
    CHECK(age_in_years("20000229", "20230301") == 23);
    CHECK(age_in_years("20000229", "20240229") == 24);
}

TEST_CASE("age: nothing for what is not a date, or a birth after the day") {
    CHECK_FALSE(age_in_years("", "20261126"));
    CHECK_FALSE(age_in_years("1948", "20261126"));
    CHECK_FALSE(age_in_years("19481305", "20261126"));
    CHECK_FALSE(age_in_years("19480230", "20261126"));
    CHECK_FALSE(age_in_years("20270101", "20261126"));
    CHECK_FALSE(age_in_years("19480405", "abcdefgh"));
}

TEST_CASE("dates: shown as YYYY/MM/DD, with the time when there is one") {
    CHECK(display_date("20111219") == "2011/12/19");
    CHECK(display_date("201112191500") == "2011/12/19 15:00");
    CHECK(display_date("20111219150030+0900") == "2011/12/19 15:00");
    CHECK(display_date("20111219+0900") == "2011/12/19");   // a zone is not a time
    CHECK(display_date("2011") == "2011");
    CHECK(display_date("") == "");
}

TEST_CASE("dates: parse only real dates") {
    CHECK(parse_date("20240229") == std::chrono::year_month_day{std::chrono::year{2024}, std::chrono::February, std::chrono::day{29}});
    CHECK_FALSE(parse_date("20230229"));
    CHECK_FALSE(parse_date("2023-1-01"));
    CHECK_FALSE(parse_date("2023010"));
}
