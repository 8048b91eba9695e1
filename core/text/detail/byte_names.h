// core/text/detail/byte_names.h — how the decoders name bytes in their messages ("0x8E").
// Internal to core/text.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

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

}  // namespace ssmix::text::detail
