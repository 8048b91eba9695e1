// core/text/byte_decoders.h — whole texts in the byte encodings Japanese documents still come
// in (Shift_JIS, Windows-31J, EUC-JP) and in UTF-16, UTF-8 and Latin-1, decoded to UTF-8 with
// core/text's own JIS tables (no iconv or ICU: the same code runs in the browser). Each decoder
// stops at the first byte it cannot read and says where, so that a document in another
// encoding than it claims is refused instead of shown garbled. xml_encoding.h picks one.
#pragma once

#include <bit>        // std::endian
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/base/bytes.h"

namespace ssmix::text {

struct ByteProblem {
    std::size_t offset = 0;   // of the first byte concerned, from the start of the bytes given
    std::string message;      // one sentence, naming the bytes: "0x82 is followed by 0x3C, ..."
};

struct Decoding {
    std::string utf8;                     // the whole text, or the part before `failure`
    std::optional<ByteProblem> failure;   // the first byte that does not decode, if any
    std::vector<ByteProblem> replaced;    // characters read as U+FFFD (user-defined "gaiji")
};

// Which code points the JIS X 0208 characters that Windows maps differently get: `jis` as JIS
// and Python's shift_jis do (〜 U+301C, ‖ U+2016, − U+2212, ¢ £ ¬), `windows` as CP932 does
// (～ U+FF5E, ∥ U+2225, － U+FF0D, ￠ ￡ ￢). Both read the CP932 extension characters.
enum class ShiftJisFlavour { jis, windows };

// Shift_JIS with the CP932 extensions (NEC row 13, NEC-selected IBM, IBM 0xFA40-0xFC4B).
// User-defined characters (0xF040-0xF9FC) become U+FFFD and are listed in `replaced`.
[[nodiscard]] Decoding decode_shift_jis(ByteView bytes, ShiftJisFlavour flavour);

// EUC-JP: JIS X 0208 (with the CP932 rows eucJP-ms puts in the same place) and half-width
// katakana (0x8E); JIS X 0212 (0x8F) is not in our tables and is a failure.
[[nodiscard]] Decoding decode_euc_jp(ByteView bytes);

// UTF-16 without its byte order mark; surrogates must pair.
[[nodiscard]] Decoding decode_utf16(ByteView bytes, std::endian order);

// UTF-8 checked (RFC 3629: no overlong forms, no surrogates) and copied.
[[nodiscard]] Decoding check_utf8(ByteView bytes);

// ISO-8859-1: each byte is its own code point.
[[nodiscard]] Decoding decode_latin1(ByteView bytes);

}  // namespace ssmix::text
