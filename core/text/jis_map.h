// core/text/jis_map.h — character lookups between Unicode and JIS X 0208 (row/cell as the two
// 7-bit bytes of ISO-2022-JP, 0x21..0x7E each), including the CP932 extension rows that real
// systems send and the code points Windows uses for the same JIS characters (～ for 〜 ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ssmix::text {

// Where a decoded character came from: JIS X 0208, or a CP932 extension (NEC row 13, the
// NEC-selected IBM rows 89-92, or the IBM rows past 94 that only Shift_JIS can address).
enum class JisSource { jis0208, nec_row13, ibm_rows, ibm_extension };

struct JisChar {
    char32_t cp = 0;
    JisSource source = JisSource::jis0208;
};

// The two bytes of a JIS X 0208 (or CP932 extension) code; empty when unassigned.
[[nodiscard]] std::optional<JisChar> jis_to_unicode(std::uint8_t first, std::uint8_t second);

// A CP932 double-byte code by row and cell (1-based): rows 1-94 as jis_to_unicode, rows
// 115-119 the IBM extensions (Shift_JIS 0xFA40-0xFC4B); empty when CP932 assigns nothing.
[[nodiscard]] std::optional<JisChar> cp932_to_unicode(unsigned row, unsigned cell);

// The JIS X 0208 code (first byte << 8 | second) of a character, accepting the CP932 variants
// (U+FF5E for 〜, U+2225 for ‖, U+FF0D for −, U+FFE0/FFE1/FFE2 for ¢ £ ¬, U+2014 for ―);
// empty when JIS X 0208 has no such character.
[[nodiscard]] std::optional<std::uint16_t> unicode_to_jis(char32_t cp);

// The NHO replacement for a CP932-only character (① -> "(1)"), or empty.
[[nodiscard]] std::optional<std::string_view> nho_replacement(char32_t cp);

}  // namespace ssmix::text
