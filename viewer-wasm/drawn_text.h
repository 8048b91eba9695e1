// viewer-wasm/drawn_text.h — the text the last frame actually put on the screen, read back
// from ImGui's draw lists (every glyph is a textured quad whose UVs name its glyph), so a check
// of "X is shown" or "X is not shown" sees what reached the canvas: text clipped away, scrolled
// out or never drawn is absent, whatever the font atlas holds.
#pragma once

#include <string>
#include <vector>

struct ImDrawData;
struct ImFontAtlas;

namespace ssmix::viewer {

struct DrawnText {
    std::string text;   // UTF-8; glyphs of one run on one line, spaces where the pen skipped
    float x = 0, y = 0, width = 0, height = 0;   // bounding box of the glyphs, display pixels
};

// Runs of visible glyphs in drawing order. A glyph counts when it is whole (not cut by ImGui's
// CPU clipping) and its centre lies inside its draw command's clip rectangle and the display.
[[nodiscard]] std::vector<DrawnText> drawn_text(const ImDrawData& frame, const ImFontAtlas& atlas);

}  // namespace ssmix::viewer
