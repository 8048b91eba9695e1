// core/dicom/window.h — the VOI window (PS3.3 C.11.2.1.2.1, "LINEAR") applied to one modality
// value, for images core/dicom renders itself (MPR planes). It repeats DCMTK's own arithmetic
// (dimoopxt.h, VOI LINEAR without a display LUT: offset + value * gradient, truncated) so a
// reformatted axial plane and the same slice rendered by FrameRenderer agree bit for bit.
#pragma once

#include <cstdint>

#include "core/dicom/image.h"

namespace ssmix::dicom {

// 0 at or below the window's lower border, 255 above its upper one, linear between.
// A width below 1 is taken as 1 (the standard's minimum), which thresholds at center - 0.5.
[[nodiscard]] std::uint8_t window_value(double value, Window window);

}  // namespace ssmix::dicom
