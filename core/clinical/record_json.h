// core/clinical/record_json.h — a ClinicalRecord as JSON: for `ssmix show --json`, and for
// the viewer's test API. Keys are camelCase; empty values are left out.
#pragma once

#include <string>

#include "core/clinical/record.h"

namespace ssmix::clinical {

[[nodiscard]] std::string record_json(const ClinicalRecord& record, int indent = 2);

}  // namespace ssmix::clinical
