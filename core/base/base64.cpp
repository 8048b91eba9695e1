// core/base/base64.cpp — RFC 4648 base64 with the standard alphabet and '=' padding.
#include "core/base/base64.h"

#include <array>

namespace ssmix {
namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<std::int8_t, 256> make_decode_table() {
    std::array<std::int8_t, 256> table{};
    for (auto& entry : table) entry = -1;
    for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    return table;
}
constexpr auto decode_table = make_decode_table();

}  // namespace

std::string encode_base64(ByteView bytes) {
    std::string text;
    text.resize((bytes.size() + 2) / 3 * 4);
    std::size_t in = 0, out = 0;
    for (; in + 3 <= bytes.size(); in += 3, out += 4) {
        const std::uint32_t v = std::uint32_t(bytes[in]) << 16 | std::uint32_t(bytes[in + 1]) << 8 | bytes[in + 2];
        text[out] = alphabet[v >> 18];
        text[out + 1] = alphabet[(v >> 12) & 63];
        text[out + 2] = alphabet[(v >> 6) & 63];
        text[out + 3] = alphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - in;
    if (rest > 0) {
        std::uint32_t v = std::uint32_t(bytes[in]) << 16;
        if (rest == 2) v |= std::uint32_t(bytes[in + 1]) << 8;
        text[out] = alphabet[v >> 18];
        text[out + 1] = alphabet[(v >> 12) & 63];
        text[out + 2] = rest == 2 ? alphabet[(v >> 6) & 63] : '=';
        text[out + 3] = '=';
    }
    return text;
}

std::optional<Bytes> decode_base64(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::size_t padding = 0;
    if (!text.empty() && text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
    Bytes bytes;
    bytes.resize(text.size() / 4 * 3 - padding);
    std::size_t out = 0;
    for (std::size_t in = 0; in < text.size(); in += 4) {
        const bool last = in + 4 == text.size();
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char c = text[in + k];
            int digit;
            if (c == '=' && last && k >= 4 - padding) {
                digit = 0;
            } else {
                digit = decode_table[static_cast<unsigned char>(c)];
                if (digit < 0) return std::nullopt;
            }
            v = v << 6 | std::uint32_t(digit);
        }
        const std::size_t produce = last ? 3 - padding : 3;
        for (std::size_t k = 0; k < produce; ++k) bytes[out++] = std::uint8_t(v >> (16 - 8 * k));
    }
    return bytes;
}

}  // namespace ssmix
