// core/text/detail/byte_names.h — how the decoders name bytes in their messages ("0x8E"), and
// the ASCII runs every Japanese byte encoding shares. Internal to core/text.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/base/bytes.h"

namespace ssmix::text::detail {

[[nodiscard]] inline std::string hex_byte(std::uint8_t b) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", b);
    return text;
}

[[nodiscard]] inline std::string hex_pair(std::uint8_t first, std::uint8_t second) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X%02X", first, second);
    return text;
}

// Shift_JIS and EUC-JP leave bytes below 0x80 as ASCII: the run starting at `at` is copied to
// `out` as it is; returns where it ends.
inline std::size_t append_ascii_run(std::string& out, ByteView bytes, std::size_t at) {
    std::size_t end = at;
    while (end < bytes.size() && bytes[end] < 0x80) ++end;
    out.append(as_text(bytes.subspan(at, end - at)));
    return end;
}

}  // namespace ssmix::text::detail
