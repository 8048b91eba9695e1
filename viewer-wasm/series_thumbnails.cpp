// viewer-wasm/series_thumbnails.cpp — the middle frame's file is read through the same
// FileSource as the image view (its chunks loading meanwhile), rendered by core/dicom and
// shrunk here.
#include "viewer-wasm/series_thumbnails.h"

#include <algorithm>

#include "core/dicom/dataset.h"
#include "viewer-wasm/textures.h"

namespace ssmix::viewer {

dicom::RenderedFrame shrink(const dicom::RenderedFrame& frame, unsigned max_side) {
    if (frame.width <= max_side && frame.height <= max_side) return frame;
    const double scale = static_cast<double>(max_side) / std::max(frame.width, frame.height);
    dicom::RenderedFrame out;
    out.width = std::max(1u, static_cast<unsigned>(frame.width * scale));
    out.height = std::max(1u, static_cast<unsigned>(frame.height * scale));
    out.channels = frame.channels;
    out.window = frame.window;
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * out.channels);
    for (unsigned y = 0; y < out.height; ++y) {
        const std::size_t y0 = std::size_t{y} * frame.height / out.height, y1 = std::size_t{y + 1} * frame.height / out.height;
        for (unsigned x = 0; x < out.width; ++x) {
            const std::size_t x0 = std::size_t{x} * frame.width / out.width, x1 = std::size_t{x + 1} * frame.width / out.width;
            const std::size_t count = (y1 - y0) * (x1 - x0);
            for (unsigned c = 0; c < frame.channels; ++c) {
                std::size_t sum = 0;
                for (std::size_t sy = y0; sy < y1; ++sy)
                    for (std::size_t sx = x0; sx < x1; ++sx) sum += frame.pixels[(sy * frame.width + sx) * frame.channels + c];
                out.pixels[(std::size_t{y} * out.width + x) * out.channels + c] = static_cast<std::uint8_t>((sum + count / 2) / count);
            }
        }
    }
    return out;
}

const Thumbnail* SeriesThumbnails::find(const std::string& series_uid) const {
    const auto it = thumbnails_.find(series_uid);
    return it == thumbnails_.end() ? nullptr : &it->second;
}

void SeriesThumbnails::update() {
    for (const auto& study : catalogue_.studies())
        for (const auto& series : study.series) {
            Thumbnail& thumbnail = thumbnails_[series.uid];
            if (thumbnail.status != ThumbnailStatus::waiting) continue;
            thumbnail.status = make(series, thumbnail);
            return;   // one series a frame; a file still loading is asked for again next frame
        }
}

ThumbnailStatus SeriesThumbnails::make(const SeriesEntry& series, Thumbnail& thumbnail) {
    const auto location = catalogue_.locate(series.uid, series.frame_count() / 2);
    if (!location) return ThumbnailStatus::failed;
    const FileRead read = files_.read(location->path);
    if (read.status == ReadStatus::pending) return ThumbnailStatus::waiting;
    if (read.status != ReadStatus::ready) return ThumbnailStatus::failed;
    auto dataset = dicom::read_dataset(read.bytes, location->path);
    if (!dataset.value) return ThumbnailStatus::failed;
    dicom::FrameRenderer renderer(*dataset.value);
    auto rendered = renderer.render(location->frame_in_file, std::nullopt);
    if (!rendered.value || (rendered.value->channels != 1 && rendered.value->channels != 3)) return ThumbnailStatus::failed;
    thumbnail.picture = shrink(*rendered.value, max_side);
    const auto& picture = thumbnail.picture;
    upload_texture(thumbnail.texture, picture.width, picture.height, picture.channels, picture.pixels.data());
    return ThumbnailStatus::shown;
}

}  // namespace ssmix::viewer
