// core/clinical/dates.h — dates and times as SS-MIX2 and CDA write them (YYYYMMDD[HHMM[SS]],
// perhaps with a zone), read and shown the one way every output of the project shows them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ssmix::clinical {

// The date of a "YYYYMMDD..." time; nothing when it is not a valid date.
[[nodiscard]] std::optional<std::chrono::year_month_day> parse_date(std::string_view time);

// "20111219" -> "2011/12/19", "201112191500" -> "2011/12/19 15:00"; a zone or seconds are left
// out; anything shorter than a date is returned as it is.
[[nodiscard]] std::string display_date(std::string_view time);

// Age in completed years (満年齢), as records state it: one year more from the birthday on; a
// 29 February birthday is passed on 1 March in common years. Nothing when either is not a
// date or the birth is after `on`.
[[nodiscard]] std::optional<int> age_in_years(std::string_view birth, std::string_view on);

}  // namespace ssmix::clinical
