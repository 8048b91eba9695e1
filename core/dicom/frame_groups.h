// core/dicom/frame_groups.h — what an enhanced multi-frame image (Enhanced CT/MR/XA ...) says
// about one frame in its functional groups (PS3.3 C.7.6.16): the per-frame item, else the
// shared one. DCMTK's image module reads only the top-level attributes, which these objects
// leave out, so the renderer takes rescale and window from here and the viewer the frame's
// position, orientation, pixel spacing and slice thickness.
#pragma once

#include <array>
#include <optional>

#include "core/dicom/dataset.h"

namespace ssmix::dicom {

struct FrameGroups {
    std::optional<double> rescale_slope, rescale_intercept;         // Pixel Value Transformation
    std::optional<double> window_center, window_width;              // Frame VOI LUT (the first window)
    std::optional<double> spacing_row, spacing_column;              // Pixel Measures, mm
    std::optional<double> position_z;                               // Plane Position (Patient), mm
    std::optional<std::array<double, 6>> orientation;               // Plane Orientation (Patient)
    std::optional<double> slice_thickness;                          // Pixel Measures, mm
};

// What the frame's groups say, over the top-level Image Orientation (Patient) and Slice
// Thickness a classic image gives every frame.
[[nodiscard]] FrameGroups frame_groups(const Dataset& dataset, unsigned frame);

}  // namespace ssmix::dicom
