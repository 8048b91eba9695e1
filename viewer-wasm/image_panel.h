// viewer-wasm/image_panel.h — the right side while images are shown: the frame line, the row of
// tools (1, 2 or 4 views and their link, the file's window, CT presets, inversion, measuring,
// tags, fit, cine) for the active view, the frame slider, the views with their corner overlays
// (who, which study, which image, which window), and the tag browser under them. Each image
// is its ImageView's; a series dragged from the list onto a view is shown there.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "viewer-wasm/catalogue.h"
#include "viewer-wasm/fonts.h"
#include "viewer-wasm/image_view.h"
#include "viewer-wasm/viewports.h"
#include "viewer-wasm/ui_text.h"

namespace ssmix::viewer {

class ImagePanel {
public:
    ImagePanel(Viewports& views, const Catalogue& catalogue, Fonts& fonts) : views_(views), catalogue_(catalogue), fonts_(fonts) {}

    // `disc_patient`: the catalogue's patient whose disc this is; a view of anyone else's images
    // is framed in red and says 【別の患者】 before the name.
    void draw(Language language, std::optional<std::size_t> disc_patient);
    // A view's corner text; its patient is the one the shown series' own files name.
    [[nodiscard]] ImageOverlay overlay(const ImageView& view, Language language) const;

    // Where each view shown was drawn (CSS pixels), for the test API and dragging onto them.
    struct ViewRect {
        float x = 0, y = 0, width = 0, height = 0;
    };
    [[nodiscard]] const std::array<ViewRect, Viewports::most>& view_rects() const { return view_rects_; }
    // The drag-and-drop payload type of a series dragged from the list (its UID, NUL-terminated).
    static constexpr const char* series_payload = "ssmix-series";

    void show_tags(bool shown) { show_tags_ = shown; }
    [[nodiscard]] bool tags_shown() const { return show_tags_; }

private:
    void draw_tools(Language language);
    void draw_layout_tools(Language language);
    void draw_mpr_tools(Language language);
    void label_inline(const std::string& utf8);   // text on the tools' line
    void draw_view(std::size_t index, float width, float height, bool keys_here, Language language);
    void draw_tag_browser(float height);
    void label(std::string_view utf8);

    Viewports& views_;
    std::optional<std::size_t> disc_patient_;
    std::array<ViewRect, Viewports::most> view_rects_{};
    const Catalogue& catalogue_;
    Fonts& fonts_;
    bool show_tags_ = false;
};

}  // namespace ssmix::viewer
