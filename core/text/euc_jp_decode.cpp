// core/text/euc_jp_decode.cpp — EUC-JP (JIS X 0208 in 0xA1-0xFE pairs, half-width katakana
// after SS2 0x8E, JIS X 0212 after SS3 0x8F) as Unix systems write it. JIS X 0212 is refused:
// our tables do not hold it, and guessing would show the wrong kanji.
#include "core/text/byte_decoders.h"
#include "core/text/detail/byte_names.h"
#include "core/text/jis_map.h"
#include "core/text/utf8.h"

namespace ssmix::text {
namespace {

constexpr std::uint8_t single_shift_2 = 0x8E, single_shift_3 = 0x8F;

bool is_gr(std::uint8_t b) { return b >= 0xA1 && b <= 0xFE; }

}  // namespace

Decoding decode_euc_jp(ByteView bytes) {
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
        const int next = i + 1 < bytes.size() ? bytes[i + 1] : -1;
        if (b == single_shift_2) {
            if (next < 0xA1 || next > 0xDF)
                return fail("0x8E (half-width katakana follows) is followed by " +
                            (next < 0 ? std::string("the end of the text") : detail::hex_byte(static_cast<std::uint8_t>(next))));
            append_utf8(out.utf8, 0xFF61 + (next - 0xA1));
            i += 2;
            continue;
        }
        if (b == single_shift_3)
            return fail("0x8F starts a JIS X 0212 supplementary kanji, which is not read (only JIS X 0208 and its CP932 rows are)");
        if (!is_gr(b)) return fail("byte " + detail::hex_byte(b) + " is neither a character nor the first byte of one");
        if (next < 0 || !is_gr(static_cast<std::uint8_t>(next)))
            return fail(detail::hex_byte(b) + " is followed by " +
                        (next < 0 ? std::string("the end of the text") : detail::hex_byte(static_cast<std::uint8_t>(next))) +
                        ", which cannot be the second byte of a character");
        const auto decoded = jis_to_unicode(static_cast<std::uint8_t>(b - 0x80), static_cast<std::uint8_t>(next - 0x80));
        if (!decoded) return fail("the two-byte code " + detail::hex_pair(b, static_cast<std::uint8_t>(next)) + " has no character");
        append_utf8(out.utf8, decoded->cp);
        i += 2;
    }
    return out;
}

}  // namespace ssmix::text
