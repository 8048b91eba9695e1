// viewer-wasm/imgui_renderer.h — draws ImGui's frames with WebGL2 (OpenGL ES 3.0).
// In place of ImGui's OpenGL3 backend, which reads some twenty pieces of GL state back every
// frame to restore them afterwards: in a browser each read waits for the GPU process to finish
// the drawing queued before it (5-7 ms a frame without a GPU). This one reads nothing back: it
// sets all the state it draws with, every frame; nothing else in the viewer keeps GL state
// across frames.
#pragma once

#include <string>

struct ImDrawData;

namespace ssmix::viewer {

class ImGuiRenderer {
public:
    // With the GL context current; on failure (shaders that do not build) says why.
    [[nodiscard]] bool init(std::string& problem);
    void upload_font_atlas();   // after every atlas (re)build
    void render(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height);

private:
    void set_render_state(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height) const;

    unsigned program_ = 0;
    unsigned vertex_array_ = 0;
    unsigned vertex_buffer_ = 0;
    unsigned index_buffer_ = 0;
    unsigned font_texture_ = 0;
    int projection_location_ = -1;
    int sampler_location_ = -1;
};

}  // namespace ssmix::viewer
