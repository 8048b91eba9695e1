// core/cda/reader.cpp — pugixml with its default options (no DTD processing, only the five
// predefined entities and character references), then a walk that copies what CDA defines
// and reports the rest. Elements are matched by namespace (urn:hl7-org:v3) and local name,
// so any prefix works and sdtc: extensions are ignored.
#include "core/cda/reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/base/base64.h"
#include "core/cda/detail/narrative_rules.h"
#include "core/text/xml_encoding.h"

namespace ssmix::cda {
namespace {

using detail::is_active_content;
using detail::is_id;
using detail::span_value;

constexpr std::string_view hl7_namespace = "urn:hl7-org:v3";

std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view namespace_of(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    const std::string declaration = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
    for (auto at = node; at; at = at.parent())
        if (const auto attribute = at.attribute(declaration.c_str())) return attribute.value();
    return {};
}

bool is_hl7(const pugi::xml_node& node, std::string_view name) {
    return node.type() == pugi::node_element && local_name(node) == name && namespace_of(node) == hl7_namespace;
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (auto c : node.children())
        if (is_hl7(c, name)) return c;
    return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& node, std::string_view name) {
    std::vector<pugi::xml_node> out;
    for (auto c : node.children())
        if (is_hl7(c, name)) out.push_back(c);
    return out;
}

// /ClinicalDocument/component/structuredBody/component[2]/section/text; in very deep
// documents the middle is elided: /ClinicalDocument/…/content/content/content.
std::string xpath(pugi::xml_node node) {
    constexpr int shown_steps = 10;
    std::string path;
    int steps = 0;
    for (; node && node.type() == pugi::node_element; node = node.parent()) {
        if (++steps > shown_steps && node.parent().type() == pugi::node_element) {
            if (!path.starts_with("/…")) path = "/…" + path;
            continue;
        }
        std::size_t index = 0, same = 0;
        for (auto s : node.parent().children())
            if (s.type() == pugi::node_element && std::string_view(s.name()) == node.name()) {
                ++same;
                if (s == node) index = same;
            }
        std::string step = "/" + std::string(local_name(node));
        if (same > 1) step += "[" + std::to_string(index) + "]";
        path = step + path;
    }
    return path;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// All text inside an element, whitespace collapsed to single spaces.
std::string text_of(const pugi::xml_node& node) {
    std::string out;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->type() == pugi::node_pcdata || it->type() == pugi::node_cdata) out += it->value();
        else if (it->type() == pugi::node_element) out += " " + text_of(*it) + " ";
    }
    std::string collapsed;
    for (char c : out) {
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += space ? ' ' : c;
    }
    return trimmed(collapsed);
}

Identifier identifier(const pugi::xml_node& node) {
    return {node.attribute("root").value(), node.attribute("extension").value(), node.attribute("assigningAuthorityName").value()};
}

Coded coded(const pugi::xml_node& node) {
    return {node.attribute("code").value(), node.attribute("codeSystem").value(), node.attribute("codeSystemName").value(),
            node.attribute("displayName").value()};
}

// <name use="IDE"><family>山田</family><given>太郎</given></name>: "山田 太郎"; a name given as
// plain text is taken as it is.
std::string one_name(const pugi::xml_node& name) {
    std::vector<std::string> parts;
    for (const char* part : {"prefix", "family", "given", "suffix"})
        for (auto p : children(name, part))
            if (auto t = text_of(p); !t.empty()) parts.push_back(t);
    if (parts.empty()) return text_of(name);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
}

PersonName person_name(const pugi::xml_node& holder) {
    PersonName name;
    for (auto n : children(holder, "name")) {
        const std::string_view use = n.attribute("use").value();
        std::string& slot = use.find("IDE") != std::string_view::npos   ? name.ideographic
                            : use.find("SYL") != std::string_view::npos ? name.syllabic
                                                                         : name.other;
        if (slot.empty()) slot = one_name(n);
    }
    return name;
}

const std::map<std::string_view, NodeKind>& narrative_elements() {
    static const std::map<std::string_view, NodeKind> elements = {
        {"paragraph", NodeKind::paragraph}, {"content", NodeKind::content}, {"list", NodeKind::list},
        {"item", NodeKind::item},           {"caption", NodeKind::caption}, {"table", NodeKind::table},
        {"colgroup", NodeKind::colgroup},   {"col", NodeKind::col},         {"thead", NodeKind::thead},
        {"tbody", NodeKind::tbody},         {"tfoot", NodeKind::tfoot},     {"tr", NodeKind::tr},
        {"th", NodeKind::th},               {"td", NodeKind::td},           {"br", NodeKind::br},
        {"sub", NodeKind::sub},             {"sup", NodeKind::sup},         {"footnote", NodeKind::footnote},
        {"footnoteRef", NodeKind::footnote_ref}, {"linkHtml", NodeKind::link}, {"renderMultiMedia", NodeKind::multimedia},
    };
    return elements;
}

bool is_plain_token(std::string_view token) {
    return !token.empty() && std::isalpha(static_cast<unsigned char>(token[0])) &&
           std::all_of(token.begin(), token.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

class Reader {
public:
    Reader(const std::string& name) : name_(name) {}

    Parsed<Document> read(ByteView bytes) {
        if (bytes.size() > max_document_bytes) {
            error_at(0, "", "cda.too_large", "the document has " + std::to_string(bytes.size()) + " bytes; at most " +
                                                 std::to_string(max_document_bytes) + " are read");
            return std::move(result_);
        }
        // Shift_JIS, EUC-JP, ISO-2022-JP, UTF-16 ... become UTF-8 here, with our own tables, so
        // that pugixml (which knows only the UTF family and Latin-1) reads every document alike.
        auto decoded = text::decode_xml(bytes, name_);
        result_.diagnostics.insert(result_.diagnostics.end(), decoded.diagnostics.begin(), decoded.diagnostics.end());
        if (!decoded.value) return std::move(result_);
        const std::string& utf8 = decoded.value->utf8;
        pugi::xml_document xml;
        const auto parsed = xml.load_buffer(utf8.data(), utf8.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
        if (!parsed) {
            error_at(line_of(as_bytes(utf8), static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0))), "", "cda.xml",
                     std::string("not well-formed XML: ") + parsed.description());
            return std::move(result_);
        }
        if (std::string_view(utf8).substr(0, 4096).find("<!DOCTYPE") != std::string_view::npos)
            warn(pugi::xml_node(), "cda.doctype_ignored", "a DOCTYPE was ignored: the entities it declares are not expanded and nothing it names is loaded");
        const pugi::xml_node root = xml.document_element();
        if (!is_hl7(root, "ClinicalDocument")) {
            error_at(0, "/" + std::string(root.name()), "cda.not_cda",
                     "the root element is <" + std::string(root.name()) + "> in namespace \"" + std::string(namespace_of(root)) +
                         "\", not an HL7 CDA <ClinicalDocument> (urn:hl7-org:v3)");
            return std::move(result_);
        }
        Document document;
        read_header(root, document);
        read_body(root, document);
        collect_media(root, document);
        result_.value = std::move(document);
        return std::move(result_);
    }

private:
    static std::uint32_t line_of(ByteView bytes, std::size_t offset) {
        return 1 + static_cast<std::uint32_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size())), '\n'));
    }
    void error_at(std::uint32_t line, std::string where, std::string code, std::string message) {
        result_.diagnostics.push_back(error({name_, line, std::move(where)}, std::move(code), std::move(message)));
    }
    void warn(const pugi::xml_node& node, std::string code, std::string message) {
        result_.diagnostics.push_back(warning({name_, 0, node ? xpath(node) : std::string()}, std::move(code), std::move(message)));
    }

    void read_header(const pugi::xml_node& root, Document& d) {
        d.type_id = child(root, "typeId").attribute("extension").value();
        d.id = identifier(child(root, "id"));
        d.code = coded(child(root, "code"));
        d.title = text_of(child(root, "title"));
        d.effective_time = child(root, "effectiveTime").attribute("value").value();
        d.language = child(root, "languageCode").attribute("code").value();
        d.confidentiality = child(root, "confidentialityCode").attribute("code").value();
        d.set_id = identifier(child(root, "setId"));
        d.version = child(root, "versionNumber").attribute("value").value();

        const auto role = child(child(root, "recordTarget"), "patientRole");
        if (!role) warn(root, "cda.no_patient", "there is no recordTarget/patientRole: the document names no patient");
        for (auto id : children(role, "id")) d.patient.ids.push_back(identifier(id));
        const auto patient = child(role, "patient");
        d.patient.name = person_name(patient);
        d.patient.gender = child(patient, "administrativeGenderCode").attribute("code").value();
        d.patient.birth_time = child(patient, "birthTime").attribute("value").value();

        for (auto author : children(root, "author")) {
            const auto assigned = child(author, "assignedAuthor");
            Party p = party(assigned, "assignedPerson", "representedOrganization");
            p.time = child(author, "time").attribute("value").value();
            d.authors.push_back(std::move(p));
        }
        const auto custodian = child(child(root, "custodian"), "assignedCustodian");
        d.custodian = party(custodian, "", "representedCustodianOrganization");
        for (auto recipient : children(root, "informationRecipient")) {
            const auto intended = child(recipient, "intendedRecipient");
            d.recipients.push_back(party(intended, "informationRecipient", "receivedOrganization"));
        }
        if (const auto legal = child(root, "legalAuthenticator")) {
            Party p = party(child(legal, "assignedEntity"), "assignedPerson", "representedOrganization");
            p.time = child(legal, "time").attribute("value").value();
            d.legal_authenticator = std::move(p);
        }
    }

    static Party party(const pugi::xml_node& holder, std::string_view person, std::string_view organization) {
        Party p;
        for (auto id : children(holder, "id")) p.ids.push_back(identifier(id));
        if (!person.empty()) p.person = person_name(child(holder, person));
        const auto org = child(holder, organization);
        p.organization = text_of(child(org, "name"));
        const auto department = child(child(org, "asOrganizationPartOf"), "code");
        p.department = department.attribute("displayName").value();
        if (p.department.empty()) p.department = text_of(child(department, "originalText"));
        if (p.ids.empty())
            for (auto id : children(org, "id")) p.ids.push_back(identifier(id));
        return p;
    }

    void read_body(const pugi::xml_node& root, Document& d) {
        const auto component = child(root, "component");
        if (const auto structured = child(component, "structuredBody")) {
            for (auto c : children(structured, "component"))
                if (const auto section = child(c, "section")) d.sections.push_back(read_section(section, 1));
        } else if (const auto non_xml = child(component, "nonXMLBody")) {
            d.non_xml_body = read_non_xml(child(non_xml, "text"));
        } else {
            warn(component ? component : root, "cda.no_body", "the document has neither a structuredBody nor a nonXMLBody");
        }
    }

    Section read_section(const pugi::xml_node& node, int depth) {
        Section s;
        s.id = node.attribute("ID").value();
        s.code = coded(child(node, "code"));
        s.title = text_of(child(node, "title"));
        if (const auto text = child(node, "text")) s.text = read_narrative(text, depth);
        if (depth >= max_nesting) {
            warn(node, "cda.too_deep", "sections nested more than " + std::to_string(max_nesting) + " deep: the inner ones are not read");
            return s;
        }
        for (auto c : children(node, "component"))
            if (const auto inner = child(c, "section")) s.sections.push_back(read_section(inner, depth + 1));
        return s;
    }

    std::vector<NarrativeNode> read_narrative(const pugi::xml_node& parent, int depth) {
        std::vector<NarrativeNode> out;
        for (auto node : parent.children()) {
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                NarrativeNode text;
                text.text = node.value();
                out.push_back(std::move(text));
                continue;
            }
            if (node.type() != pugi::node_element) continue;   // comments, processing instructions
            const std::string_view name = local_name(node);
            const auto known = narrative_elements().find(name);
            if (known == narrative_elements().end() || namespace_of(node) != hl7_namespace) {
                if (is_active_content(name)) {
                    warn(node, "cda.narrative.dropped", "<" + std::string(node.name()) + "> is not part of CDA narrative; dropped with its content");
                } else {
                    warn(node, "cda.narrative.unwrapped", "<" + std::string(node.name()) + "> is not part of CDA narrative; its text is kept");
                    if (depth < max_nesting) for (auto& c : read_narrative(node, depth + 1)) out.push_back(std::move(c));
                }
                continue;
            }
            if (depth >= max_nesting) {
                warn(node, "cda.too_deep", "narrative nested more than " + std::to_string(max_nesting) + " deep: the rest is not read");
                continue;
            }
            out.push_back(read_element(node, known->second, depth));
        }
        return out;
    }

    NarrativeNode read_element(const pugi::xml_node& node, NodeKind kind, int depth) {
        NarrativeNode n;
        n.kind = kind;
        for (auto attribute : node.attributes()) {
            const std::string_view name = attribute.name(), value = attribute.value();
            if (name == "ID") {
                if (is_id(value)) n.id = value;
            } else if (name == "styleCode") {
                std::string token;
                for (std::size_t i = 0; i <= value.size(); ++i) {
                    if (i == value.size() || value[i] == ' ') {
                        if (is_plain_token(token)) n.styles.push_back(token);
                        token.clear();
                    } else {
                        token += value[i];
                    }
                }
            } else if (name == "revised" && kind == NodeKind::content) {
                n.deleted = value == "delete";
                n.inserted = value == "insert";
            } else if (name == "listType" && kind == NodeKind::list) {
                n.ordered = value == "ordered";
            } else if ((name == "colspan" || name == "rowspan") && (kind == NodeKind::td || kind == NodeKind::th)) {
                (name == "colspan" ? n.colspan : n.rowspan) = span_value(value);
            } else if (name == "href" && kind == NodeKind::link) {
                if (value.size() > 1 && value[0] == '#' && is_id(value.substr(1))) n.target = value.substr(1);
                else warn(node, "cda.link.dropped", "link to \"" + std::string(value.substr(0, 80)) + "\" dropped: only links inside the document are kept");
            } else if (name == "referencedObject" && kind == NodeKind::multimedia) {
                n.target = value;
            } else if (name == "IDREF" && kind == NodeKind::footnote_ref) {
                if (is_id(value)) n.target = value;
            } else if (name.starts_with("xmlns") || name == "language" || name == "title" || name == "name" || name == "rel" ||
                       name == "rev" || name == "align" || name == "valign" || name == "width" || name == "span" || name == "char" ||
                       name == "charoff" || name == "abbr" || name == "axis" || name == "headers" || name == "scope" ||
                       name == "summary" || name == "border" || name == "frame" || name == "rules" || name == "cellspacing" ||
                       name == "cellpadding") {
                // CDA attributes with no effect on the rendering.
            } else {
                warn(node, "cda.attribute.dropped", "attribute " + std::string(name) + "=\"" + std::string(value.substr(0, 60)) + "\" dropped");
            }
        }
        if (kind != NodeKind::br && kind != NodeKind::col) n.children = read_narrative(node, depth + 1);
        return n;
    }

    NonXmlBody read_non_xml(const pugi::xml_node& text) {
        NonXmlBody body;
        body.media_type = text.attribute("mediaType").value();
        if (const auto reference = child(text, "reference")) body.reference = reference.attribute("value").value();
        if (std::string_view(text.attribute("representation").value()) == "B64") body.bytes = decode(text, text.child_value());
        else if (const std::string raw = text.text().get(); !trimmed(raw).empty()) {
            body.bytes.assign(raw.begin(), raw.end());
        }
        if (!body.reference.empty()) warn(text, "cda.reference.not_loaded", "the body is a reference to \"" + body.reference.substr(0, 80) + "\", which is not loaded");
        return body;
    }

    Bytes decode(const pugi::xml_node& node, std::string_view base64) {
        std::string compact;
        for (char c : base64)
            if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
        auto bytes = decode_base64(compact);
        if (!bytes) {
            warn(node, "cda.base64", "inline content is not valid base64: ignored");
            return {};
        }
        return std::move(*bytes);
    }

    void collect_media(const pugi::xml_node& root, Document& d) {
        for (auto node : root.select_nodes(".//*[local-name()='observationMedia']")) {
            const auto media = node.node();
            const std::string id = media.attribute("ID").value();
            if (id.empty() || !is_id(id)) continue;
            const auto value = child(media, "value");
            Media m;
            m.media_type = value.attribute("mediaType").value();
            if (const auto reference = child(value, "reference")) m.reference = reference.attribute("value").value();
            if (std::string_view(value.attribute("representation").value()) == "B64") m.bytes = decode(value, value.child_value());
            d.media[id] = std::move(m);
        }
    }

    std::string name_;
    Parsed<Document> result_;
};

}  // namespace

Parsed<Document> read_document(ByteView bytes, const std::string& name) { return Reader(name).read(bytes); }

}  // namespace ssmix::cda
