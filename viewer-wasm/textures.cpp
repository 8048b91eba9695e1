// viewer-wasm/textures.cpp — WebGL2 (OpenGL ES 3.0) texture uploads.
#include "viewer-wasm/textures.h"

#include <GLES3/gl3.h>

namespace ssmix::viewer {

void upload_texture(unsigned& texture, unsigned width, unsigned height, unsigned channels, const std::uint8_t* pixels) {
    const GLenum format = channels == 1 ? GL_LUMINANCE : channels == 3 ? GL_RGB : GL_RGBA;
    if (!texture) glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(format), static_cast<GLsizei>(width), static_cast<GLsizei>(height), 0,
                 format, GL_UNSIGNED_BYTE, pixels);
}

}  // namespace ssmix::viewer
