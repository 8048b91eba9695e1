// core/ssmix2/detail/rules_data.h — the text of core/ssmix2/data/*.{txt,tsv}, embedded at build
// time (see core/ssmix2/CMakeLists.txt). Internal to core/ssmix2.
#pragma once

#include <string_view>

namespace ssmix::ssmix2::detail {

[[nodiscard]] std::string_view segment_grammar_text();
[[nodiscard]] std::string_view required_fields_text();
[[nodiscard]] std::string_view field_types_text();

}  // namespace ssmix::ssmix2::detail
