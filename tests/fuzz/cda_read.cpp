// tests/fuzz/cda_read.cpp — fuzzes core/cda: any bytes read without crashing, and whatever is
// read renders to HTML with no script element, no event attribute and no javascript: URL in
// any tag, and to text. The HTML is scanned tag by tag (the renderer escapes every text, so a
// '<' in the output always starts a real tag); "onerror=" inside escaped text is inert.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/cda/reader.h"
#include "core/cda/render.h"

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// True when a tag of the page is a script, has an on* attribute, or a javascript: value.
bool has_active_content(const std::string& html) {
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        std::size_t i = at + 1;
        std::string name;
        while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '/' || html[i] == '!')) name += html[i++];
        if (lower(name) == "script") return true;
        while (i < html.size() && html[i] != '>') {   // attributes: name[=value]
            while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
            std::string attribute;
            while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '=' && html[i] != '>') attribute += html[i++];
            std::string value;
            if (i < html.size() && html[i] == '=') {
                ++i;
                const char quote = i < html.size() && (html[i] == '"' || html[i] == '\'') ? html[i++] : 0;
                while (i < html.size() && (quote ? html[i] != quote : !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '>')) value += html[i++];
                if (quote && i < html.size()) ++i;
            }
            if (lower(attribute).rfind("on", 0) == 0 && attribute.size() > 2) return true;
            if (lower(value).find("javascript:") != std::string::npos) return true;
        }
        at = i;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = ssmix::cda::read_document({data, size}, "fuzz");
    if (!parsed.value) return 0;
    if (has_active_content(ssmix::cda::render_html_page(*parsed.value))) __builtin_trap();
    (void)ssmix::cda::render_text(*parsed.value);
    return 0;
}
