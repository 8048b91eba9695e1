// sample-data/generator/uid.h — deterministic DICOM UIDs under the 2.25 arc (ITU-T X.667:
// a UUID written as one decimal integer), derived from a name, so every build of the sample
// data has the same UIDs and tests can name them.
#pragma once

#include <string>
#include <string_view>

namespace ssmix::sample {

[[nodiscard]] std::string uid_for(std::string_view name);

}  // namespace ssmix::sample
