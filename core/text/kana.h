// core/text/kana.h — half-width katakana (JIS X 0201, U+FF61..U+FF9F), which SS-MIX2 does
// not allow, turned into full-width katakana, voiced marks joined: ｶﾞ -> ガ, ﾊﾟ -> パ.
#pragma once

#include <string>
#include <string_view>

namespace ssmix::text {

[[nodiscard]] constexpr bool is_halfwidth_katakana(char32_t cp) { return cp >= 0xFF61 && cp <= 0xFF9F; }

// Converts every half-width katakana in a UTF-8 string; other characters are unchanged.
[[nodiscard]] std::string to_fullwidth_katakana(std::string_view utf8);

}  // namespace ssmix::text
