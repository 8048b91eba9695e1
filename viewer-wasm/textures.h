// viewer-wasm/textures.h — the GL textures of the pictures the viewer draws (images, letter
// images, series thumbnails): linear filtering, edges clamped, rows without padding.
#pragma once

#include <cstdint>

namespace ssmix::viewer {

// Uploads width x height pixels of `channels` bytes (1 grey, sampled as L, L, L, 1; 3 RGB;
// 4 RGBA) into `texture`, creating it when it is 0.
void upload_texture(unsigned& texture, unsigned width, unsigned height, unsigned channels, const std::uint8_t* pixels);

}  // namespace ssmix::viewer
