// core/base/local_time.h — the clock as the hospital's files show it: local time, formatted.
#pragma once

#include <string>

namespace ssmix {

// Now in local time through strftime's `format` ("%Y-%m-%d %H:%M", "%Y%m%d%H%M%S%z" ...).
[[nodiscard]] std::string local_time_now(const char* format);

// Now as YYYYMMDDHHMMSSFFF (local time, milliseconds): the SS-MIX2 file-name timestamp.
[[nodiscard]] std::string local_timestamp_ms();

}  // namespace ssmix
