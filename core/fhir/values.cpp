// core/fhir/values.cpp
#include "core/fhir/values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "core/base/local_time.h"
#include "core/base/uid.h"

namespace ssmix::fhir {
namespace {

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

int number(std::string_view s) {
    int n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
}

// The digits before any zone or fraction, when they are a plausible date/time prefix.
std::string_view digits_of(std::string_view t) {
    const auto end = t.find_first_not_of("0123456789");
    t = t.substr(0, end);
    const std::size_t n = t.size();
    if (n != 4 && n != 6 && n != 8 && n != 10 && n != 12 && n != 14) return {};
    if (n >= 6 && (number(t.substr(4, 2)) < 1 || number(t.substr(4, 2)) > 12)) return {};
    if (n >= 8 && (number(t.substr(6, 2)) < 1 || number(t.substr(6, 2)) > 31)) return {};
    if (n >= 10 && number(t.substr(8, 2)) > 23) return {};
    if (n >= 12 && number(t.substr(10, 2)) > 59) return {};
    if (n >= 14 && number(t.substr(12, 2)) > 59) return {};
    return t;
}

}  // namespace

std::string jst_instant(std::chrono::system_clock::time_point when) {
    return format_time(when, Zone::japan, "%Y-%m-%dT%H:%M:%S.%f") + "+09:00";
}

std::string date(std::string_view hl7_time) {
    const std::string_view d = digits_of(hl7_time);
    if (d.empty()) return {};
    std::string out(d.substr(0, 4));
    if (d.size() >= 6) out += "-" + std::string(d.substr(4, 2));
    if (d.size() >= 8) out += "-" + std::string(d.substr(6, 2));
    return out;
}

std::string date_time(std::string_view hl7_time) {
    const std::string_view d = digits_of(hl7_time);
    if (d.size() < 10) return date(hl7_time);
    auto part = [&](std::size_t at) { return d.size() > at ? std::string(d.substr(at, 2)) : std::string("00"); };
    return date(d) + "T" + part(8) + ":" + part(10) + ":" + part(12) + "+09:00";
}

std::string stable_urn(std::string_view name) { return uuid_urn(name_uuid(name)); }

std::string stable_key(std::string_view name) {
    const Uuid uuid = name_uuid(name);
    std::string out;
    char hex[3];
    for (const auto byte : uuid) {
        std::snprintf(hex, sizeof hex, "%02x", byte);
        out += hex;
    }
    return out;
}

std::string clins_identifier(std::string_view institution_code, std::string_view instant, std::string_view key) {
    return std::string(institution_code) + "^" + std::string(instant.substr(0, 4)) + "^" + std::string(key);
}

bool is_institution_code(std::string_view code) {
    return code.size() == 10 && all_digits(code) && code[0] <= '4' && code[2] >= '1' && code[2] <= '3';
}

bool parse_decimal(std::string_view text, double& value) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '+')) text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.find_first_not_of("-0123456789.") != std::string_view::npos) return false;
    const std::string copy(text);   // strtod: libc++ in Emscripten 3.1.6 has no from_chars for double
    char* end = nullptr;
    value = std::strtod(copy.c_str(), &end);
    return end == copy.c_str() + copy.size();
}

}  // namespace ssmix::fhir
