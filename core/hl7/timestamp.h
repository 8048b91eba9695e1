// core/hl7/timestamp.h — HL7 TS/DTM values: YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ].
// Some Japanese systems write times after midnight as hours 24-47 of the previous day
// (shared/research/ssmix2.md §1.8); those are read as the next day and flagged.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ssmix::hl7 {

struct Timestamp {
    int year = 0, month = 0, day = 0;          // month/day 0 when not given
    int hour = -1, minute = -1, second = -1;   // -1 when not given
    int millisecond = -1;
    std::string zone;                          // "+0900" or ""
    bool hour_past_midnight = false;           // written as hour 24..47 of the previous day

    [[nodiscard]] std::string date8() const;                 // "20111220", or "" without a full date
    [[nodiscard]] std::string display() const;               // "2011/12/20 10:30"
    [[nodiscard]] std::string digits17() const;              // YYYYMMDDHHMMSSFFF, missing parts as 0
    [[nodiscard]] bool has_date() const { return day > 0; }
};

// Empty when the text is not a valid TS (wrong length, impossible date or time).
[[nodiscard]] std::optional<Timestamp> parse_timestamp(std::string_view text);

[[nodiscard]] bool is_valid_date(int year, int month, int day);

}  // namespace ssmix::hl7
