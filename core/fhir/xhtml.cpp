// core/fhir/xhtml.cpp
#include "core/fhir/xhtml.h"

#include "core/base/html_escape.h"

namespace ssmix::fhir {
namespace {

// Characters XML 1.0 cannot carry (C0 controls other than tab and newlines) are dropped.
std::string xml_escape(std::string_view text) {
    std::string clean;
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') clean += c;
    return html_escape(clean);
}

std::string trim_lines(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n"), last = text.find_last_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string() : std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::string paragraph_html(std::string_view text) { return "<p>" + xml_escape(text) + "</p>"; }

std::string paragraphs_html(std::string_view free_text) {
    std::string out, paragraph;
    auto flush = [&] {
        const std::string text = trim_lines(paragraph);
        paragraph.clear();
        if (text.empty()) return;
        std::string body;
        std::size_t start = 0;
        while (true) {
            const auto end = text.find('\n', start);
            std::string line = trim_lines(std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
            body += xml_escape(line);
            if (end == std::string::npos) break;
            body += "<br/>";
            start = end + 1;
        }
        out += "<p>" + body + "</p>";
    };
    std::size_t start = 0;
    while (start <= free_text.size()) {
        const auto end = free_text.find('\n', start);
        const std::string_view line = free_text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (trim_lines(line).empty()) flush();
        else paragraph += std::string(line) + "\n";
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    flush();
    return out;
}

std::string table_html(const clinical::RecordTable& table, Language language) {
    std::string out = "<table><thead><tr>";
    for (const auto column : table.columns) out += "<th>" + xml_escape(clinical::column_label(column, language)) + "</th>";
    out += "</tr></thead><tbody>";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (const auto& cell : row) {
            if (cell.row_span == 0) continue;   // covered by a cell above
            out += cell.row_span > 1 ? "<td rowspan=\"" + std::to_string(cell.row_span) + "\">" : std::string("<td>");
            const bool strong = cell.style == clinical::Cell::Style::strong || cell.style == clinical::Cell::Style::high ||
                                cell.style == clinical::Cell::Style::low;
            out += strong ? "<b>" + xml_escape(cell.text) + "</b>" : xml_escape(cell.text);
            out += "</td>";
        }
        out += "</tr>";
    }
    return out + "</tbody></table>";
}

std::string narrative_div(const std::vector<std::string>& parts) {
    std::string out = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";
    for (const auto& part : parts) out += part;
    return out + "</div>";
}

}  // namespace ssmix::fhir
