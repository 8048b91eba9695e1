// viewer-wasm/outlined_text.h — text drawn over an image: yellow with a dark outline, readable on
// any grey (the corner lines, orientation letters, scale bar and measurements).
#pragma once

#include <string>

#include "imgui.h"

namespace ssmix::viewer {

inline void outlined_text(ImDrawList* draw, ImVec2 at, const std::string& text) {
    for (const ImVec2 offset : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        draw->AddText(ImVec2(at.x + offset.x, at.y + offset.y), IM_COL32(0, 0, 0, 230), text.c_str());
    draw->AddText(at, IM_COL32(255, 235, 130, 255), text.c_str());
}

}  // namespace ssmix::viewer
