// core/text/iso2022jp.h — ISO-2022-JP as SS-MIX2 uses it (ASCII + JIS X 0208, switched with
// ESC $ B / ESC ( B) to and from UTF-8. Reading is lenient about what real systems send
// (ESC $ @, ESC ( J, ESC ( I half-width katakana, CP932 extension characters such as ① Ⅰ ㈱ ㎏)
// and says so; writing is strict (half-width katakana become full-width, CP932-only
// characters are replaced by the NHO table, anything else unmappable becomes ■).
// Source of the rules: shared/research/ssmix2.md §2 (NHO-SPEC §1.3.4, NHO-CP932).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"

namespace ssmix::text {

struct DecodedText {
    std::string utf8;
    std::vector<Diagnostic> diagnostics;
};

// Decodes bytes to UTF-8. `place` names the file and field; each diagnostic's place.where
// gets ", byte N" appended, N counted from `base_offset` (the bytes' offset in the file).
// Never fails: what cannot be read becomes U+FFFD with an error diagnostic.
[[nodiscard]] DecodedText decode_iso2022jp(ByteView bytes, const Place& place, std::size_t base_offset = 0);

// True when the bytes are plain 7-bit ASCII without ESC: then they are their own UTF-8.
[[nodiscard]] bool is_plain_ascii(ByteView bytes);

struct EncodedText {
    Bytes bytes;                          // ends in ASCII mode (ESC ( B written if needed)
    std::vector<Diagnostic> diagnostics;  // one per character that had to be changed
};

// Encodes UTF-8 strictly, as SS-MIX2 storage requires.
[[nodiscard]] EncodedText encode_iso2022jp(std::string_view utf8, const Place& place);

}  // namespace ssmix::text
