// core/dicom/text.h — DICOM string values to UTF-8 by Specific Character Set (0008,0005), for
// the character sets Japanese equipment writes: ISO_IR 192 (UTF-8), ISO 2022 IR 87 (JIS X
// 0208 via ESC $ B), ISO 2022 IR 13 / ISO_IR 13 (JIS X 0201 katakana in G1), ISO_IR 100.
// Source: DICOM PS3.5 §6.1.2.5 and Annex H (Japanese examples). Done here rather than with
// DCMTK's converter because the WebAssembly build of DCMTK has no iconv/ICU.
#pragma once

#include <string>
#include <string_view>

namespace ssmix::dicom {

// Never fails: what cannot be read becomes U+FFFD.
[[nodiscard]] std::string to_utf8(std::string_view value, std::string_view specific_character_set);

// A Person Name (PN, already UTF-8) as a Japanese reader expects it: the ideographic group
// first, the phonetic one in brackets. "Yamada^Taro=山田^太郎=やまだ^たろう" -> "山田 太郎（やまだ たろう）".
[[nodiscard]] std::string display_person_name(std::string_view person_name);

}  // namespace ssmix::dicom
