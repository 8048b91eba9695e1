// viewer-wasm/fonts.cpp — atlas on demand from the embedded font (see fonts.h).
#include "viewer-wasm/fonts.h"

#include "imgui.h"
#include "viewer-wasm/font_data.h"
#include "viewer-wasm/ui_text.h"

namespace ssmix::viewer {

std::vector<unsigned> code_points(std::string_view utf8) {
    std::vector<unsigned> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const int length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
        if (length == 0 || i + length > utf8.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        unsigned cp = length == 1 ? lead : lead & (0x7F >> length);
        bool valid = true;
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + k]);
            valid = valid && (next >> 6) == 2;
            cp = cp << 6 | (next & 0x3F);
        }
        out.push_back(valid ? cp : 0xFFFD);
        i += valid ? length : 1;
    }
    return out;
}

void Fonts::build_initial(float pixel_size) {
    pixel_size_ = pixel_size;
    for (unsigned cp = 0x20; cp < 0x7F; ++cp) wanted_.insert(cp);
    for (unsigned cp = 0x3000; cp <= 0x30FF; ++cp) wanted_.insert(cp);   // CJK punctuation, hiragana, katakana
    for (unsigned cp = 0xFF01; cp <= 0xFF5E; ++cp) wanted_.insert(cp);   // full-width ASCII
    wanted_.insert(0x2026);                                             // …
    wanted_.insert(0xFFFD);
    need(all_texts());
    build();
}

void Fonts::need(std::string_view utf8) {
    for (unsigned cp : code_points(utf8)) {
        if (cp > 0xFFFF || cp < 0x20) continue;   // ImWchar is 16 bits; controls are not drawn
        if (!needed_.insert(cp).second) continue;
        if (wanted_.insert(cp).second) dirty_ = true;
    }
}

void Fonts::set_scale(float scale) {
    if (scale == scale_) return;
    scale_ = scale;
    dirty_ = true;
}

bool Fonts::rebuild_if_needed() {
    if (!dirty_) return false;
    build();
    return true;
}

void Fonts::build() {
    dirty_ = false;
    ranges_.clear();
    for (unsigned cp : wanted_) {
        if (!ranges_.empty() && ranges_.back() + 1 == cp) {
            ranges_.back() = static_cast<unsigned short>(cp);
        } else {
            ranges_.push_back(static_cast<unsigned short>(cp));
            ranges_.push_back(static_cast<unsigned short>(cp));
        }
    }
    ranges_.push_back(0);

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;   // the bytes live in the wasm data segment
    config.OversampleH = 1;                // halves the atlas; CJK needs no sub-pixel positioning
    config.OversampleV = 1;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font_data()), static_cast<int>(font_size()),
                                   pixel_size_ * scale_, &config, reinterpret_cast<const ImWchar*>(ranges_.data()));
    io.Fonts->Build();
    io.FontGlobalScale = 1 / scale_;

    ImFont* font = io.Fonts->Fonts.back();
    missing_.clear();
    for (unsigned cp : needed_)
        if (cp != 0x20 && font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) == nullptr) missing_.insert(cp);
}

}  // namespace ssmix::viewer
