// core/dicom/image.h — decodes a frame with DCMTK (any transfer syntax it has a codec for)
// and renders it to 8 bits through the Modality LUT and a VOI window or LUT, exactly as
// DCMTK's own tools (dcmj2pnm) do, so the viewer and native checks agree bit for bit.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/dicom/dataset.h"
#include "core/dicom/frame_groups.h"

class DicomImage;   // DCMTK; stays inside core/dicom

namespace ssmix::dicom {

struct Window {
    double center = 0;
    double width = 0;
};

struct RenderedFrame {
    unsigned width = 0, height = 0;
    unsigned channels = 0;       // 1 = grey, 3 = RGB (interleaved)
    Bytes pixels;                // row-major, width * height * channels
    std::optional<Window> window;  // the window applied (grey images with a window)
    bool has_overlays = false;     // the file has overlay planes (60xx), drawn unless switched off
    // An enhanced image's own geometry for this frame (functional groups), when it gives one.
    std::optional<double> spacing_row, spacing_column, position_z;
    std::optional<std::array<double, 6>> orientation;   // Image Orientation (Patient), per frame when given so
    std::optional<double> slice_thickness;              // mm
};

// A grey frame's values after the modality transform (Rescale Slope/Intercept or Modality
// LUT): Hounsfield units for CT. Row-major, width * height.
struct ModalityFrame {
    unsigned width = 0, height = 0;
    std::vector<double> values;
};

// Renders the frames of one dataset. Keeps the decoded current frame, so changing the window
// re-renders without decoding again. Call order: construct, then render() as often as needed.
class FrameRenderer {
public:
    explicit FrameRenderer(const Dataset& dataset);
    FrameRenderer(FrameRenderer&&) noexcept;
    FrameRenderer& operator=(FrameRenderer&&) noexcept;
    ~FrameRenderer();

    // window empty: the file's first VOI window (when its width is at least 1), else its first
    // VOI LUT, else the frame's min/max (dcmj2pnm +Wi 1 / +Wl 1 / +Wm). Overlay planes are drawn
    // as dcmj2pnm does (+O 0), unless switched off.
    [[nodiscard]] Parsed<RenderedFrame> render(unsigned frame, std::optional<Window> window);

    // The frame rendered with its default window (as render(frame, {})) as a baseline JPEG
    // (DCMTK's DiJPEGPlugin): the key images of the disc's static pages.
    [[nodiscard]] Parsed<Bytes> jpeg(unsigned frame, int quality = 90);

    void set_overlays(bool shown) { overlays_ = shown; }

    // The modality values of the frame last rendered; empty for colour frames or before a render.
    [[nodiscard]] std::optional<ModalityFrame> modality_values() const;

private:
    [[nodiscard]] std::unique_ptr<DicomImage> decode(unsigned frame, bool partial = true) const;

    const Dataset* dataset_;
    FrameGroups groups_;   // of frame_
    unsigned frame_count_ = 0;
    std::unique_ptr<DicomImage> image_;
    unsigned frame_ = 0;
    bool overlays_ = true;
};

}  // namespace ssmix::dicom
