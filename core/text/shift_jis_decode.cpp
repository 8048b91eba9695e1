// core/text/shift_jis_decode.cpp — Shift_JIS (JIS X 0208 Annex 1) and its Windows superset
// CP932 / Windows-31J. A double-byte code is turned back into JIS row and cell by the Annex's
// arithmetic and looked up in the JIS tables; leads 0xF0-0xF9 are the user-defined area and
// 0xFA-0xFC the IBM extensions, which CP932 counts on as rows 95-120.
#include "core/text/byte_decoders.h"
#include "core/text/detail/byte_names.h"
#include "core/text/jis_map.h"
#include "core/text/utf8.h"

namespace ssmix::text {
namespace {

bool is_lead(std::uint8_t b) { return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC); }
bool is_trail(std::uint8_t b) { return b >= 0x40 && b <= 0xFC && b != 0x7F; }
bool is_halfwidth_kana_byte(std::uint8_t b) { return b >= 0xA1 && b <= 0xDF; }

// CP932 gives these JIS X 0208 characters other code points than JIS does.
char32_t windows_code_point(char32_t cp) {
    switch (cp) {
    case U'\u301C': return U'\uFF5E';   // 〜 -> ～
    case U'\u2016': return U'\u2225';   // ‖ -> ∥
    case U'\u2212': return U'\uFF0D';   // − -> －
    case U'\u00A2': return U'\uFFE0';   // ¢
    case U'\u00A3': return U'\uFFE1';   // £
    case U'\u00AC': return U'\uFFE2';   // ¬
    default: return cp;
    }
}

}  // namespace

Decoding decode_shift_jis(ByteView bytes, ShiftJisFlavour flavour) {
    Decoding out;
    out.utf8.reserve(bytes.size() * 3 / 2);
    std::size_t i = 0;
    auto fail = [&](std::string message) {
        out.failure = ByteProblem{i, std::move(message)};
        return std::move(out);
    };
    while (i < bytes.size()) {
        const std::uint8_t b = bytes[i];
        if (b < 0x80) {
            i = detail::append_ascii_run(out.utf8, bytes, i);
            continue;
        }
        if (is_halfwidth_kana_byte(b)) {
            append_utf8(out.utf8, 0xFF61 + (b - 0xA1));
            ++i;
            continue;
        }
        if (!is_lead(b)) return fail("byte " + detail::hex_byte(b) + " is neither a character nor the first byte of one");
        if (i + 1 >= bytes.size()) return fail("the text ends after " + detail::hex_byte(b) + ", the first byte of a two-byte character");
        const std::uint8_t t = bytes[i + 1];
        if (!is_trail(t))
            return fail(detail::hex_byte(b) + " is followed by " + detail::hex_byte(t) + ", which cannot be the second byte of a character");
        // JIS X 0208 Annex 1, backwards: each lead byte holds two rows.
        unsigned row = 2u * (b - (b <= 0x9F ? 0x81u : 0xC1u)) + 1;
        unsigned cell;
        if (t >= 0x9F) {
            ++row;
            cell = t - 0x9Eu;
        } else {
            cell = t - (t <= 0x7E ? 0x3Fu : 0x40u);
        }
        if (row >= 95 && row <= 114) {
            out.replaced.push_back({i, "user-defined character (gaiji) " + detail::hex_pair(b, t) +
                                           ": only the sending system knows what it shows; read as U+FFFD"});
            append_utf8(out.utf8, replacement_character);
            i += 2;
            continue;
        }
        const auto decoded = cp932_to_unicode(row, cell);
        if (!decoded) return fail("the two-byte code " + detail::hex_pair(b, t) + " has no character");
        append_utf8(out.utf8, flavour == ShiftJisFlavour::windows && decoded->source == JisSource::jis0208
                                  ? windows_code_point(decoded->cp) : decoded->cp);
        i += 2;
    }
    return out;
}

}  // namespace ssmix::text
