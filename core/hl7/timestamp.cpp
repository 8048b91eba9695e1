// core/hl7/timestamp.cpp — strict about what the digits mean, lenient only about 24-47 o'clock.
#include "core/hl7/timestamp.h"

#include <cstdio>

namespace ssmix::hl7 {
namespace {

int digits(std::string_view text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

void add_one_day(Timestamp& t) {
    if (++t.day <= days_in_month(t.year, t.month)) return;
    t.day = 1;
    if (++t.month <= 12) return;
    t.month = 1;
    ++t.year;
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    Timestamp t;
    // Time zone suffix.
    if (const auto sign = text.find_first_of("+-"); sign != std::string_view::npos) {
        const auto zone = text.substr(sign);
        if (zone.size() != 5 || digits(zone, 1, 4) < 0) return std::nullopt;
        t.zone = std::string(zone);
        text = text.substr(0, sign);
    }
    std::string_view fraction;
    if (const auto dot = text.find('.'); dot != std::string_view::npos) {
        fraction = text.substr(dot + 1);
        text = text.substr(0, dot);
        if (text.size() != 14 || fraction.empty() || fraction.size() > 4 || digits(fraction, 0, fraction.size()) < 0)
            return std::nullopt;
    }
    if (text.size() < 4 || text.size() > 14 || text.size() % 2 != 0) return std::nullopt;
    t.year = digits(text, 0, 4);
    if (t.year < 0) return std::nullopt;
    if (text.size() >= 6 && (t.month = digits(text, 4, 2)) < 1) return std::nullopt;
    if (text.size() >= 8 && (t.day = digits(text, 6, 2)) < 1) return std::nullopt;
    if (t.month > 12 || (t.day > 0 && !is_valid_date(t.year, t.month, t.day))) return std::nullopt;
    if (text.size() >= 10 && (t.hour = digits(text, 8, 2)) < 0) return std::nullopt;
    if (text.size() >= 12 && (t.minute = digits(text, 10, 2)) < 0) return std::nullopt;
    if (text.size() >= 14 && (t.second = digits(text, 12, 2)) < 0) return std::nullopt;
    if (t.minute > 59 || t.second > 59 || t.hour > 47) return std::nullopt;
    if (!fraction.empty()) {
        std::string ms(fraction.substr(0, 3));
        while (ms.size() < 3) ms += '0';
        t.millisecond = digits(ms, 0, 3);
    }
    if (t.hour >= 24) {
        t.hour -= 24;
        t.hour_past_midnight = true;
        add_one_day(t);
    }
    return t;
}

std::string Timestamp::date8() const {
    if (!has_date()) return {};
    char out[48];
    std::snprintf(out, sizeof out, "%04d%02d%02d", year, month, day);
    return out;
}

std::string Timestamp::display() const {
    char out[80];
    if (!has_date()) {
        std::snprintf(out, sizeof out, month > 0 ? "%04d/%02d" : "%04d", year, month);
    } else if (hour < 0) {
        std::snprintf(out, sizeof out, "%04d/%02d/%02d", year, month, day);
    } else {
        std::snprintf(out, sizeof out, "%04d/%02d/%02d %02d:%02d", year, month, day, hour, minute < 0 ? 0 : minute);
    }
    return out;
}

std::string Timestamp::digits17() const {
    char out[80];
    std::snprintf(out, sizeof out, "%04d%02d%02d%02d%02d%02d%03d", year, month, day, hour < 0 ? 0 : hour,
                  minute < 0 ? 0 : minute, second < 0 ? 0 : second, millisecond < 0 ? 0 : millisecond);
    return out;
}

}  // namespace ssmix::hl7
