// core/clinical/age.h — a patient's age in completed years (満年齢), as records state it: one
// year more from the birthday on; a 29 February birthday is passed on 1 March in common years.
#pragma once

#include <optional>
#include <string>

namespace ssmix::clinical {

// Both dates as YYYYMMDD (longer times are cut); nothing when either is not a date or the
// birth is after `on`.
[[nodiscard]] std::optional<int> age_in_years(const std::string& birth, const std::string& on);

}  // namespace ssmix::clinical
