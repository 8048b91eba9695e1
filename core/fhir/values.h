// core/fhir/values.h — FHIR's primitive forms of what SS-MIX2 and the letter hold: dates and
// times with Japan's +09:00 offset, the JP-CLINS identifier values built from the 10-digit
// 医療機関コード, and urn:uuid fullUrls that are the same for the same input on every run.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace ssmix::fhir {

// An instant in Japan Standard Time with milliseconds: "2026-11-26T09:30:00.123+09:00".
[[nodiscard]] std::string jst_instant(std::chrono::system_clock::time_point when);

// HL7 v2 DT/DTM ("YYYY[MM[DD[HH[MM[SS]]]]]", zone ignored) as FHIR date or dateTime: a time
// gets seconds and +09:00 (FHIR wants seconds whenever there is a time). Empty when malformed.
[[nodiscard]] std::string date_time(std::string_view hl7_time);
// Only the date part: "2011-08-31", "1996-01"; empty when malformed.
[[nodiscard]] std::string date(std::string_view hl7_time);

// A urn:uuid derived from `name` (core/base name_uuid): stable across runs for the same name.
[[nodiscard]] std::string stable_urn(std::string_view name);
// 32 lower-case hex digits derived from `name`, for identifier values.
[[nodiscard]] std::string stable_key(std::string_view name);

// JP-CLINS identifier values "<10-digit institution>^<yyyy>^<key>" (Bundle: key ≤ 36 of
// [A-Za-z0-9-], rule R2152; Composition: key ≤ 32). `year` is taken from an instant's first 4.
[[nodiscard]] std::string clins_identifier(std::string_view institution_code, std::string_view instant, std::string_view key);

// True for a 10-digit 医療機関コード whose digits fit R2152 ([0-4][0-9][1-3][0-9]{7}).
[[nodiscard]] bool is_institution_code(std::string_view code);

// A decimal as the message wrote it, for a JSON number; false when it is not one.
[[nodiscard]] bool parse_decimal(std::string_view text, double& value);

}  // namespace ssmix::fhir
