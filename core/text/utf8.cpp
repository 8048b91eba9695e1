// core/text/utf8.cpp — RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
#include "core/text/utf8.h"

namespace ssmix::text {

void append_utf8(std::string& out, char32_t cp) {
    char bytes[4];
    std::size_t n;
    if (cp < 0x80) {
        bytes[0] = static_cast<char>(cp);
        n = 1;
    } else if (cp < 0x800) {
        bytes[0] = static_cast<char>(0xC0 | (cp >> 6));
        bytes[1] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        bytes[0] = static_cast<char>(0xE0 | (cp >> 12));
        bytes[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        bytes[2] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        bytes[0] = static_cast<char>(0xF0 | (cp >> 18));
        bytes[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        bytes[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        bytes[3] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 4;
    }
    out.append(bytes, n);
}

char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
        ++at;
        return lead;
    }
    int length = 0;
    char32_t cp = 0, minimum = 0;
    if ((lead >> 5) == 0x6) length = 2, cp = lead & 0x1F, minimum = 0x80;
    else if ((lead >> 4) == 0xE) length = 3, cp = lead & 0x0F, minimum = 0x800;
    else if ((lead >> 3) == 0x1E) length = 4, cp = lead & 0x07, minimum = 0x10000;
    if (length == 0 || at + length > text.size()) {
        ++at;
        return replacement_character;
    }
    for (int k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[at + k]);
        if ((next >> 6) != 0x2) {
            ++at;
            return replacement_character;
        }
        cp = cp << 6 | (next & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++at;
        return replacement_character;
    }
    at += length;
    return cp;
}

}  // namespace ssmix::text
