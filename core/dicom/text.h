// core/dicom/text.h — DICOM string values to UTF-8 by Specific Character Set (0008,0005), for
// the character sets Japanese equipment writes: ISO_IR 192 (UTF-8), ISO 2022 IR 87 (JIS X
// 0208 via ESC $ B), ISO 2022 IR 13 / ISO_IR 13 (JIS X 0201 katakana in G1), ISO_IR 100.
// Source: DICOM PS3.5 §6.1.2.5 and Annex H (Japanese examples). Done here rather than with
// DCMTK's converter because the WebAssembly build of DCMTK has no iconv/ICU.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ssmix::dicom {

// Never fails: what cannot be read becomes U+FFFD.
[[nodiscard]] std::string to_utf8(std::string_view value, std::string_view specific_character_set);

// UTF-8 text as Japanese equipment writes it (PS3.5 Annex H, code extension of §6.1.2.5):
// ASCII as it is; kanji, kana and full-width characters in JIS X 0208 (ISO 2022 IR 87,
// ESC $ B ... ESC ( B, back to ASCII before each ^ = \ and at the end of the value);
// half-width katakana in JIS X 0201 (ISO 2022 IR 13 first: G1 katakana, G0 romaji, JIS X
// 0208 left with ESC ( J), as PS3.5 H.3.2's example writes them. `specific_character_set` is
// what (0008,0005) must then say ("" for plain ASCII); characters neither set holds are
// listed in `unencodable` and left out.
struct EncodedText {
    std::string value;
    std::string specific_character_set;
    std::vector<std::string> unencodable;
};
[[nodiscard]] EncodedText from_utf8(std::string_view utf8);

// A Person Name (PN, already UTF-8) as a Japanese reader expects it: the ideographic group
// first, the phonetic one in brackets. "Yamada^Taro=山田^太郎=やまだ^たろう" -> "山田 太郎（やまだ たろう）".
[[nodiscard]] std::string display_person_name(std::string_view person_name);

}  // namespace ssmix::dicom
