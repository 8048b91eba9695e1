// core/cda/narrative.h — the CDA narrative block (section/text) as data: exactly the elements
// and attributes CDA R2 allows (shared/research/cda.md §1.5, NarrativeBlock.xsd). Anything else
// never gets this far: the reader drops it and says so. Text is UTF-8.
#pragma once

#include <string>
#include <vector>

namespace ssmix::cda {

enum class NodeKind {
    text,          // character data
    paragraph, content, list, item, caption,
    table, colgroup, col, thead, tbody, tfoot, tr, th, td,
    br, sub, sup,
    footnote,      // the note itself, shown where it stands and collected at the end
    footnote_ref,  // `target` names a footnote's ID
    link,          // linkHtml: `target` is an ID inside this document, or empty (link dropped)
    multimedia,    // renderMultiMedia: `target` names observationMedia IDs (space separated)
};

struct NarrativeNode {
    NodeKind kind = NodeKind::text;
    std::string text;           // NodeKind::text only
    std::string id;             // ID attribute
    std::vector<std::string> styles;   // styleCode tokens (Bold, Italics, Underline, Emphasis, ...)
    bool deleted = false;       // content revised="delete"
    bool inserted = false;      // content revised="insert"
    bool ordered = false;       // list listType="ordered"
    unsigned colspan = 1, rowspan = 1;
    std::string target;         // footnote_ref, link, multimedia
    std::vector<NarrativeNode> children;
};

}  // namespace ssmix::cda
