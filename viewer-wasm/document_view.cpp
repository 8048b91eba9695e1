// viewer-wasm/document_view.cpp — inline text is laid out by hand (ImGui wraps only whole
// strings of one style): text is cut into units (an ASCII word with its space, or one other
// character, so Japanese wraps anywhere), units are measured and gathered into one line
// segment per style, and each segment is drawn with SameLine(0, 0) after the previous one.
#include "viewer-wasm/document_view.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

#include "core/cda/document_summary.h"
#include "core/cda/table_grid.h"
#include "imgui.h"

namespace ssmix::viewer {
namespace {

constexpr ImU32 rgba(int r, int g, int b) { return IM_COL32(r, g, b, 255); }
const ImVec4 text_colour = ImVec4(0.07f, 0.07f, 0.07f, 1);
const ImVec4 strong_colour = ImVec4(0.05f, 0.15f, 0.45f, 1);
const ImVec4 italic_colour = ImVec4(0.30f, 0.20f, 0.45f, 1);
const ImVec4 deleted_colour = ImVec4(0.70f, 0.0f, 0.0f, 1);
const ImVec4 inserted_colour = ImVec4(0.0f, 0.40f, 0.0f, 1);
const ImVec4 link_colour = ImVec4(0.05f, 0.30f, 0.75f, 1);
const ImVec4 missing_colour = ImVec4(0.45f, 0.45f, 0.45f, 1);   // a report's image that is not among those read

// The length in bytes of the unit starting at `at`: an ASCII word with its trailing spaces, or
// one UTF-8 character.
std::size_t unit_length(const std::string& text, std::size_t at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) {
        std::size_t end = at;
        while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80 && text[end] != ' ') ++end;
        while (end < text.size() && text[end] == ' ') ++end;
        return end == at ? 1 : end - at;
    }
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return std::min(length, text.size() - at);
}

// Layout whitespace between blocks (the indentation of the XML) is not text to show.
bool is_blank(const cda::NarrativeNode& node) {
    return node.kind == cda::NodeKind::text && node.text.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool has_style(const cda::NarrativeNode& node, std::string_view style) {
    for (const auto& s : node.styles)
        if (s == style) return true;
    return false;
}

std::string plain_text(const std::vector<cda::NarrativeNode>& nodes) {
    std::string out;
    for (const auto& n : nodes) out += n.kind == cda::NodeKind::text ? n.text : plain_text(n.children);
    return out;
}

// XML layout whitespace (line breaks, indentation) collapsed to single spaces, as HTML does.
std::string collapse_space(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
    }
    return out;
}

std::string section_title(const cda::Section& section, Language language) {
    return section.title.empty() ? std::string(text(Text::untitled, language)) : section.title;
}

void collect_ids(const std::vector<cda::NarrativeNode>& nodes, int section, std::map<std::string, int>& into) {
    for (const auto& node : nodes) {
        if (!node.id.empty()) into.emplace(node.id, section);
        collect_ids(node.children, section, into);
    }
}

// A section's footnotes in document order, each node with its number: numbered once, not as
// drawn (rows out of view are not drawn, and must not renumber the rest).
void collect_footnotes(const std::vector<cda::NarrativeNode>& nodes, std::vector<std::string>& texts,
                       std::map<const cda::NarrativeNode*, int>& numbers) {
    for (const auto& node : nodes) {
        if (node.kind == cda::NodeKind::footnote) {
            texts.push_back(plain_text(node.children));
            numbers.emplace(&node, static_cast<int>(texts.size()));
        }
        collect_footnotes(node.children, texts, numbers);
    }
}

}  // namespace

void DocumentView::index_ids(const cda::Document& d) {
    if (indexed_path_ == path_) return;
    indexed_path_ = path_;
    section_of_id_.clear();
    column_weights_.clear();
    footnote_numbers_.clear();
    section_footnotes_.clear();
    jumped_to_ = -1;
    for (const auto& section : d.sections) {
        auto& texts = section_footnotes_[&section];
        collect_footnotes(section.text, texts, footnote_numbers_);
        for (const auto& sub : section.sections) collect_footnotes(sub.text, texts, footnote_numbers_);
    }
    for (std::size_t i = 0; i < d.sections.size(); ++i) {
        const int index = static_cast<int>(i);
        const auto add_section = [&](const cda::Section& section, const auto& self) -> void {
            if (!section.id.empty()) section_of_id_.emplace(section.id, index);
            collect_ids(section.text, index, section_of_id_);
            for (const auto& sub : section.sections) self(sub, self);
        };
        add_section(d.sections[i], add_section);
    }
}

// The sections' titles as links, wrapped like words; a click opens the section and scrolls to it.
void DocumentView::draw_contents(const cda::Document& d, Language language) {
    contents_.clear();
    if (d.sections.size() < 2) return;
    const std::string heading(text(Text::contents, language));
    fonts_.need(heading);
    ImGui::TextColored(strong_colour, "%s", heading.c_str());
    const float right = ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < d.sections.size(); ++i) {
        const std::string title = section_title(d.sections[i], language);
        fonts_.need(title);
        const ImVec2 size = ImGui::CalcTextSize(title.c_str());
        ImGui::SameLine(0, ImGui::GetFontSize());
        if (ImGui::GetCursorPosX() + size.x > right) ImGui::NewLine();
        ImGui::PushStyleColor(ImGuiCol_Text, link_colour);
        if (ImGui::Selectable((title + "##contents" + std::to_string(i)).c_str(), false, 0, size)) jump_to_section_ = static_cast<int>(i);
        ImGui::PopStyleColor();
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine({min.x, max.y - 1}, {max.x, max.y - 1}, ImGui::GetColorU32(link_colour));
        contents_.push_back({title, min.x, min.y, max.x - min.x, max.y - min.y});
    }
    ImGui::Spacing();
}

void DocumentView::draw(const cda::Document& d, const std::string& path, Language language) {
    language_ = language;
    document_ = &d;
    path_ = path;
    // Paper colours: dark text on white, light headers and table rows.
    const std::pair<ImGuiCol, ImVec4> paper[] = {
        {ImGuiCol_Text, text_colour},
        {ImGuiCol_Header, ImVec4(0.85f, 0.90f, 0.97f, 1)},
        {ImGuiCol_HeaderHovered, ImVec4(0.78f, 0.85f, 0.96f, 1)},
        {ImGuiCol_HeaderActive, ImVec4(0.72f, 0.81f, 0.95f, 1)},
        {ImGuiCol_TableHeaderBg, ImVec4(0.91f, 0.93f, 0.97f, 1)},
        {ImGuiCol_TableRowBg, ImVec4(1, 1, 1, 0)},
        {ImGuiCol_TableRowBgAlt, ImVec4(0.96f, 0.96f, 0.97f, 1)},
        {ImGuiCol_TableBorderStrong, ImVec4(0.65f, 0.65f, 0.68f, 1)},
        {ImGuiCol_TableBorderLight, ImVec4(0.80f, 0.80f, 0.83f, 1)},
        {ImGuiCol_ScrollbarBg, ImVec4(0.95f, 0.95f, 0.95f, 1)},
    };
    for (const auto& [element, colour] : paper) ImGui::PushStyleColor(element, colour);
    draw_document(d, language);
    ImGui::PopStyleColor(static_cast<int>(std::size(paper)));
}

void DocumentView::reset_layout_if_changed() {
    const float width = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
    if (laid_out_path_ == path_ && laid_out_width_ == width && laid_out_font_ == font) return;
    laid_out_path_ = path_, laid_out_width_ = width, laid_out_font_ = font;
    section_heights_.clear();
    row_tops_.clear();
}

bool DocumentView::in_view(float top, float height) {
    const float scroll = ImGui::GetScrollY();
    return top < scroll + ImGui::GetWindowHeight() && top + height > scroll;
}

void DocumentView::draw_document(const cda::Document& d, Language language) {
    reset_layout_if_changed();
    const std::string title = cda::document_title(d);
    fonts_.need(title);
    ImGui::SetWindowFontScale(1.35f);
    ImGui::TextUnformatted(title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (ImGui::BeginTable("##header", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        for (const auto& [label, value] : cda::header_rows(d)) {
            fonts_.need(label + value);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextColored(strong_colour, "%s", label.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextWrapped("%s", value.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    index_ids(d);
    draw_contents(d, language);
    links_.clear();
    top_section_ = -1;
    const float window_top = ImGui::GetWindowPos().y;
    int index = 0;
    for (const auto& section : d.sections) {
        const int number = index++;
        const std::string heading = section_title(section, language) + "##section" + std::to_string(number + 1);
        fonts_.need(heading);
        if (jump_to_section_ == number) {
            ImGui::SetNextItemOpen(true);
            // To the header itself (SetScrollHereY would take the line before: a section out of
            // view above is one tall placeholder).
            ImGui::SetScrollY(ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y);
            jumped_to_ = number;
            jump_to_section_ = -1;
        }
        if (top_section_ < 0 && ImGui::GetCursorScreenPos().y >= window_top - 1) top_section_ = number;
        if (!ImGui::CollapsingHeader(heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
        // A section out of view, measured before at this width, is only its height.
        const float top = ImGui::GetCursorPosY(), spacing = ImGui::GetStyle().ItemSpacing.y;
        if (const auto known = section_heights_.find(&section); known != section_heights_.end() && known->second > 2 * spacing &&
                                                                 !in_view(top, known->second)) {
            ImGui::Dummy(ImVec2(0, known->second - spacing));   // Dummy adds the item spacing itself
            continue;
        }
        ImGui::Indent(8);
        blocks(section.text, {});
        for (const auto& sub : section.sections) {   // nested sections: titled, not collapsible
            fonts_.need(sub.title);
            ImGui::TextColored(strong_colour, "%s", sub.title.c_str());
            blocks(sub.text, {});
        }
        const auto& notes = section_footnotes_[&section];   // the section's footnotes, after it
        for (std::size_t i = 0; i < notes.size(); ++i) {
            const std::string note = "[" + std::to_string(i + 1) + "] " + notes[i];
            fonts_.need(note);
            ImGui::TextWrapped("%s", note.c_str());
        }
        ImGui::Unindent(8);
        ImGui::Spacing();
        section_heights_[&section] = ImGui::GetCursorPosY() - top;
    }
    if (d.non_xml_body) {
        const auto& body = *d.non_xml_body;
        if (body.media_type.rfind("text/", 0) == 0 && !body.bytes.empty()) {
            const std::string text(reinterpret_cast<const char*>(body.bytes.data()), body.bytes.size());
            fonts_.need(text);
            ImGui::TextWrapped("%s", text.c_str());
        } else if (!body.bytes.empty() && save_body) {
            const std::string note = std::string(text(Text::body_is_file, language)) + "（" + body.media_type + "）";
            fonts_.need(note);
            ImGui::TextWrapped("%s", note.c_str());
            const std::string button = std::string(text(Text::save_file, language)) + "##save-body";
            fonts_.need(button);
            if (ImGui::Button(button.c_str())) save_body();
        } else {
            const std::string note = "（" + body.media_type + std::string(text(Text::body_on_disc, language)) + "）";
            fonts_.need(note);
            ImGui::TextWrapped("%s", note.c_str());
        }
    }
    scroll_y_ = ImGui::GetScrollY();
    scroll_max_y_ = ImGui::GetScrollMaxY();
    // Text with characters the font atlas is still to get was measured too narrow: measured
    // again next frame (when every character seen so far is in).
    if (fonts_.rebuild_pending()) section_heights_.clear(), row_tops_.clear();
}

// renderMultiMedia: each referenced observationMedia that is a decoded image, on its own line,
// at its own size (small ones enlarged to 160 px wide, large ones fitted to the panel) with its
// caption under it; the rest named as ［画像: caption］.
void DocumentView::media(const cda::NarrativeNode& node, Style style) {
    bool shown = false;
    std::size_t at = 0;
    while (at < node.target.size()) {
        const std::size_t end = std::min(node.target.find(' ', at), node.target.size());
        const std::string id = node.target.substr(at, end - at);
        at = end + 1;
        const auto found = document_->media.find(id);
        if (id.empty() || found == document_->media.end()) continue;
        const MediaImage* image = media_.get(path_ + "#" + id, found->second.media_type, found->second.bytes);
        if (!image) continue;
        end_line();
        const float width = std::min(std::max(static_cast<float>(image->width), 160.0f), ImGui::GetContentRegionAvail().x);
        ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(image->texture)),
                     ImVec2(width, width * static_cast<float>(image->height) / static_cast<float>(image->width)));
        shown = true;
    }
    const std::string caption = collapse_space(plain_text(node.children));
    if (!shown) {
        const std::string image(text(Text::image_in_letter, language_));
        words(caption.empty() ? "［" + image + "］" : "［" + image + ": " + caption + "］", style);
    } else if (!caption.empty()) {
        words(caption, {style.strong, style.italic, false, false, false, true});
        end_line();
    }
}

bool DocumentView::is_block(const cda::NarrativeNode& node) const {
    using K = cda::NodeKind;
    return node.kind == K::paragraph || node.kind == K::list || node.kind == K::table || node.kind == K::caption;
}

void DocumentView::blocks(const std::vector<cda::NarrativeNode>& nodes, Style style) {
    for (const auto& node : nodes) {
        switch (node.kind) {
            case cda::NodeKind::paragraph:
            case cda::NodeKind::caption:
                end_line();
                for (const auto& child : node.children)
                    if (is_block(child)) blocks({child}, style);
                    else inline_run(child, style);
                end_line();
                ImGui::Spacing();
                break;
            case cda::NodeKind::list:
                end_line();
                list(node, style);
                break;
            case cda::NodeKind::table:
                end_line();
                table(node, style);
                break;
            default:
                if (!is_blank(node)) inline_run(node, style);
        }
    }
    end_line();
}

void DocumentView::inline_run(const cda::NarrativeNode& node, Style style) {
    using K = cda::NodeKind;
    switch (node.kind) {
        case K::text:
            words(node.text, style);
            return;
        case K::br:
            if (!line_open_) ImGui::NewLine();   // an empty line
            end_line();
            return;
        case K::footnote: {
            const auto number = footnote_numbers_.find(&node);
            words("[" + (number == footnote_numbers_.end() ? std::string("*") : std::to_string(number->second)) + "]",
                  {style.strong, style.italic, false, false, false, true});
            return;
        }
        case K::footnote_ref:
            words("[*]", {style.strong, style.italic, false, false, false, true});
            return;
        case K::multimedia:
            media(node, style);
            return;
        case K::link: {   // to an ID inside the document (the reader keeps no other), or a report's image
            if (!section_of_id_.count(node.target) && !(open_link && node.target.find(':') != std::string::npos)) break;
            const std::string outer = std::exchange(link_target_, node.target);
            for (const auto& child : node.children) inline_run(child, style);
            link_target_ = outer;
            return;
        }
        case K::content:
            style.strong = style.strong || has_style(node, "Bold") || has_style(node, "Emphasis");
            style.italic = style.italic || has_style(node, "Italics");
            style.underline = style.underline || has_style(node, "Underline");
            style.deleted = style.deleted || node.deleted;
            style.inserted = style.inserted || node.inserted;
            break;
        case K::sub:
        case K::sup:
            style.small = true;
            break;
        default:
            if (is_block(node)) {
                blocks({node}, style);
                return;
            }
    }
    for (const auto& child : node.children) inline_run(child, style);
}

// Each run of one style is drawn as its own segments (pending_ is empty between runs).
void DocumentView::words(const std::string& raw, Style style) {
    std::string text = collapse_space(raw);
    if (!line_open_ && line_used_ == 0) text.erase(0, text.find_first_not_of(' '));   // no space at a line start
    if (text.empty()) return;
    const float width = ImGui::GetContentRegionAvail().x;
    float used = line_used_;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = unit_length(text, at);
        const std::string unit = text.substr(at, length);
        at += length;
        fonts_.need(unit);
        const float unit_width = ImGui::CalcTextSize(unit.c_str()).x * (style.small ? 0.8f : 1.0f);
        if (used + unit_width > width && used > 0) {
            flush(style);
            end_line();
            used = 0;
            if (unit.find_first_not_of(' ') == std::string::npos) continue;   // no space at a line start
        }
        pending_ += unit;
        used += unit_width;
    }
    flush(style);
}

void DocumentView::flush(Style style) {
    if (pending_.empty()) return;
    if (line_open_) ImGui::SameLine(0, 0);
    const bool link = !link_target_.empty();
    const bool missing = link && missing_links_.count(link_target_);
    const ImVec4 colour = style.deleted ? deleted_colour : style.inserted ? inserted_colour : missing ? missing_colour : link ? link_colour
                        : style.strong ? strong_colour : style.italic ? italic_colour : text_colour;
    if (style.small) ImGui::SetWindowFontScale(0.8f);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(pending_.c_str());
    ImGui::PopStyleColor();
    if (style.small) ImGui::SetWindowFontScale(1.0f);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (style.deleted) draw->AddLine({min.x, (min.y + max.y) / 2}, {max.x, (min.y + max.y) / 2}, rgba(170, 0, 0), 1.5f);
    if (style.underline || style.inserted || link) draw->AddLine({min.x, max.y - 1}, {max.x, max.y - 1}, ImGui::GetColorU32(colour), 1.0f);
    if (link) {
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (missing && ImGui::IsItemHovered()) {
            const std::string_view note = text(Text::image_not_here, language_);
            fonts_.need(note);
            // The document's dark text colour is pushed for the panel: the note gets its own.
            ImGui::PushStyleColor(ImGuiCol_PopupBg, IM_COL32(255, 250, 220, 255));
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(30, 30, 30, 255));
            ImGui::SetTooltip("%s", std::string(note).c_str());
            ImGui::PopStyleColor(2);
        }
        if (ImGui::IsItemClicked()) {
            if (const auto section = section_of_id_.find(link_target_); section != section_of_id_.end()) jump_to_section_ = section->second;
            else if (!open_link(link_target_)) missing_links_.insert(link_target_);
        }
        links_.push_back({link_target_, min.x, min.y, max.x - min.x, max.y - min.y});
    }
    line_used_ += max.x - min.x;
    line_open_ = true;
    pending_.clear();
}

// The cursor is already below the last segment drawn; the next one just must not join it.
void DocumentView::end_line() {
    pending_.clear();
    line_open_ = false;
    line_used_ = 0;
}

void DocumentView::list(const cda::NarrativeNode& node, Style style) {
    int number = 0;
    for (const auto& item : node.children) {
        if (item.kind != cda::NodeKind::item) continue;
        const std::string marker = node.ordered ? std::to_string(++number) + ". " : "・";
        fonts_.need(marker);
        ImGui::TextUnformatted(marker.c_str());
        ImGui::SameLine(0, 0);
        ImGui::BeginGroup();
        line_open_ = false;
        line_used_ = 0;
        for (const auto& child : item.children)
            if (is_block(child)) blocks({child}, style);
            else inline_run(child, style);
        end_line();
        ImGui::EndGroup();
    }
}

// Each column's share of the width: its widest cell's text, capped (one long note must not
// squeeze the others), and never under a header of two characters, so a column that is empty
// in every row (転帰) keeps a readable heading. The text wraps by hand, so ImGui's own measure
// of the cells would give such a column the width of one character. Measured once per table.
const std::vector<float>& DocumentView::column_weights(const cda::NarrativeNode& node, const cda::TableGrid& grid) {
    auto [at, added] = column_weights_.try_emplace(&node);
    if (!added) return at->second;
    const float em = ImGui::GetFontSize();
    std::vector<float>& weights = at->second;
    weights.assign(grid.columns, 2.5f * em);
    for (const auto& row : grid.rows)
        for (const cda::GridCell& placed : row) {
            if (placed.columns != 1) continue;   // a spanning cell says nothing about one column
            const std::string text = collapse_space(plain_text(placed.cell->children));
            fonts_.need(text);
            weights[placed.column] = std::max(weights[placed.column], std::min(ImGui::CalcTextSize(text.c_str()).x + em, 16 * em));
        }
    return weights;
}

void DocumentView::table(const cda::NarrativeNode& node, Style style) {
    // The cells' places as HTML lays them out (cda::table_grid); ImGui tables have no spans, so
    // a spanning cell's text sits in its first column and row, and later cells move past it.
    const cda::TableGrid grid = cda::table_grid(node);
    if (grid.caption) blocks({*grid.caption}, {true, false, false, false, false, false});
    ImGui::PushID(&node);   // the node lives as long as the document: a stable id across frames
    if (!ImGui::BeginTable("##table", static_cast<int>(grid.columns), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::PopID();
        return;
    }
    for (const float weight : column_weights(node, grid)) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, weight);
    // Rows measured at this width: those out of view keep their height, empty. The first, the
    // last and header rows are always drawn (the first gives where the table is this frame).
    std::vector<float>& tops = row_tops_[&node];
    const bool measured = tops.size() == grid.rows.size();
    if (!measured) tops.assign(grid.rows.size(), 0);
    float first_top = 0;
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        if (measured && r > 0 && r + 1 < grid.rows.size() && !grid.header_rows[r] && !in_view(first_top + tops[r], tops[r + 1] - tops[r])) {
            ImGui::TableNextRow(0, tops[r + 1] - tops[r]);
            continue;
        }
        ImGui::TableNextRow(grid.header_rows[r] ? ImGuiTableRowFlags_Headers : 0);
        ImGui::TableSetColumnIndex(0);
        if (r == 0) first_top = ImGui::GetCursorPosY();
        if (!measured) tops[r] = ImGui::GetCursorPosY() - first_top;
        for (const cda::GridCell& placed : grid.rows[r]) {
            const cda::NarrativeNode& cell = *placed.cell;
            ImGui::TableSetColumnIndex(static_cast<int>(placed.column));
            Style cell_style = style;
            cell_style.strong = style.strong || cell.kind == cda::NodeKind::th || grid.header_rows[r];
            line_open_ = false;
            line_used_ = 0;
            for (const auto& child : cell.children)
                if (is_block(child)) blocks({child}, cell_style);
                else inline_run(child, cell_style);
            flush(cell_style);
            line_open_ = false;
            line_used_ = 0;
        }
    }
    ImGui::EndTable();
    ImGui::PopID();
}

}  // namespace ssmix::viewer
