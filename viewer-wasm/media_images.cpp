// viewer-wasm/media_images.cpp — one texture per image, made when its pixels arrive.
#include "viewer-wasm/media_images.h"

#include "core/base/sha256.h"
#include "viewer-wasm/textures.h"

namespace ssmix::viewer {

bool is_raster_image(const std::string& media_type) {
    return media_type == "image/png" || media_type == "image/jpeg" || media_type == "image/gif";
}

const MediaImage* MediaImages::get(const std::string& key, const std::string& media_type, const Bytes& bytes) {
    const auto known = ids_.find(key);
    if (known != ids_.end()) {
        const MediaImage& image = images_.at(known->second);
        return image.status == MediaStatus::shown ? &image : nullptr;
    }
    const int id = static_cast<int>(images_.size()) + 1;
    ids_[key] = id;
    MediaImage& image = images_[id];
    image.key = key;
    if (!is_raster_image(media_type) || bytes.empty() || !decode_) {
        image.status = MediaStatus::not_shown;
        return nullptr;
    }
    decode_(id, media_type, bytes);
    return nullptr;
}

void MediaImages::arrived(int id, int width, int height, const std::uint8_t* rgba) {
    const auto it = images_.find(id);
    if (it == images_.end()) return;
    MediaImage& image = it->second;
    if (width <= 0 || height <= 0 || width > max_side || height > max_side) return failed(id);
    image.width = width;
    image.height = height;
    image.rgba_sha256 = sha256_hex({rgba, static_cast<std::size_t>(width) * height * 4});
    upload_texture(image.texture, static_cast<unsigned>(width), static_cast<unsigned>(height), 4, rgba);
    image.status = MediaStatus::shown;
}

void MediaImages::failed(int id) {
    const auto it = images_.find(id);
    if (it != images_.end()) it->second.status = MediaStatus::not_shown;
}

std::vector<const MediaImage*> MediaImages::all() const {
    std::vector<const MediaImage*> out;
    for (const auto& [id, image] : images_) out.push_back(&image);
    return out;
}

}  // namespace ssmix::viewer
