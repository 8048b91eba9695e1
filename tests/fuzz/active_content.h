// tests/fuzz/active_content.h — the fuzz targets' check of a rendered page: no script element,
// no event attribute and no javascript: URL in any tag. The HTML is scanned tag by tag (the
// renderers escape every text, so a '<' in the output always starts a real tag); "onerror="
// inside escaped text is inert.
#pragma once

#include <cctype>
#include <cstddef>
#include <string>

namespace fuzz {

inline std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// True when a tag of the page is a script, has an on* attribute, or a javascript: value.
inline bool has_active_content(const std::string& html) {
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

}  // namespace fuzz
