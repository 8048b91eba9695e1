// core/dicom/text.cpp — split the value into runs the ISO-2022-JP decoder reads (7-bit) and
// runs of G1 katakana bytes (0xA1–0xDF), which map straight to U+FF61–U+FF9F.
#include "core/dicom/text.h"

#include <vector>

#include "core/text/iso2022jp.h"
#include "core/text/jis_map.h"
#include "core/text/utf8.h"

namespace ssmix::dicom {
namespace {

bool mentions(std::string_view charset, std::string_view term) { return charset.find(term) != std::string_view::npos; }

bool is_valid_utf8(std::string_view value) {
    for (std::size_t at = 0; at < value.size();) {
        const std::size_t before = at;
        if (text::next_code_point(value, at) == text::replacement_character &&
            value.substr(before, 3) != "\xEF\xBF\xBD")
            return false;
    }
    return true;
}

std::string latin1_to_utf8(std::string_view value) {
    std::string out;
    for (unsigned char c : value) text::append_utf8(out, c);
    return out;
}

std::string japanese_to_utf8(std::string_view value) {
    std::string out, run;
    auto flush = [&] {
        if (run.empty()) return;
        out += text::decode_iso2022jp(as_bytes(run), {}).utf8;
        run.clear();
    };
    for (std::size_t at = 0; at < value.size(); ++at) {
        const auto byte = static_cast<unsigned char>(value[at]);
        if (value.substr(at, 3) == "\x1B)I") {   // designates katakana to G1: nothing to print
            at += 2;
        } else if (byte >= 0xA1 && byte <= 0xDF) {
            flush();
            text::append_utf8(out, U'\uFF61' + (byte - 0xA1));
        } else if (byte >= 0x80) {
            flush();
            text::append_utf8(out, text::replacement_character);
        } else {
            run += value[at];
        }
    }
    flush();
    return out;
}

}  // namespace

std::string to_utf8(std::string_view value, std::string_view charset) {
    if (mentions(charset, "IR 87") || mentions(charset, "IR 13")) return japanese_to_utf8(value);
    if (mentions(charset, "IR 100")) return latin1_to_utf8(value);
    if (is_valid_utf8(value)) return std::string(value);   // ISO_IR 192, ASCII, or unlabelled UTF-8
    return latin1_to_utf8(value);   // unlabelled 8-bit text: Latin-1 is the usual culprit
}

EncodedText from_utf8(std::string_view utf8) {
    // With half-width katakana the value starts as ISO 2022 IR 13 does (PS3.5 H.3.2): G0 JIS X
    // 0201 romaji, left with ESC ( J; G1 its katakana, already in place. Else G0 is ASCII.
    bool katakana = false;
    for (std::size_t at = 0; at < utf8.size();) {
        const char32_t cp = text::next_code_point(utf8, at);
        katakana = katakana || (cp >= 0xFF61 && cp <= 0xFF9F);
    }
    const char* back_to_g0 = katakana ? "\x1B(J" : "\x1B(B";
    EncodedText out;
    bool kanji = false, in_jis = false;
    for (std::size_t at = 0; at < utf8.size();) {
        const std::size_t start = at;
        const char32_t cp = text::next_code_point(utf8, at);
        if (cp < 0x80 || (cp >= 0xFF61 && cp <= 0xFF9F)) {
            if (in_jis) out.value += back_to_g0, in_jis = false;
            out.value += static_cast<char>(cp < 0x80 ? cp : 0xA1 + (cp - 0xFF61));
        } else if (const auto jis = text::unicode_to_jis(cp)) {
            if (!in_jis) out.value += "\x1B$B", in_jis = true;
            out.value += static_cast<char>(*jis >> 8);
            out.value += static_cast<char>(*jis & 0xFF);
            kanji = true;
        } else {
            out.unencodable.emplace_back(utf8.substr(start, at - start));
        }
    }
    if (in_jis) out.value += back_to_g0;
    if (katakana) out.specific_character_set = kanji ? "ISO 2022 IR 13\\ISO 2022 IR 87" : "ISO 2022 IR 13";
    else if (kanji) out.specific_character_set = "\\ISO 2022 IR 87";
    return out;
}

std::string display_person_name(std::string_view person_name) {
    std::vector<std::string> groups(1);
    for (char c : person_name) {
        if (c == '=') groups.emplace_back();
        else groups.back() += c == '^' ? ' ' : c;
    }
    for (auto& g : groups)
        while (!g.empty() && g.back() == ' ') g.pop_back();
    const std::string& main = groups.size() > 1 && !groups[1].empty() ? groups[1] : groups[0];
    if (groups.size() > 2 && !groups[2].empty()) return main + "（" + groups[2] + "）";
    return main;
}

}  // namespace ssmix::dicom
