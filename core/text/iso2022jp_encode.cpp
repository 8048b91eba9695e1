// core/text/iso2022jp_encode.cpp — strict writer: only ASCII and JIS X 0208, ESC ( B at the end
// so a delimiter or CR written next is always in ASCII mode.
#include <cstdio>

#include "core/text/iso2022jp.h"
#include "core/text/jis_map.h"
#include "core/text/kana.h"
#include "core/text/utf8.h"

namespace ssmix::text {
namespace {

constexpr std::uint16_t black_square = 0x2223;   // ■, SS-MIX2's mark for a character it cannot hold

std::string describe(char32_t cp) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    std::string text = "\"";
    append_utf8(text, cp);
    return text + "\" (" + code + ")";
}

class Encoder {
public:
    explicit Encoder(const Place& place) : place_(place) {}

    void text(std::string_view utf8) {
        for (std::size_t at = 0; at < utf8.size();) character(next_code_point(utf8, at));
    }

    EncodedText finish() {
        ascii();
        return std::move(out_);
    }

    void warn(std::string code, std::string message) {
        out_.diagnostics.push_back({Severity::warning, place_, std::move(code), std::move(message)});
    }

private:
    void character(char32_t cp) {
        if (cp < 0x80) {
            ascii();
            out_.bytes.push_back(static_cast<std::uint8_t>(cp));
        } else if (const auto jis = unicode_to_jis(cp)) {
            kanji(*jis);
        } else if (const auto replacement = nho_replacement(cp)) {
            warn("text.encode.cp932_replaced",
                 describe(cp) + " is not in JIS X 0208; written as \"" + std::string(*replacement) + "\" (NHO table)");
            text(*replacement);
        } else {
            warn("text.encode.unmappable", describe(cp) + " cannot be written in ISO-2022-JP; written as ■");
            kanji(black_square);
        }
    }

    void ascii() {
        if (!in_kanji_) return;
        out_.bytes.insert(out_.bytes.end(), {0x1B, '(', 'B'});
        in_kanji_ = false;
    }

    void kanji(std::uint16_t code) {
        if (!in_kanji_) out_.bytes.insert(out_.bytes.end(), {0x1B, '$', 'B'});
        in_kanji_ = true;
        out_.bytes.push_back(static_cast<std::uint8_t>(code >> 8));
        out_.bytes.push_back(static_cast<std::uint8_t>(code & 0xFF));
    }

    const Place& place_;
    EncodedText out_;
    bool in_kanji_ = false;
};

}  // namespace

EncodedText encode_iso2022jp(std::string_view utf8, const Place& place) {
    Encoder encoder(place);
    bool has_halfwidth = false;
    for (std::size_t at = 0; at < utf8.size() && !has_halfwidth;) has_halfwidth = is_halfwidth_katakana(next_code_point(utf8, at));
    if (has_halfwidth) {
        encoder.warn("text.encode.halfwidth_kana", "half-width katakana written as full-width");
        encoder.text(to_fullwidth_katakana(utf8));
    } else {
        encoder.text(utf8);
    }
    return encoder.finish();
}

}  // namespace ssmix::text
