// core/cda/render_common.h — what the HTML and text renderings share: the header's labels
// and formats, so both say the same thing in the same words.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/cda/document.h"

namespace ssmix::cda::detail {

[[nodiscard]] std::string display_sex(const std::string& gender);

// The header as (label, value) rows in reading order, empty values left out.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> header_rows(const Document& document);

[[nodiscard]] std::string party_text(const Party& party);

// The document's title, or its code's display name, or a generic title.
[[nodiscard]] std::string document_title(const Document& document);

// Footnotes numbered in document order, by their ID (those without an ID get a number too).
struct FootnoteNumbers {
    std::vector<std::pair<std::string, int>> by_id;
    [[nodiscard]] int find(const std::string& id) const;
};

}  // namespace ssmix::cda::detail
