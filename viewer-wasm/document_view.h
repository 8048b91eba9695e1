// viewer-wasm/document_view.h — one CDA document drawn with ImGui, for the physician to read:
// the title and header (who, about whom, for whom, when), then each section under a header that
// opens and closes (the headers are the contents list), and its narrative: paragraphs wrapped
// to the panel, styled runs (bold and emphasis in dark blue, italics in violet: the embedded
// font has one weight and no slant; underline drawn), deleted text struck through in red, inserted text in green, lists with
// bullets or numbers, tables with header rows, footnotes as [n] with their text after the
// section, line breaks, images (observationMedia PNG/JPEG/GIF, decoded by the browser). Links
// are shown as text and never followed; other media are named.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/cda/document.h"
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

private:
    void draw_document(const cda::Document& document, Language language);
    struct Style {
        bool strong = false, italic = false, underline = false, deleted = false, inserted = false, small = false;
    };
    void blocks(const std::vector<cda::NarrativeNode>& nodes, Style style);
    void inline_run(const cda::NarrativeNode& node, Style style);
    void words(const std::string& text, Style style);
    void flush(Style style);
    void end_line();
    void table(const cda::NarrativeNode& table, Style style);
    void media(const cda::NarrativeNode& node, Style style);
    void list(const cda::NarrativeNode& list, Style style);
    [[nodiscard]] bool is_block(const cda::NarrativeNode& node) const;

    Fonts& fonts_;
    MediaImages& media_;
    const cda::Document* document_ = nullptr;   // while drawing
    std::string path_;
    std::string pending_;          // text measured onto the current line, not yet drawn
    float line_used_ = 0;          // width already drawn on the current line
    bool line_open_ = false;
    std::vector<std::string> footnotes_;   // of the section being drawn
};

}  // namespace ssmix::viewer
