// sample-data/generator/uid.cpp — the UID for a name: the name-based UUID under 2.25.
#include "sample-data/generator/uid.h"

#include "core/base/uid.h"

namespace ssmix::sample {

std::string uid_for(std::string_view name) { return name_uuid_oid(name); }

}  // namespace ssmix::sample
