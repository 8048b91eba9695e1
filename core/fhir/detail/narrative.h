// core/fhir/detail/narrative.h — a FHIR section's narrative as the CDA narrative model, so the
// CDA renderers draw it: Narrative.div read through an allow-list of basic XHTML, or, for a
// section without one, a narrative built from its entries with core/clinical's record tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/language.h"
#include "core/cda/narrative.h"
#include "core/clinical/record_tables.h"

namespace ssmix::fhir::detail {

// The XHTML of a Narrative.div as narrative nodes. Kept: p, div, span, b, strong, i, em, u, ul,
// ol, li, table and its parts (colspan, rowspan), br, sub, sup, h1-h6 (bold paragraphs), and a
// with href "#id" (any other href: the link is dropped, its text kept). Dropped whole: script,
// style, img, iframe, object ... Other elements are unwrapped (text kept); event and style
// attributes are dropped. Each drop is a warning at `at` (the div's JSON path) + element path.
[[nodiscard]] std::vector<cda::NarrativeNode> read_xhtml(std::string_view div, const Place& at, std::vector<Diagnostic>& diagnostics);

// A record table as a narrative <table> (a header row of column labels, rowspans kept).
[[nodiscard]] cda::NarrativeNode table_node(const clinical::RecordTable& table, Language language);
// A paragraph holding one line of text.
[[nodiscard]] cda::NarrativeNode paragraph_node(std::string text);

}  // namespace ssmix::fhir::detail
