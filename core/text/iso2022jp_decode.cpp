// core/text/iso2022jp_decode.cpp — a byte-level state machine over the four character sets
// Japanese systems switch between. Each kind of leniency is reported once per call.
#include <cstdio>

#include "core/text/iso2022jp.h"
#include "core/text/jis_map.h"
#include "core/text/utf8.h"

namespace ssmix::text {
namespace {

constexpr std::uint8_t esc = 0x1B;

enum class Mode { ascii, jis_roman, kanji, halfwidth_kana };

std::string hex_byte(std::uint8_t b) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", b);
    return text;
}

std::string code_point_name(char32_t cp) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(cp));
    std::string name;
    append_utf8(name, cp);
    return name + " (" + text + ")";
}

class Decoder {
public:
    Decoder(ByteView bytes, const Place& place, std::size_t base) : bytes_(bytes), place_(place), base_(base) {}

    DecodedText run() {
        out_.utf8.reserve(bytes_.size() * 3 / 2);
        std::size_t i = 0;
        while (i < bytes_.size()) {
            const std::uint8_t b = bytes_[i];
            if (b == esc) {
                i = escape(i);
            } else if (b >= 0x80) {
                i = invalid_run(i);
            } else if (mode_ == Mode::kanji) {
                i = kanji(i);
            } else if (mode_ == Mode::halfwidth_kana) {
                i = kana(i);
            } else {
                // A run of plain ASCII (or JIS Roman) bytes, appended at once.
                std::size_t end = i + 1;
                while (end < bytes_.size() && bytes_[end] < 0x80 && bytes_[end] != esc) ++end;
                out_.utf8.append(reinterpret_cast<const char*>(bytes_.data()) + i, end - i);
                i = end;
            }
        }
        if (mode_ == Mode::kanji || mode_ == Mode::halfwidth_kana)
            report(Severity::warning, bytes_.size(), "text.jis.unclosed",
                   "text ends in JIS mode: ESC ( B is missing before the end");
        return std::move(out_);
    }

private:
    void report(Severity severity, std::size_t at, std::string code, std::string message) {
        Place where = place_;
        where.where += (where.where.empty() ? "" : ", ") + std::string("byte ") + std::to_string(base_ + at);
        out_.diagnostics.push_back({severity, std::move(where), std::move(code), std::move(message)});
    }

    void report_once(bool& reported, Severity severity, std::size_t at, std::string code, std::string message) {
        if (reported) return;
        reported = true;
        report(severity, at, std::move(code), std::move(message));
    }

    std::size_t escape(std::size_t i) {
        auto next = [&](std::size_t k) -> int { return i + k < bytes_.size() ? bytes_[i + k] : -1; };
        if (next(1) == '$' && next(2) == 'B') return switch_to(Mode::kanji, i + 3);
        if (next(1) == '(' && next(2) == 'B') return switch_to(Mode::ascii, i + 3);
        if (next(1) == '$' && next(2) == '@') {
            report_once(warned_1978_, Severity::warning, i, "text.jis.esc_1978",
                        "ESC $ @ (JIS C 6226-1978) read as JIS X 0208; SS-MIX2 uses ESC $ B");
            return switch_to(Mode::kanji, i + 3);
        }
        if (next(1) == '(' && next(2) == 'J') {
            report_once(warned_roman_, Severity::warning, i, "text.jis.roman",
                        "ESC ( J (JIS X 0201 Roman) read as ASCII; SS-MIX2 uses ESC ( B");
            return switch_to(Mode::jis_roman, i + 3);
        }
        if (next(1) == '(' && next(2) == 'I') {
            report_once(warned_kana_, Severity::warning, i, "text.jis.halfwidth_kana",
                        "half-width katakana (ESC ( I), which SS-MIX2 does not allow");
            return switch_to(Mode::halfwidth_kana, i + 3);
        }
        report(Severity::error, i, "text.jis.unknown_escape",
               "unknown or unsupported escape sequence (only ESC $ B, ESC $ @, ESC ( B, ESC ( J, ESC ( I are read)");
        out_.utf8 += "\xEF\xBF\xBD";
        return i + 1;
    }

    std::size_t switch_to(Mode mode, std::size_t next) {
        mode_ = mode;
        return next;
    }

    std::size_t invalid_run(std::size_t i) {
        std::size_t end = i;
        std::string listed;
        while (end < bytes_.size() && bytes_[end] >= 0x80) {
            if (end - i < 8) listed += (listed.empty() ? "" : " ") + hex_byte(bytes_[end]);
            out_.utf8 += "\xEF\xBF\xBD";
            ++end;
        }
        if (end - i > 8) listed += " ...";
        report(Severity::error, i, "text.jis.invalid_byte",
               "8-bit byte" + std::string(end - i > 1 ? "s " : " ") + listed +
                   " not allowed in ISO-2022-JP (Shift_JIS or EUC-JP text?)");
        return end;
    }

    std::size_t kanji(std::size_t i) {
        const std::uint8_t first = bytes_[i];
        if (first < 0x21 || first > 0x7E) {
            // A control character or space inside a JIS run: the sender forgot ESC ( B.
            report_once(warned_unclosed_, Severity::error, i, "text.jis.unclosed",
                        "JIS run not closed before " + hex_byte(first) + " (ESC ( B missing)");
            mode_ = Mode::ascii;
            out_.utf8 += static_cast<char>(first);
            return i + 1;
        }
        if (i + 1 >= bytes_.size() || bytes_[i + 1] < 0x21 || bytes_[i + 1] > 0x7E) {
            report(Severity::error, i, "text.jis.odd_byte", "JIS run has an odd number of bytes");
            out_.utf8 += "\xEF\xBF\xBD";
            return i + 1;
        }
        const std::uint8_t second = bytes_[i + 1];
        const auto decoded = jis_to_unicode(first, second);
        if (!decoded) {
            report(Severity::error, i, "text.jis.unassigned",
                   "JIS code " + hex_byte(first) + hex_byte(second).substr(2) + " has no character (vendor gaiji?)");
            out_.utf8 += "\xEF\xBF\xBD";
        } else {
            if (decoded->source != JisSource::jis0208)
                report(Severity::warning, i, "text.jis.cp932_extension",
                       "Windows (CP932) extension character " + code_point_name(decoded->cp) +
                           " is outside JIS X 0208, which SS-MIX2 requires");
            append_utf8(out_.utf8, decoded->cp);
        }
        return i + 2;
    }

    std::size_t kana(std::size_t i) {
        const std::uint8_t b = bytes_[i];
        if (b >= 0x21 && b <= 0x5F) {
            append_utf8(out_.utf8, 0xFF61 + (b - 0x21));
            return i + 1;
        }
        report_once(warned_unclosed_, Severity::error, i, "text.jis.unclosed",
                    "half-width katakana run not closed before " + hex_byte(b) + " (ESC ( B missing)");
        mode_ = Mode::ascii;
        out_.utf8 += static_cast<char>(b);
        return i + 1;
    }

    ByteView bytes_;
    const Place& place_;
    std::size_t base_;
    Mode mode_ = Mode::ascii;
    DecodedText out_;
    bool warned_1978_ = false, warned_roman_ = false, warned_kana_ = false, warned_unclosed_ = false;
};

}  // namespace

bool is_plain_ascii(ByteView bytes) {
    for (auto b : bytes)
        if (b >= 0x80 || b == esc) return false;
    return true;
}

DecodedText decode_iso2022jp(ByteView bytes, const Place& place, std::size_t base_offset) {
    if (is_plain_ascii(bytes)) return {std::string(as_text(bytes)), {}};
    return Decoder(bytes, place, base_offset).run();
}

}  // namespace ssmix::text
