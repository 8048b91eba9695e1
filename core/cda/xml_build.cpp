// core/cda/xml_build.cpp
#include "core/cda/detail/xml_build.h"

#include "core/cda/code_systems.h"
#include "core/text/utf8.h"

namespace ssmix::cda::build {

pugi::xml_node add(pugi::xml_node parent, const char* name, Attributes attributes) {
    pugi::xml_node node = parent.append_child(name);
    for (const auto& [key, value] : attributes)
        if (!value.empty()) node.append_attribute(key).set_value(xml_text(value).c_str());
    return node;
}

pugi::xml_node add_text(pugi::xml_node parent, const char* name, std::string_view text) {
    pugi::xml_node node = parent.append_child(name);
    node.text().set(xml_text(text).c_str());
    return node;
}

// Bytes that are not UTF-8 become U+FFFD: a document we write must be one our reader (and any
// XML parser) accepts, whatever text reached the writer.
std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const char32_t cp = text::next_code_point(text, at);
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') continue;
        if (cp == 0xFFFE || cp == 0xFFFF) continue;   // not XML 1.0 characters either
        text::append_utf8(out, cp);
    }
    return out;
}

pugi::xml_node add_code(pugi::xml_node parent, const char* name, const clinical::Code& code, const char* xsi_type) {
    pugi::xml_node node = parent.append_child(name);
    if (xsi_type) node.append_attribute("xsi:type").set_value(xsi_type);
    const auto system = code.code.empty() ? std::nullopt : code_system_for(code.system, code.code);
    if (system) {
        node.append_attribute("code").set_value(xml_text(code.code).c_str());
        node.append_attribute("codeSystem").set_value(system->oid.c_str());
        node.append_attribute("codeSystemName").set_value(system->name.c_str());
        if (!code.text.empty()) node.append_attribute("displayName").set_value(xml_text(code.text).c_str());
        return node;
    }
    node.append_attribute("nullFlavor").set_value("OTH");
    const std::string& text = code.text.empty() ? code.code : code.text;
    if (!text.empty()) add_text(node, "originalText", text);
    return node;
}

void add_person_name(pugi::xml_node parent, std::string_view name, const char* use) {
    pugi::xml_node node = add(parent, "name", {{"use", use}});
    // Either an ASCII space or an ideographic space (U+3000) separates family and given names.
    std::size_t split = name.find(' '), width = 1;
    if (const auto wide = name.find("\u3000"); wide != std::string_view::npos && wide < split) split = wide, width = 3;
    if (split == std::string_view::npos) {
        node.text().set(xml_text(name).c_str());
        return;
    }
    add_text(node, "family", name.substr(0, split));
    add_text(node, "given", name.substr(split + width));
}

void add_paragraphs(pugi::xml_node text, std::string_view free_text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= free_text.size();) {
        std::size_t end = free_text.find('\n', start);
        if (end == std::string_view::npos) end = free_text.size();
        std::string_view line = free_text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    pugi::xml_node paragraph;
    for (const auto line : lines) {
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            paragraph = {};
            continue;
        }
        if (!paragraph) {
            paragraph = text.append_child("paragraph");
        } else {
            paragraph.append_child("br");
        }
        paragraph.append_child(pugi::node_pcdata).set_value(xml_text(line).c_str());
    }
}

void add_record_table(pugi::xml_node text, const clinical::RecordTable& table) {
    pugi::xml_node out = text.append_child("table");
    pugi::xml_node head = out.append_child("thead").append_child("tr");
    for (const auto column : table.columns) add_text(head, "th", clinical::column_label(column, Language::ja));
    pugi::xml_node body = out.append_child("tbody");
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        pugi::xml_node row = add(body, "tr", {{"ID", table.row_ids[r]}});
        for (const auto& cell : table.rows[r]) {
            if (cell.row_span == 0) continue;   // covered by the cell above
            pugi::xml_node td = add_text(row, "td", cell.text);
            if (cell.row_span > 1) td.append_attribute("rowspan") = cell.row_span;
        }
    }
}

namespace {
bool printable_ascii(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f || c == '{' || c == '}') return false;
    return true;
}
}  // namespace

std::string quantity_unit(std::string_view unit, std::string_view code) {
    std::string ascii(unit);
    for (const std::string_view micro : {"\u03bc", "\u00b5"})
        for (std::size_t at; (at = ascii.find(micro)) != std::string::npos;) ascii.replace(at, micro.size(), "u");
    if (printable_ascii(ascii)) return ascii;
    if (printable_ascii(code)) return "{" + std::string(code) + "}";
    return "1";
}

}  // namespace ssmix::cda::build
