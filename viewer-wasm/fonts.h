// viewer-wasm/fonts.h — the Japanese font. The whole subset of Noto Sans CJK JP is embedded
// (JIS X 0208 and the symbols Japanese records use), but the ImGui atlas holds only the glyphs
// that are actually shown: the UI table, kana, and every string the viewer has met so far.
// need() adds a string's characters; the atlas is rebuilt before the next frame when it grew.
#pragma once

#include <set>
#include <string_view>
#include <vector>

namespace ssmix::viewer {

class Fonts {
public:
    void build_initial(float pixel_size);   // after ImGui::CreateContext, before the first frame
    // Device pixels per CSS pixel: glyphs are rasterized that much larger and drawn scaled
    // back, so text stays sharp on high-DPI screens. Rebuilds the atlas when it changes.
    void set_scale(float scale);
    [[nodiscard]] float scale() const { return scale_; }
    void need(std::string_view utf8);        // cheap when nothing is new
    // Rebuilds the atlas if need() added glyphs; returns true when the GL texture must be
    // recreated. Call between frames only.
    [[nodiscard]] bool rebuild_if_needed();

    [[nodiscard]] bool rebuild_pending() const { return dirty_; }
    [[nodiscard]] std::size_t glyph_count() const { return wanted_.size(); }
    [[nodiscard]] const std::set<unsigned>& missing() const { return missing_; }   // needed, not in the font

private:
    void build();

    float pixel_size_ = 18;
    float scale_ = 1;
    std::set<unsigned> wanted_;    // in the atlas: the initial blocks plus everything needed
    std::set<unsigned> needed_;    // met in text actually shown
    std::set<unsigned> missing_;
    std::vector<unsigned short> ranges_;   // must outlive the atlas build
    bool dirty_ = false;
};

// Decodes UTF-8 into code points; invalid sequences become U+FFFD.
[[nodiscard]] std::vector<unsigned> code_points(std::string_view utf8);

}  // namespace ssmix::viewer
