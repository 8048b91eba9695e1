// viewer-wasm/imgui_renderer.cpp — ImGui's vertices (position, texture coordinates, colour)
// through one shader; 32-bit indices (ImDrawIdx is unsigned int in this build), so a long
// letter's window needs no vertex offsets, which WebGL2 cannot draw.
#include "viewer-wasm/imgui_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>

#include "imgui.h"

namespace ssmix::viewer {
namespace {

static_assert(sizeof(ImDrawIdx) == 4, "the viewer builds ImGui with 32-bit indices (viewer-wasm/CMakeLists.txt)");

constexpr const char* vertex_shader = R"(#version 300 es
uniform mat4 projection;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
out vec2 fragment_uv;
out vec4 fragment_color;
void main() {
    fragment_uv = uv;
    fragment_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
})";

constexpr const char* fragment_shader = R"(#version 300 es
precision mediump float;
uniform sampler2D texture_sampler;
in vec2 fragment_uv;
in vec4 fragment_color;
layout (location = 0) out vec4 out_color;
void main() {
    out_color = fragment_color * texture(texture_sampler, fragment_uv);
})";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

std::string info_log(GLuint object, bool is_program) {
    GLint length = 0;
    if (is_program) glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
    if (is_program) glGetProgramInfoLog(object, length, nullptr, log.data());
    else glGetShaderInfoLog(object, length, nullptr, log.data());
    return log.c_str();
}

}  // namespace

bool ImGuiRenderer::init(std::string& problem) {
    const GLuint vertex = compile(GL_VERTEX_SHADER, vertex_shader);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, fragment_shader);
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    GLint linked = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);   // the one read back, once
    if (!linked) {
        problem = "ImGui shaders: " + info_log(vertex, false) + info_log(fragment, false) + info_log(program_, true);
        return false;
    }
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    projection_location_ = glGetUniformLocation(program_, "projection");
    sampler_location_ = glGetUniformLocation(program_, "texture_sampler");

    // The vertex array remembers the attribute layout and the index buffer.
    glGenVertexArrays(1, &vertex_array_);
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto offset = [](std::size_t bytes) { return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(bytes)); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGui::GetIO().BackendRendererName = "ssmix_webgl2";
    return true;
}

void ImGuiRenderer::upload_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
}

void ImGuiRenderer::set_render_state(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height) const {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    // Orthographic: ImGui's display rectangle onto clip space, y down.
    const float left = draw_data.DisplayPos.x, right = left + draw_data.DisplaySize.x;
    const float top = draw_data.DisplayPos.y, bottom = top + draw_data.DisplaySize.y;
    const float projection[16] = {
        2 / (right - left), 0, 0, 0,
        0, 2 / (top - bottom), 0, 0,
        0, 0, -1, 0,
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0, 1,
    };
    glUniformMatrix4fv(projection_location_, 1, GL_FALSE, projection);
    glUniform1i(sampler_location_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
}

void ImGuiRenderer::render(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height) {
    if (framebuffer_width <= 0 || framebuffer_height <= 0) return;
    set_render_state(draw_data, framebuffer_width, framebuffer_height);
    const ImVec2 origin = draw_data.DisplayPos, scale = draw_data.FramebufferScale;
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback == ImDrawCallback_ResetRenderState) {
                set_render_state(draw_data, framebuffer_width, framebuffer_height);
                continue;
            }
            if (command.UserCallback) {
                command.UserCallback(&list, &command);
                continue;
            }
            // The clip rectangle in framebuffer pixels (GL counts y from the bottom).
            const float x0 = (command.ClipRect.x - origin.x) * scale.x, y0 = (command.ClipRect.y - origin.y) * scale.y;
            const float x1 = (command.ClipRect.z - origin.x) * scale.x, y1 = (command.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(framebuffer_height) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(command.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glBindVertexArray(0);
}

}  // namespace ssmix::viewer
