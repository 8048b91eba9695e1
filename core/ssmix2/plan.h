// core/ssmix2/plan.h — everything the storage needs to know about a message, derived from the
// message alone: data type, care date (per data type, table in data_types.cpp), order number
// (ORC-2 of the parent "PA" ORC, else of the first ORC, else 999999999999999; always the
// latter for PPR-01, whose one record is the whole problem list), timestamp
// (MSH-7 to milliseconds; the guideline calls it the sending time, and MSH-7 keeps re-ingest
// deterministic), department (ORC-17, else PV1-10, else "-"), and whether it cancels.
#pragma once

#include <string>

#include "core/base/diagnostic.h"
#include "core/hl7/message.h"
#include "core/ssmix2/data_types.h"
#include "core/ssmix2/naming.h"

namespace ssmix::ssmix2 {

enum class Action { store, cancel };

struct StoragePlan {
    FileName name;                       // flag 1 for store, 0 for cancel
    Action action = Action::store;
    const DataTypeRow* row = nullptr;
    std::string control_id;              // MSH-10
};

// The care date of a message of this data type: "YYYYMMDD", "-" for date-less types, or an
// error diagnostic naming the field when it is missing or not a date.
[[nodiscard]] Parsed<std::string> care_date(const hl7::Message& message, const DataTypeRow& row);

[[nodiscard]] Parsed<StoragePlan> plan_storage(const hl7::Message& message);

}  // namespace ssmix::ssmix2
