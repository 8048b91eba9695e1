// core/ssmix2/data_types.h — SS-MIX2's data types: 26 codes, 36 event rows (guideline 1.2g
// p.11, as tabulated in NHO-SPEC table 1-1), each with its HL7 message, whether it cancels,
// and the field that gives the care date (DTT include/SSMIX_CAREDATE.json).
// Source: shared/research/ssmix2.md §1.2 and §1.5.
// No ADT-62: guideline 1.2g's list (NHO-SPEC table 1-1, nhoHQ/SSMIX2_support_documents HEAD
// 14d92fc) ends the ADT codes at ADT-61, and so do the NHO checker, ssmixtwins and the JAMI
// FHIR mapping; transfers are ADT-41/42 (issue 16).
#pragma once

#include <span>
#include <string_view>

namespace ssmix::ssmix2 {

struct DataTypeRow {
    std::string_view code;            // folder and file-name code: "OMP-01", "OMD"
    std::string_view message;         // "RDE^O11"
    std::string_view meaning;         // Japanese, as the guideline names it
    bool cancel;                      // the event deletes what an earlier one recorded
    std::string_view care_date_field; // "ORC-9", or "" when the data has no care date ("-" folder)
};

[[nodiscard]] std::span<const DataTypeRow> data_type_rows();           // all 36
[[nodiscard]] const DataTypeRow* find_row(std::string_view code, std::string_view message);
[[nodiscard]] bool is_data_type_code(std::string_view code);

// Codes whose data have no care date and live under the "-" folder.
[[nodiscard]] bool is_dateless(std::string_view code);

}  // namespace ssmix::ssmix2
