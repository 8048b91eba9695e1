// core/ssmix2/naming.h — where a message lives in the standardized storage:
//   <root>/<ID[0:3]>/<ID[3:6]>/<ID>/<care date YYYYMMDD | ->/<data type>/
//   <ID>_<care date>_<data type>_<order no>_<timestamp 17>_<department | ->_<flag>
// (shared/research/ssmix2.md §1.2-1.4). Decisions the specification leaves open, made here:
// - a patient ID shorter than 6 characters is padded with '0' on the left for the two
//   hash folders only ("12345" -> 012/345/12345/...); the ID folder and file name keep it;
// - an ID may contain only A-Z a-z 0-9 and '-' (30 characters at most): '_' would break the
//   file name, '/', '.' and anything else could leave the storage; other IDs are refused;
// - order number and department keep the same characters; any other becomes '-' (reported).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ssmix::ssmix2 {

inline constexpr std::string_view no_order_number = "999999999999999";
inline constexpr std::string_view no_date = "-";

enum class Flag : char { deleted = '0', current = '1', superseded = '2' };

struct FileName {
    std::string patient_id, care_date, data_type, order_number, timestamp, department;
    Flag flag = Flag::current;

    [[nodiscard]] std::string str() const;
    [[nodiscard]] std::string folder() const;           // relative: "999/901/9999013/20110701/OMP-01"
    [[nodiscard]] std::string relative_path() const;    // folder() + "/" + str()
    // The identity of a record across versions (NHO-TX, guideline 1.2g p.32): patient, care
    // date, data type and order number.
    [[nodiscard]] std::string record_key() const;
};

// Splits a file name into its seven parts; empty when it does not have them.
[[nodiscard]] std::optional<FileName> parse_file_name(std::string_view name);

[[nodiscard]] bool is_safe_patient_id(std::string_view id);
[[nodiscard]] bool is_safe_name_part(std::string_view part);   // order number, department
[[nodiscard]] std::string sanitize_name_part(std::string_view part);
[[nodiscard]] std::string hash_folders(std::string_view patient_id);   // "999/901"

// A YYYYMMDDHHMMSSFFF timestamp plus 1 ms, as digits (a record's versions need distinct ones).
[[nodiscard]] std::string next_millisecond(std::string digits);

}  // namespace ssmix::ssmix2
