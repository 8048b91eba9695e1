// core/fhir/narrative_reader.cpp — Narrative.div is XHTML (FHIR txt-1: basic HTML only); it is
// parsed with pugixml (no DTD, no entities beyond the five predefined, nothing loaded) and
// copied into the CDA narrative model element by element through an allow-list. The safety
// rules (active content, ID syntax, span limits) are the CDA reader's own.
#include "core/fhir/detail/narrative.h"

#include <pugixml.hpp>

#include <map>
#include <set>

#include "core/cda/detail/narrative_rules.h"
#include "core/cda/reader.h"

namespace ssmix::fhir::detail {
namespace {

using cda::NarrativeNode;
using cda::NodeKind;

struct Mapping {
    NodeKind kind;
    const char* style = nullptr;   // the styleCode this element stands for
};

const std::map<std::string, Mapping, std::less<>>& allowed_elements() {
    static const std::map<std::string, Mapping, std::less<>> elements = {
        {"p", {NodeKind::paragraph}},       {"span", {NodeKind::content}},   {"b", {NodeKind::content, "Bold"}},
        {"strong", {NodeKind::content, "Bold"}}, {"i", {NodeKind::content, "Italics"}}, {"em", {NodeKind::content, "Italics"}},
        {"u", {NodeKind::content, "Underline"}}, {"ul", {NodeKind::list}},    {"ol", {NodeKind::list}},
        {"li", {NodeKind::item}},           {"table", {NodeKind::table}},    {"caption", {NodeKind::caption}},
        {"colgroup", {NodeKind::colgroup}}, {"col", {NodeKind::col}},        {"thead", {NodeKind::thead}},
        {"tbody", {NodeKind::tbody}},       {"tfoot", {NodeKind::tfoot}},    {"tr", {NodeKind::tr}},
        {"th", {NodeKind::th}},             {"td", {NodeKind::td}},          {"br", {NodeKind::br}},
        {"sub", {NodeKind::sub}},           {"sup", {NodeKind::sup}},        {"a", {NodeKind::link}},
        {"h1", {NodeKind::paragraph, "Bold"}}, {"h2", {NodeKind::paragraph, "Bold"}}, {"h3", {NodeKind::paragraph, "Bold"}},
        {"h4", {NodeKind::paragraph, "Bold"}}, {"h5", {NodeKind::paragraph, "Bold"}}, {"h6", {NodeKind::paragraph, "Bold"}},
    };
    return elements;
}

// Beyond the CDA list: HTML elements that show or fetch something and have no text of their own.
bool is_dropped(std::string_view name) {
    static const std::set<std::string_view> more = {"img", "audio", "video", "source", "track", "canvas", "noscript", "picture", "head", "title"};
    return cda::detail::is_active_content(name) || more.count(name) > 0;
}

// Attributes with no effect on the rendering (or kept by other means): ignored silently.
bool is_harmless_attribute(std::string_view name) {
    static const std::set<std::string_view> harmless = {"class", "lang", "xml:lang", "title", "dir", "align", "valign", "width",
                                                        "span", "abbr", "scope", "headers", "summary", "border", "cellspacing",
                                                        "cellpadding", "rules", "frame", "char", "charoff", "axis"};
    return name.starts_with("xmlns") || harmless.count(name) > 0;
}

std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool has_block_child(const pugi::xml_node& node) {
    static const std::set<std::string, std::less<>> blocks = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"};
    for (auto c : node.children())
        if (c.type() == pugi::node_element && blocks.count(lower(local_name(c)))) return true;
    return false;
}

class XhtmlReader {
public:
    XhtmlReader(const Place& at, std::vector<Diagnostic>& diagnostics) : at_(at), diagnostics_(diagnostics) {}

    std::vector<NarrativeNode> read(std::string_view div) {
        pugi::xml_document xml;
        const auto parsed = xml.load_buffer(div.data(), div.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
        if (!parsed) {
            diagnostics_.push_back(warning(at_, "fhir.narrative.xhtml",
                                           std::string("the narrative is not well-formed XHTML (") + parsed.description() + " at byte " +
                                               std::to_string(parsed.offset) + "); it is shown as plain text"));
            return {plain_text(div)};
        }
        const pugi::xml_node root = xml.document_element();
        if (lower(local_name(root)) != "div")
            warn("/" + std::string(root.name()), "fhir.narrative.not_div", "the narrative's root is <" + std::string(root.name()) + ">, not <div>");
        return children_of(root, "", 1);   // paths below the div: text.div/p[2]/script[1]
    }

private:
    // Markup that did not parse: its characters as one text node, tags and all (the renderer escapes them).
    static NarrativeNode plain_text(std::string_view div) {
        NarrativeNode p;
        p.kind = NodeKind::paragraph;
        NarrativeNode text;
        text.text = std::string(div);
        p.children.push_back(std::move(text));
        return p;
    }

    void warn(const std::string& element_path, std::string code, std::string message) {
        Place place = at_;
        place.where += element_path;
        diagnostics_.push_back(warning(std::move(place), std::move(code), std::move(message)));
    }

    std::vector<NarrativeNode> children_of(const pugi::xml_node& parent, const std::string& path, int depth) {
        std::vector<NarrativeNode> out;
        std::map<std::string, int> seen;   // element path steps: p[2]
        for (auto node : parent.children()) {
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                NarrativeNode text;
                text.text = node.value();
                out.push_back(std::move(text));
                continue;
            }
            if (node.type() != pugi::node_element) continue;   // comments, processing instructions
            const std::string name = lower(local_name(node));
            const std::string step = path + "/" + name + "[" + std::to_string(++seen[name]) + "]";
            if (depth >= cda::max_nesting) {
                warn(step, "fhir.narrative.too_deep", "narrative nested more than " + std::to_string(cda::max_nesting) + " deep: the rest is not read");
                continue;
            }
            if (name == "div") {   // a block of inline text is a paragraph; a block of blocks is its blocks
                if (has_block_child(node)) {
                    for (auto& c : children_of(node, step, depth + 1)) out.push_back(std::move(c));
                } else {
                    NarrativeNode p;
                    p.kind = NodeKind::paragraph;
                    p.children = children_of(node, step, depth + 1);
                    out.push_back(std::move(p));
                }
                continue;
            }
            const auto known = allowed_elements().find(name);
            if (known == allowed_elements().end()) {
                if (is_dropped(name)) {
                    warn(step, "fhir.narrative.dropped", "<" + name + "> is not allowed in a narrative; dropped with its content");
                } else {
                    warn(step, "fhir.narrative.unwrapped", "<" + name + "> is not allowed in a narrative; its text is kept");
                    for (auto& c : children_of(node, step, depth + 1)) out.push_back(std::move(c));
                }
                continue;
            }
            out.push_back(element(node, known->second, name, step, depth));
        }
        return out;
    }

    NarrativeNode element(const pugi::xml_node& node, const Mapping& mapping, const std::string& name, const std::string& step, int depth) {
        NarrativeNode n;
        n.kind = mapping.kind;
        if (mapping.style) n.styles.push_back(mapping.style);
        n.ordered = name == "ol";
        for (auto attribute : node.attributes()) {
            const std::string attribute_name = lower(attribute.name());
            const std::string_view value = attribute.value();
            if (attribute_name == "id") {
                if (cda::detail::is_id(value)) n.id = value;
            } else if ((attribute_name == "colspan" || attribute_name == "rowspan") && (n.kind == NodeKind::td || n.kind == NodeKind::th)) {
                (attribute_name == "colspan" ? n.colspan : n.rowspan) = cda::detail::span_value(value);
            } else if (attribute_name == "href" && n.kind == NodeKind::link) {
                if (value.size() > 1 && value[0] == '#' && cda::detail::is_id(value.substr(1))) n.target = value.substr(1);
                else warn(step, "fhir.link.dropped", "link to \"" + std::string(value.substr(0, 80)) + "\" dropped: only links inside the document are kept");
            } else if (!is_harmless_attribute(attribute_name)) {
                warn(step, "fhir.attribute.dropped", "attribute " + attribute_name + "=\"" + std::string(value.substr(0, 60)) + "\" dropped");
            }
        }
        if (n.kind != NodeKind::br && n.kind != NodeKind::col) n.children = children_of(node, step, depth + 1);
        return n;
    }

    Place at_;
    std::vector<Diagnostic>& diagnostics_;
};

NarrativeNode node_of(NodeKind kind, std::vector<NarrativeNode> children = {}) {
    NarrativeNode n;
    n.kind = kind;
    n.children = std::move(children);
    return n;
}

NarrativeNode text_node(std::string text) {
    NarrativeNode n;
    n.text = std::move(text);
    return n;
}

}  // namespace

std::vector<cda::NarrativeNode> read_xhtml(std::string_view div, const Place& at, std::vector<Diagnostic>& diagnostics) {
    return XhtmlReader(at, diagnostics).read(div);
}

cda::NarrativeNode table_node(const clinical::RecordTable& table, Language language) {
    NarrativeNode head_row = node_of(NodeKind::tr);
    for (const auto column : table.columns) head_row.children.push_back(node_of(NodeKind::th, {text_node(std::string(clinical::column_label(column, language)))}));
    NarrativeNode body = node_of(NodeKind::tbody);
    for (const auto& row : table.rows) {
        NarrativeNode tr = node_of(NodeKind::tr);
        for (const auto& cell : row) {
            if (cell.row_span == 0) continue;   // covered by the cell above
            NarrativeNode td = node_of(NodeKind::td, {text_node(cell.text)});
            td.rowspan = cell.row_span;
            tr.children.push_back(std::move(td));
        }
        body.children.push_back(std::move(tr));
    }
    return node_of(NodeKind::table, {node_of(NodeKind::thead, {std::move(head_row)}), std::move(body)});
}

cda::NarrativeNode paragraph_node(std::string text) { return node_of(NodeKind::paragraph, {text_node(std::move(text))}); }

}  // namespace ssmix::fhir::detail
