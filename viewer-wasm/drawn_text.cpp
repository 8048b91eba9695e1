// viewer-wasm/drawn_text.cpp — see drawn_text.h.
#include "viewer-wasm/drawn_text.h"

#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include <imgui.h>

namespace ssmix::viewer {
namespace {

struct GlyphKey {
    float u0, v0, u1, v1;
    friend bool operator<(const GlyphKey& a, const GlyphKey& b) {
        return std::tie(a.u0, a.v0, a.u1, a.v1) < std::tie(b.u0, b.v0, b.u1, b.v1);
    }
};

struct GlyphOfFont {
    const ImFontGlyph* glyph;
    const ImFont* font;
};

// Every glyph of every font in the atlas by its texture rectangle (unique: the packer gives each
// bitmap its own place).
std::map<GlyphKey, GlyphOfFont> glyphs_by_uv(const ImFontAtlas& atlas) {
    std::map<GlyphKey, GlyphOfFont> map;
    for (const ImFont* font : atlas.Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) map.emplace(GlyphKey{g.U0, g.V0, g.U1, g.V1}, GlyphOfFont{&g, font});
    return map;
}

void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Builds runs glyph by glyph: a glyph continues the open run when it sits on the same baseline
// where the pen of the previous one ended, give or take the spaces skipped in between.
class RunBuilder {
public:
    explicit RunBuilder(std::vector<DrawnText>& out) : out_(out) {}

    void add(const GlyphOfFont& found, float scale, const ImVec2& top_left, const ImVec2& bottom_right) {
        const ImFontGlyph& g = *found.glyph;
        const float pen_x = top_left.x - g.X0 * scale, baseline = top_left.y - g.Y0 * scale;
        const float em = found.font->FontSize * scale;
        const ImFontGlyph* space = found.font->FindGlyphNoFallback(' ');
        const float space_width = space ? space->AdvanceX * scale : em / 4;

        const float gap = pen_x - pen_end_;
        const bool continues = open_ && std::fabs(baseline - baseline_) < em * 0.25f && gap > -em * 0.25f &&
                               gap < space_width * 3.5f;
        if (!continues) {
            finish();
            out_.push_back(DrawnText{});
            open_ = true;
            left_ = top_left.x, top_ = top_left.y, right_ = bottom_right.x, bottom_ = bottom_right.y;
        } else {
            for (int n = static_cast<int>(std::lround(gap / space_width)); n > 0; --n) out_.back().text += ' ';
        }
        append_utf8(out_.back().text, g.Codepoint);
        left_ = std::fmin(left_, top_left.x), top_ = std::fmin(top_, top_left.y);
        right_ = std::fmax(right_, bottom_right.x), bottom_ = std::fmax(bottom_, bottom_right.y);
        pen_end_ = pen_x + g.AdvanceX * scale;
        baseline_ = baseline;
    }

    // Ends the open run (at a new draw command or a glyph that is not shown).
    void finish() {
        if (!open_) return;
        DrawnText& run = out_.back();
        run.x = left_, run.y = top_, run.width = right_ - left_, run.height = bottom_ - top_;
        open_ = false;
    }

private:
    std::vector<DrawnText>& out_;
    bool open_ = false;
    float pen_end_ = 0, baseline_ = 0;
    float left_ = 0, top_ = 0, right_ = 0, bottom_ = 0;
};

}  // namespace

std::vector<DrawnText> drawn_text(const ImDrawData& frame, const ImFontAtlas& atlas) {
    const auto glyphs = glyphs_by_uv(atlas);
    const ImVec2 display_min = frame.DisplayPos;
    const ImVec2 display_max(display_min.x + frame.DisplaySize.x, display_min.y + frame.DisplaySize.y);

    std::vector<DrawnText> runs;
    RunBuilder builder(runs);
    for (int l = 0; l < frame.CmdListsCount; ++l) {
        const ImDrawList& list = *frame.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            builder.finish();
            if (cmd.UserCallback || cmd.TextureId != atlas.TexID) continue;
            const ImVec4 clip(std::fmax(cmd.ClipRect.x, display_min.x), std::fmax(cmd.ClipRect.y, display_min.y),
                              std::fmin(cmd.ClipRect.z, display_max.x), std::fmin(cmd.ClipRect.w, display_max.y));
            const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
            // A glyph is two triangles (v, v+1, v+2) (v, v+2, v+3); anything else is stepped over
            // one triangle at a time.
            for (unsigned i = 0; i + 3 <= cmd.ElemCount;) {
                const unsigned v = idx[i];
                const bool quad = i + 6 <= cmd.ElemCount && idx[i + 1] == v + 1 && idx[i + 2] == v + 2 && idx[i + 3] == v &&
                                  idx[i + 4] == v + 2 && idx[i + 5] == v + 3;
                if (!quad) {
                    i += 3;
                    continue;
                }
                i += 6;
                const ImDrawVert& a = vtx[v];
                const ImDrawVert& c = vtx[v + 2];
                const auto found = glyphs.find(GlyphKey{a.uv.x, a.uv.y, c.uv.x, c.uv.y});
                if (found == glyphs.end() || found->second.glyph->X1 <= found->second.glyph->X0) {
                    builder.finish();
                    continue;
                }
                const ImFontGlyph& g = *found->second.glyph;
                const float scale = (c.pos.x - a.pos.x) / (g.X1 - g.X0);
                const float cx = (a.pos.x + c.pos.x) / 2, cy = (a.pos.y + c.pos.y) / 2;
                if (cx < clip.x || cx > clip.z || cy < clip.y || cy > clip.w) {
                    builder.finish();
                    continue;
                }
                builder.add(found->second, scale, a.pos, c.pos);
            }
        }
    }
    builder.finish();
    return runs;
}

}  // namespace ssmix::viewer
