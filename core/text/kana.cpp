// core/text/kana.cpp — the 63 half-width forms in code point order, and the voicing rules of
// the katakana syllabary (dakuten: カ->ガ, ウ->ヴ; handakuten: ハ->パ).
#include "core/text/kana.h"

#include <array>
#include <string_view>

#include "core/text/utf8.h"

namespace ssmix::text {
namespace {

constexpr std::string_view fullwidth_forms =
    "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ"
    "マミムメモヤユヨラリルレロワン゛゜";

const std::array<char32_t, 63>& fullwidth_table() {
    static const std::array<char32_t, 63> table = [] {
        std::array<char32_t, 63> t{};
        std::size_t at = 0;
        for (auto& cp : t) cp = next_code_point(fullwidth_forms, at);
        return t;
    }();
    return table;
}

// The voiced form of each of these is the next code point (ガ = カ + 1 ...).
bool takes_dakuten(char32_t cp) {
    return std::u32string_view(U"カキクケコサシスセソタチツテトハヒフヘホ").find(cp) != std::u32string_view::npos;
}

// The semi-voiced form is two code points on (パ = ハ + 2).
bool takes_handakuten(char32_t cp) { return std::u32string_view(U"ハヒフヘホ").find(cp) != std::u32string_view::npos; }

}  // namespace

std::string to_fullwidth_katakana(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    char32_t pending = 0;   // a converted kana that a following voiced mark may still change
    auto flush = [&] {
        if (pending) append_utf8(out, pending);
        pending = 0;
    };
    for (std::size_t at = 0; at < utf8.size();) {
        const char32_t cp = next_code_point(utf8, at);
        if (!is_halfwidth_katakana(cp)) {
            flush();
            append_utf8(out, cp);
            continue;
        }
        const char32_t full = fullwidth_table()[cp - 0xFF61];
        if (full == U'゛' && pending && (takes_dakuten(pending) || pending == U'ウ')) {
            pending = pending == U'ウ' ? U'ヴ' : pending + 1;
            flush();
        } else if (full == U'゜' && pending && takes_handakuten(pending)) {
            pending += 2;
            flush();
        } else {
            flush();
            pending = full;
        }
    }
    flush();
    return out;
}

}  // namespace ssmix::text
