// core/cda/reader.h — reads a CDA R2 document (pugixml) as inert data. Safe by construction:
// pugixml does not process DTDs, so a DOCTYPE's entities are never expanded and nothing
// external is ever loaded; references (nonXMLBody, observationMedia, linkHtml) are kept as
// text and never followed; the narrative keeps only CDA's own elements and attributes; size
// and nesting depth are bounded. Whatever is dropped is reported as a warning with its XPath.
// Documents in Shift_JIS, EUC-JP, ISO-2022-JP or UTF-16 are decoded first (core/text/xml_encoding.h).
#pragma once

#include <string>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/cda/document.h"

namespace ssmix::cda {

inline constexpr std::size_t max_document_bytes = 64u << 20;
inline constexpr int max_nesting = 100;   // sections and narrative elements

// `name` names the document in diagnostics (a file path). An error and no value when the
// bytes are not well-formed XML or not a ClinicalDocument.
[[nodiscard]] Parsed<Document> read_document(ByteView bytes, const std::string& name);

}  // namespace ssmix::cda
