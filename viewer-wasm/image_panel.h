// viewer-wasm/image_panel.h — the right side while a series is shown: the frame line, the row of
// tools (the file's window, CT presets, inversion, measuring, tags, fit, cine), the frame
// slider, the image with its corner overlay (who, which study, which image, which window), and
// the tag browser under it. The image itself is ImageView's; this is what surrounds it.
#pragma once

#include <string_view>

#include "viewer-wasm/catalogue.h"
#include "viewer-wasm/fonts.h"
#include "viewer-wasm/image_view.h"
#include "viewer-wasm/ui_text.h"

namespace ssmix::viewer {

class ImagePanel {
public:
    ImagePanel(ImageView& view, const Catalogue& catalogue, Fonts& fonts) : view_(view), catalogue_(catalogue), fonts_(fonts) {}

    void draw(Language language);
    // The corner text; its patient is the one the shown series' own files name.
    [[nodiscard]] ImageOverlay overlay(Language language) const;

    void show_tags(bool shown) { show_tags_ = shown; }
    [[nodiscard]] bool tags_shown() const { return show_tags_; }

private:
    void draw_tools(Language language);
    void draw_tag_browser(float height);
    void label(std::string_view utf8);

    ImageView& view_;
    const Catalogue& catalogue_;
    Fonts& fonts_;
    bool show_tags_ = false;
};

}  // namespace ssmix::viewer
