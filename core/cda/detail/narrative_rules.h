// core/cda/detail/narrative_rules.h — the safety rules every narrative reader applies (CDA
// section/text, FHIR Narrative.div): which elements are active content to drop whole, which
// ID values are kept, how far a table cell may span.
#pragma once

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>

namespace ssmix::cda::detail {

// Elements whose content is never wanted as text: dropped whole. Other unknown elements are
// unwrapped (their text kept).
inline bool is_active_content(std::string_view name) {
    static const std::set<std::string_view> active = {"script", "style", "iframe", "frame", "frameset", "object", "embed",
                                                      "applet", "form", "input", "button", "textarea", "select", "meta",
                                                      "link", "base", "svg", "math", "template"};
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return active.count(lower) > 0;
}

// An ID or link target that is safe to echo into an id attribute or "#..." href.
inline bool is_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':';
    });
}

// colspan / rowspan: 1..1000; anything not a small number is 1.
inline unsigned span_value(std::string_view text) {
    if (text.empty() || text.size() > 3 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return 1;
    return std::clamp(static_cast<unsigned>(std::stoul(std::string(text))), 1u, 1000u);
}

}  // namespace ssmix::cda::detail
