// core/fhir/xhtml.h — a section's narrative (Narrative.div) as FHIR wants it: one XHTML <div>
// in the XHTML namespace with only basic HTML (txt-1, txt-2: no script, no event attributes,
// no ids needed). Built from the same pieces as the CDA letter's narrative: the letter's
// paragraphs and core/clinical's record tables, so the two forms say the same thing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clinical/record_tables.h"

namespace ssmix::fhir {

// Blank lines separate paragraphs (<p>), single line breaks become <br/>; text is escaped.
[[nodiscard]] std::string paragraphs_html(std::string_view free_text);
// <table> with a <thead> of the column labels and a row per table row (rowspan kept).
[[nodiscard]] std::string table_html(const clinical::RecordTable& table, Language language = Language::ja);
// <p> with one line of text.
[[nodiscard]] std::string paragraph_html(std::string_view text);

// Wraps pieces of XHTML in the narrative's <div xmlns="http://www.w3.org/1999/xhtml">.
[[nodiscard]] std::string narrative_div(const std::vector<std::string>& parts);

}  // namespace ssmix::fhir
