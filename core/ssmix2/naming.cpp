// core/ssmix2/naming.cpp — building and splitting storage paths.
#include "core/ssmix2/naming.h"

#include <vector>

namespace ssmix::ssmix2 {
namespace {

bool is_name_character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

bool is_safe_patient_id(std::string_view id) {
    if (id.empty() || id.size() > 30) return false;
    for (char c : id)
        if (!is_name_character(c)) return false;
    return true;
}

bool is_safe_name_part(std::string_view part) {
    if (part.empty() || part.size() > 64) return false;
    for (char c : part)
        if (!is_name_character(c)) return false;
    return true;
}

std::string sanitize_name_part(std::string_view part) {
    std::string out;
    for (char c : part.substr(0, 64)) out += is_name_character(c) ? c : '-';
    return out.empty() ? std::string("-") : out;
}

std::string hash_folders(std::string_view patient_id) {
    std::string padded(patient_id);
    if (padded.size() < 6) padded.insert(0, 6 - padded.size(), '0');
    return padded.substr(0, 3) + "/" + padded.substr(3, 3);
}

std::string next_millisecond(std::string digits) {
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it != '9') {
            ++*it;
            return digits;
        }
        *it = '0';
    }
    return digits;
}

std::string FileName::str() const {
    return patient_id + "_" + care_date + "_" + data_type + "_" + order_number + "_" + timestamp + "_" + department + "_" +
           static_cast<char>(flag);
}

std::string FileName::folder() const { return hash_folders(patient_id) + "/" + patient_id + "/" + care_date + "/" + data_type; }

std::string FileName::relative_path() const { return folder() + "/" + str(); }

std::string FileName::record_key() const {
    return patient_id + "_" + care_date + "_" + data_type + "_" + order_number;
}

std::optional<FileName> parse_file_name(std::string_view name) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto underscore = name.find('_', start);
        parts.push_back(name.substr(start, underscore - start));
        if (underscore == std::string_view::npos) break;
        start = underscore + 1;
    }
    if (parts.size() != 7 || parts[6].size() != 1 || (parts[6][0] != '0' && parts[6][0] != '1' && parts[6][0] != '2'))
        return std::nullopt;
    for (const auto& part : parts)
        if (part.empty()) return std::nullopt;
    FileName f;
    f.patient_id = parts[0];
    f.care_date = parts[1];
    f.data_type = parts[2];
    f.order_number = parts[3];
    f.timestamp = parts[4];
    f.department = parts[5];
    f.flag = static_cast<Flag>(parts[6][0]);
    return f;
}

}  // namespace ssmix::ssmix2
