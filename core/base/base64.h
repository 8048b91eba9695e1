// core/base/base64.h — base64 (RFC 4648 §4, with padding): how the viewer data bundle
// carries binary chunks inside classic <script> files (the one thing file:// pages may load),
// and how CDA carries inline media (B64).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/bytes.h"

namespace ssmix {

[[nodiscard]] std::string encode_base64(ByteView bytes);

// Empty when the text is not canonical padded base64 (wrong length or alphabet).
[[nodiscard]] std::optional<Bytes> decode_base64(std::string_view text);

}  // namespace ssmix
