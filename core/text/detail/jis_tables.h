// core/text/detail/jis_tables.h — the character tables behind core/text (generated, see
// core/text/tools/make_tables.py). Internal to core/text.
#pragma once

#include <array>
#include <span>

namespace ssmix::text::detail {

struct Replacement {
    char16_t character;
    const char8_t* replacement;   // UTF-8
};

[[nodiscard]] std::span<const char16_t> jis0208();         // 94*94, row-major, 0 = unassigned
[[nodiscard]] std::span<const char16_t> nec_row13();       // 94
[[nodiscard]] std::span<const char16_t> ibm_rows_89_92();  // 4*94
[[nodiscard]] std::span<const char16_t> ibm_rows_115_119();  // 5*94: Shift_JIS 0xFA40-0xFC4B
[[nodiscard]] std::span<const Replacement> nho_replacements();

}  // namespace ssmix::text::detail
