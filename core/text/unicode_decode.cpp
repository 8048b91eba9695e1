// core/text/unicode_decode.cpp — UTF-8 checked, UTF-16 of either byte order, and Latin-1, each
// to UTF-8, with the first bad byte's offset (RFC 3629, RFC 2781).
#include "core/text/byte_decoders.h"
#include "core/text/detail/byte_names.h"
#include "core/text/utf8.h"

namespace ssmix::text {

Decoding check_utf8(ByteView bytes) {
    Decoding out;
    const std::string_view text = as_text(bytes);
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = at;
        // next_code_point yields U+FFFD for a bad sequence; a real U+FFFD is EF BF BD.
        if (next_code_point(text, at) == replacement_character && text.substr(start, 3) != "\xEF\xBF\xBD") {
            out.utf8.assign(text.substr(0, start));
            out.failure = ByteProblem{start, "byte " + detail::hex_byte(bytes[start]) + " does not start a valid UTF-8 sequence here"};
            return out;
        }
    }
    out.utf8.assign(text);
    return out;
}

Decoding decode_utf16(ByteView bytes, std::endian order) {
    Decoding out;
    out.utf8.reserve(bytes.size() * 3 / 2);
    auto unit = [&](std::size_t at) -> char32_t {
        return order == std::endian::little ? bytes[at] | bytes[at + 1] << 8 : bytes[at] << 8 | bytes[at + 1];
    };
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            out.failure = ByteProblem{i, "a UTF-16 low surrogate without a high surrogate before it"};
            return out;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            const char32_t low = i + 3 < bytes.size() ? unit(i + 2) : 0;
            if (low < 0xDC00 || low > 0xDFFF) {
                out.failure = ByteProblem{i, "a UTF-16 high surrogate without a low surrogate after it"};
                return out;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        }
        append_utf8(out.utf8, cp);
    }
    if (i < bytes.size()) out.failure = ByteProblem{i, "an odd number of bytes: UTF-16 has two per unit"};
    return out;
}

Decoding decode_latin1(ByteView bytes) {
    Decoding out;
    out.utf8.reserve(bytes.size() * 2);
    for (const auto b : bytes) append_utf8(out.utf8, b);
    return out;
}

}  // namespace ssmix::text
