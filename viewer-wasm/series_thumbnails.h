// viewer-wasm/series_thumbnails.h — a small picture of each series for the list: its middle
// image with the file's own window, shrunk to fit a square (box filter), as a GL texture.
// Made one at a time once the viewer is ready, in spare frame time, so they never delay the
// first screen or the image being looked at.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/base/file_source.h"
#include "core/dicom/image.h"
#include "viewer-wasm/catalogue.h"

namespace ssmix::viewer {

enum class ThumbnailStatus { waiting, shown, failed };

struct Thumbnail {
    ThumbnailStatus status = ThumbnailStatus::waiting;
    dicom::RenderedFrame picture;   // the shrunk pixels (grey or RGB), for the test API
    unsigned texture = 0;
};

// Shrinks to fit max_side x max_side, keeping the aspect; each pixel the rounded mean of the
// source pixels it covers. Frames already that small are returned as they are.
[[nodiscard]] dicom::RenderedFrame shrink(const dicom::RenderedFrame& frame, unsigned max_side);

class SeriesThumbnails {
public:
    static constexpr unsigned max_side = 64;   // pixels; drawn at 48 CSS pixels

    SeriesThumbnails(FileSource& files, const Catalogue& catalogue) : files_(files), catalogue_(catalogue) {}

    void update();   // the next series without a thumbnail: one step (read, or decode and shrink)
    [[nodiscard]] const Thumbnail* find(const std::string& series_uid) const;

private:
    // The picture and texture made (shown), or why not: the file still loading (waiting), or failed.
    [[nodiscard]] ThumbnailStatus make(const SeriesEntry& series, Thumbnail& thumbnail);

    FileSource& files_;
    const Catalogue& catalogue_;
    std::map<std::string, Thumbnail> thumbnails_;   // by series UID
};

}  // namespace ssmix::viewer
