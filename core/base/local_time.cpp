// core/base/local_time.cpp
#include "core/base/local_time.h"

#include <ctime>

namespace ssmix {

std::string format_time(std::chrono::system_clock::time_point when, Zone zone, const char* format) {
    if (zone == Zone::japan) when += std::chrono::hours(9);
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm parts{};
    if (zone == Zone::local) localtime_r(&seconds, &parts);
    else gmtime_r(&seconds, &parts);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count() % 1000;
    const std::string millis = std::to_string(1000 + ms).substr(1);
    // strftime knows no milliseconds: put them in first (a "%%f" stays a literal "%f").
    std::string pattern;
    for (const char* p = format; *p; ++p) {
        if (p[0] == '%' && p[1] == 'f') pattern += millis, ++p;
        else if (p[0] == '%' && p[1] == '%') pattern += "%%", ++p;
        else pattern += *p;
    }
    char text[128];
    return std::strftime(text, sizeof text, pattern.c_str(), &parts) ? text : "";
}

std::string local_time_now(const char* format) { return format_time(std::chrono::system_clock::now(), Zone::local, format); }

std::string utc_time_now(const char* format) { return format_time(std::chrono::system_clock::now(), Zone::utc, format); }

std::string local_timestamp_ms() { return local_time_now("%Y%m%d%H%M%S%f"); }

}  // namespace ssmix
