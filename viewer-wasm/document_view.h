// viewer-wasm/document_view.h — one CDA document drawn with ImGui, for the physician to read:
// the title and header (who, about whom, for whom, when), a contents list of its sections, then
// each section under a header that opens and closes, and its narrative: paragraphs wrapped
// to the panel, styled runs (bold and emphasis in dark blue, italics in violet: the embedded
// font has one weight and no slant; underline drawn), deleted text struck through in red, inserted text in green, lists with
// bullets or numbers, tables with header rows, footnotes as [n] with their text after the
// section, line breaks, images (observationMedia PNG/JPEG/GIF, decoded by the browser). A
// contents entry or a link to an ID inside the document (the only links CDA readers keep)
// opens that section and scrolls to it; nothing ever leads outside the disc: a DICOM report's
// reference to an image opens that image in the viewer. Other media are named.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/cda/document.h"
#include "core/cda/table_grid.h"
#include "viewer-wasm/fonts.h"
#include "viewer-wasm/media_images.h"
#include "viewer-wasm/ui_text.h"

namespace ssmix::viewer {

class DocumentView {
public:
    DocumentView(Fonts& fonts, MediaImages& media) : fonts_(fonts), media_(media) {}
    // `path`: the document's disc path, which names its images.
    void draw(const cda::Document& document, const std::string& path, Language language);
    // Called by the button under a body that is a file (a PDF): save it.
    std::function<void()> save_body;
    // Called for a link outside the document (a report's "dicom:<UID>" image); false when that
    // image is not here, and the link is then greyed with a note.
    std::function<bool(const std::string& target)> open_link;

    // For the test API, as last drawn: the contents entries (screen rectangles, CSS pixels),
    // how far the document is scrolled, and the first section whose header is in view.
    struct ContentsEntry {
        std::string title;
        float x = 0, y = 0, width = 0, height = 0;
    };
    [[nodiscard]] const std::vector<ContentsEntry>& contents() const { return contents_; }
    [[nodiscard]] float scroll_y() const { return scroll_y_; }
    [[nodiscard]] float scroll_max_y() const { return scroll_max_y_; }   // the letter's height below the view
    [[nodiscard]] int top_section() const { return top_section_; }
    [[nodiscard]] int jumped_to() const { return jumped_to_; }   // the last section jumped to, or -1
    struct LinkEntry {
        std::string target;
        float x = 0, y = 0, width = 0, height = 0;
    };
    [[nodiscard]] const std::vector<LinkEntry>& links() const { return links_; }

private:
    void draw_document(const cda::Document& document, Language language);
    void draw_contents(const cda::Document& document, Language language);
    void index_ids(const cda::Document& document);   // which section holds each ID, once per document (path_)
    struct Style {
        bool strong = false, italic = false, underline = false, deleted = false, inserted = false, small = false;
    };
    void blocks(const std::vector<cda::NarrativeNode>& nodes, Style style);
    void inline_run(const cda::NarrativeNode& node, Style style);
    void words(const std::string& text, Style style);
    void flush(Style style);
    void end_line();
    void table(const cda::NarrativeNode& table, Style style);
    const std::vector<float>& column_weights(const cda::NarrativeNode& table, const cda::TableGrid& grid);
    void media(const cda::NarrativeNode& node, Style style);
    Language language_ = Language::ja;   // of the document being drawn
    void list(const cda::NarrativeNode& list, Style style);
    // The layout is kept per width: what lies outside the view is not laid out again each frame
    // (a section as its measured height, a table row as its own), only what can be seen.
    void reset_layout_if_changed();
    [[nodiscard]] static bool in_view(float top, float height);   // window-local y
    [[nodiscard]] bool is_block(const cda::NarrativeNode& node) const;

    Fonts& fonts_;
    MediaImages& media_;
    const cda::Document* document_ = nullptr;   // while drawing
    std::string path_;
    std::string pending_;          // text measured onto the current line, not yet drawn
    float line_used_ = 0;          // width already drawn on the current line
    bool line_open_ = false;
    std::map<const cda::NarrativeNode*, int> footnote_numbers_;          // of the indexed document
    std::map<const cda::Section*, std::vector<std::string>> section_footnotes_;
    std::string link_target_;              // the ID the text being drawn links to, if any
    std::map<std::string, int> section_of_id_;
    std::string indexed_path_;             // the document section_of_id_ is for
    std::map<const cda::NarrativeNode*, std::vector<float>> column_weights_;   // per table of that document
    int jump_to_section_ = -1;             // asked for by a contents entry or a link; done next frame
    int jumped_to_ = -1;
    std::vector<ContentsEntry> contents_;
    std::vector<LinkEntry> links_;
    std::set<std::string> missing_links_;
    float scroll_y_ = 0, scroll_max_y_ = 0;
    int top_section_ = 0;
    std::string laid_out_path_;            // what the measures below are of: this document,
    float laid_out_width_ = 0, laid_out_font_ = 0;   // at this width and font size
    std::map<const cda::Section*, float> section_heights_;
    std::map<const cda::NarrativeNode*, std::vector<float>> row_tops_;   // per table: each row's top below its first
};

}  // namespace ssmix::viewer
