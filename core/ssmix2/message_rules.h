// core/ssmix2/message_rules.h — what SS-MIX2 requires of a message of a given data type:
// its segment structure (segment_grammar.h), the fields marked R for that data type, and
// numeric (NM) fields that hold numbers. Tables: core/ssmix2/data/ (from the NHO checker).
#pragma once

#include <vector>

#include "core/base/diagnostic.h"
#include "core/hl7/message.h"
#include "core/ssmix2/data_types.h"

namespace ssmix::ssmix2 {

struct RuleSeverities {
    Severity structure = Severity::error;        // segment order
    Severity required = Severity::error;         // an R field is empty
    Severity numeric = Severity::error;          // an NM field is not a number
};

// Ingest stores a message whose required fields are empty (it is still the hospital's data)
// and reports them; `ssmix check` reports everything as errors.
inline constexpr RuleSeverities ingest_severities{Severity::error, Severity::warning, Severity::warning};
inline constexpr RuleSeverities check_severities{};

[[nodiscard]] std::vector<Diagnostic> check_message_rules(const hl7::Message& message, const DataTypeRow& row,
                                                          RuleSeverities severities = check_severities);

}  // namespace ssmix::ssmix2
