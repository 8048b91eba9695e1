// core/text/utf8.h — UTF-8 <-> code points, the only Unicode plumbing the core needs.
#pragma once

#include <string>
#include <string_view>

namespace ssmix::text {

inline constexpr char32_t replacement_character = U'\uFFFD';

// Appends the UTF-8 form of cp (a Unicode scalar value) to out.
void append_utf8(std::string& out, char32_t cp);

// Decodes one code point starting at text[at] and advances at; invalid or truncated
// sequences yield U+FFFD and advance by one byte.
[[nodiscard]] char32_t next_code_point(std::string_view text, std::size_t& at);

}  // namespace ssmix::text
