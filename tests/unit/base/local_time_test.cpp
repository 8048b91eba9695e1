// tests/unit/base/local_time_test.cpp — tests core/base/local_time.cpp's one formatter.
#include <doctest/doctest.h>

#include "core/base/local_time.h"

using namespace ssmix;

TEST_CASE("time: UTC through strftime, with %f for milliseconds and %% kept") {
    // 2026-12-07 05:06:07.089 UTC = 1796619967089 ms since the epoch (date -u -d @1796619967).
    const auto when = std::chrono::system_clock::time_point(std::chrono::milliseconds(1796619967089));
    CHECK(format_time(when, Zone::utc, "%Y%m%d%H%M%S") == "20261207050607");
    CHECK(format_time(when, Zone::utc, "%Y%m%d%H%M%S%f") == "20261207050607089");
    CHECK(format_time(when, Zone::utc, "%H:%M:%S.%f 100%%f") == "05:06:07.089 100%f");
}

TEST_CASE("time: Japan time is UTC+9 whatever the machine's zone, across the date line") {
    // 2026-12-07 16:30:00 UTC (date -u -d @1796661000) is 2026-12-08 01:30:00 in Japan.
    const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(1796661000));
    CHECK(format_time(when, Zone::utc, "%Y%m%d%H%M%S") == "20261207163000");
    CHECK(format_time(when, Zone::japan, "%Y%m%d%H%M%S") == "20261208013000");
}

TEST_CASE("time: the SS-MIX2 timestamp has 17 digits") {
    const std::string stamp = local_timestamp_ms();
    CHECK(stamp.size() == 17);
    CHECK(stamp.find_first_not_of("0123456789") == std::string::npos);
}
