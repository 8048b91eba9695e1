// core/cda/render_common.h — what the HTML and text renderings share besides the document's
// summary (document_summary.h): footnote numbering.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/cda/document.h"

namespace ssmix::cda::detail {

// Footnotes numbered in document order, by their ID (those without an ID get a number too).
struct FootnoteNumbers {
    std::vector<std::pair<std::string, int>> by_id;
    [[nodiscard]] int find(const std::string& id) const;
};

}  // namespace ssmix::cda::detail
