// core/hl7/escape.h — HL7 v2.5 escape sequences (ch. 2.7): \F\ \S\ \T\ \R\ \E\ for the
// delimiters, \X..\ hex data, \.br\ line break, \H\ \N\ highlighting. Recognised only in
// ASCII mode: inside a JIS run a backslash byte is half of a kanji.
#pragma once

#include <string>
#include <string_view>

#include "core/base/bytes.h"
#include "core/hl7/message.h"

namespace ssmix::hl7 {

// Resolves escapes; the result is still ISO-2022-JP bytes. Unknown escapes are kept as written.
[[nodiscard]] Bytes unescape(ByteView raw, const Delimiters& delimiters);

// Escapes the delimiter characters in UTF-8 text (before it is encoded), and line breaks as \.br\.
[[nodiscard]] std::string escape(std::string_view utf8, const Delimiters& delimiters);

}  // namespace ssmix::hl7
