// tests/unit/clinical/age_test.cpp — tests core/clinical/age.cpp.
#include <doctest/doctest.h>

#include "core/clinical/age.h"

using ssmix::clinical::age_in_years;

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
