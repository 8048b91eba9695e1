// core/hl7/parse.h — parse_message(): bytes of one message to a Message. Accepts segment
// terminators CR, CRLF or LF, a leading 0x0B and a trailing 0x1C (MLLP bytes left in files),
// takes the delimiters from MSH, and splits fields with the ISO 2022 shift state tracked.
// Problems become diagnostics (file, segment number, field); a message is returned whenever
// an MSH segment could be read.
#pragma once

#include <string>

#include "core/base/diagnostic.h"
#include "core/hl7/message.h"

namespace ssmix::hl7 {

[[nodiscard]] Parsed<Message> parse_message(ByteView bytes, const std::string& name);

// Checks every field's text for encoding problems (invalid bytes, unclosed JIS runs, CP932
// characters) and returns them with their places. Separate from parsing because it costs a
// decode of every field; `ssmix check` and ingest use it.
[[nodiscard]] std::vector<Diagnostic> check_encoding(const Message& message);

}  // namespace ssmix::hl7
