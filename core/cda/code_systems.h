// core/cda/code_systems.h — the OIDs CDA needs for the coding systems SS-MIX2 messages name by
// their HL7 v2 table names (JC10, HOT9, MDCDX2 ...). Sources: shared/research/cda.md §2 (JP Core
// OID map, MHLW 電子処方箋 CDA 付表) and HL7's own OIDs for its tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ssmix::cda {

struct CodeSystem {
    std::string oid;
    std::string name;   // codeSystemName as written in the document
};

// The code system of `code` when the message says `v2_system`. Some names cover several
// systems told apart by the code's form (MEDIS disease: 4-character exchange code or 8-digit
// management number; HOT: 7, 9 or 13 digits). Empty for local ("99...") and unknown systems.
[[nodiscard]] std::optional<CodeSystem> code_system_for(std::string_view v2_system, std::string_view code);

inline constexpr const char* loinc_oid = "2.16.840.1.113883.6.1";
inline constexpr const char* jmix_oid = "1.2.392.200119.5.3.1";          // JMIX document codes
inline constexpr const char* gender_oid = "2.16.840.1.113883.5.1";       // AdministrativeGender
inline constexpr const char* confidentiality_oid = "2.16.840.1.113883.5.25";
inline constexpr const char* interpretation_oid = "2.16.840.1.113883.5.83";   // ObservationInterpretation
// Japanese identifier roots (MHLW 電子処方箋 CDA 記述仕様 付表2, cda.md §1.3b).
inline constexpr const char* patient_id_root = "1.2.392.100495.20.3.51.1";    // + 10-digit institution code
inline constexpr const char* doctor_id_root = "1.2.392.100495.20.3.41.1";     // + 10-digit institution code
inline constexpr const char* prefecture_root = "1.2.392.100495.20.3.21";
inline constexpr const char* fee_table_root = "1.2.392.100495.20.3.22";
inline constexpr const char* institution_root = "1.2.392.100495.20.3.23";    // 7-digit 保険医療機関番号

}  // namespace ssmix::cda
