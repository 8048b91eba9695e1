// core/cda/code_systems.cpp — the table behind code_system_for.
#include "core/cda/code_systems.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ssmix::cda {
namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

struct Entry {
    std::string_view v2_name, oid, name;
};

constexpr std::array fixed_systems{
    Entry{"JC10", "1.2.392.200119.4.504", "JLAC10"},
    Entry{"I10", "2.16.840.1.113883.6.3", "ICD-10"},
    Entry{"ICD10", "2.16.840.1.113883.6.3", "ICD-10"},
    Entry{"JAMISDP01", "1.2.392.200250.2.2.20.20", "JAMI 処方・注射オーダ標準用法規格"},
    Entry{"HL70162", "2.16.840.1.113883.12.162", "HL7 Table 0162 Route of Administration"},
    Entry{"LN", "2.16.840.1.113883.6.1", "LOINC"},
};

}  // namespace

std::optional<CodeSystem> code_system_for(std::string_view v2_system, std::string_view code) {
    if (v2_system == "MDCDX2") {   // MEDIS 標準病名マスター
        if (all_digits(code) && code.size() == 8) return CodeSystem{"1.2.392.200119.4.101.2", "MEDIS 病名管理番号"};
        if (code.size() == 4) return CodeSystem{"1.2.392.200119.4.101.6", "MEDIS 病名交換用コード"};
        return std::nullopt;
    }
    if (v2_system.substr(0, 3) == "HOT" && all_digits(code)) {
        if (code.size() == 9) return CodeSystem{"1.2.392.200119.4.403.1", "HOT9"};
        if (code.size() == 7) return CodeSystem{"1.2.392.200119.4.403.2", "HOT7"};
        if (code.size() == 13) return CodeSystem{"1.2.392.200119.4.402.1", "HOT13"};
        return std::nullopt;
    }
    for (const auto& e : fixed_systems)
        if (e.v2_name == v2_system) return CodeSystem{std::string(e.oid), std::string(e.name)};
    return std::nullopt;
}

}  // namespace ssmix::cda
