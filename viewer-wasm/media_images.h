// viewer-wasm/media_images.h — the images inside letters (observationMedia with inline PNG,
// JPEG or GIF bytes), shown in the letter as textures. The browser decodes them (the page's
// createImageBitmap on a Blob made from the bytes: nothing is fetched, nothing runs) and hands
// back RGBA; other types (SVG, PDF ...) are never decoded and stay named in the text.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/base/bytes.h"

namespace ssmix::viewer {

enum class MediaStatus { decoding, shown, not_shown };

struct MediaImage {
    std::string key;                // "<document path>#<observationMedia ID>"
    MediaStatus status = MediaStatus::decoding;
    int width = 0, height = 0;
    unsigned texture = 0;
    std::string rgba_sha256;        // of the decoded pixels, for the test API (the pixels live in the texture only)
};

class MediaImages {
public:
    // Asks the page to decode; the answer comes through arrived() or failed() with the same id.
    using Decode = std::function<void(int id, const std::string& media_type, const Bytes& bytes)>;
    explicit MediaImages(Decode decode) : decode_(std::move(decode)) {}

    // The image for `key`, decoding it on first sight; nullptr until it is shown (or never).
    const MediaImage* get(const std::string& key, const std::string& media_type, const Bytes& bytes);
    void arrived(int id, int width, int height, const std::uint8_t* rgba);
    void failed(int id);

    [[nodiscard]] std::vector<const MediaImage*> all() const;

    static constexpr int max_side = 4096;   // larger images are not decoded (a letter's photo is far smaller)

private:
    Decode decode_;
    std::map<int, MediaImage> images_;       // by request id
    std::map<std::string, int> ids_;         // key -> request id
};

[[nodiscard]] bool is_raster_image(const std::string& media_type);

}  // namespace ssmix::viewer
