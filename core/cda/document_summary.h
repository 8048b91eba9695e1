// core/cda/document_summary.h — how a document is named and introduced wherever it is shown:
// its title, its people, its header as labelled rows. The HTML and text renderings, the
// viewer, the disc's static page and its XDM metadata all say the same thing in the same words.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/cda/document.h"

namespace ssmix::cda {

// The document's title, or its code's display name, or a generic title.
[[nodiscard]] std::string document_title(const Document& document);

// An author, recipient or custodian on one line: organization, department, person.
[[nodiscard]] std::string party_text(const Party& party);

// The header as (label, value) rows in reading order, empty values left out.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> header_rows(const Document& document);

}  // namespace ssmix::cda
