// core/base/local_time.h — the clock as the hospital's files show it. One formatter for every
// time the program writes: local time (SS-MIX2 names, logs, README.TXT), UTC (XDS metadata) or
// Japan time (the documents' own dates, CDA and FHIR alike, whatever the server's zone), through
// strftime, with milliseconds where a name needs them.
#pragma once

#include <chrono>
#include <string>

namespace ssmix {

enum class Zone { local, utc, japan };   // japan: UTC+9, no daylight saving

// `when` through strftime's `format`; "%f" (not strftime's) stands for the milliseconds. With
// Zone::japan, "%z" is not meaningful: the caller writes the offset (+0900, +09:00).
[[nodiscard]] std::string format_time(std::chrono::system_clock::time_point when, Zone zone, const char* format);

// Now, formatted: local_time_now("%Y-%m-%d %H:%M"), utc_time_now("%Y%m%d%H%M%S") ...
[[nodiscard]] std::string local_time_now(const char* format);
[[nodiscard]] std::string utc_time_now(const char* format);

// Now as YYYYMMDDHHMMSSFFF (local time, milliseconds): the SS-MIX2 file-name timestamp.
[[nodiscard]] std::string local_timestamp_ms();

}  // namespace ssmix
