// core/dicom/window.cpp — see window.h; the names follow DCMTK's so the two can be compared.
#include "core/dicom/window.h"

#include <algorithm>

namespace ssmix::dicom {

std::uint8_t window_value(double value, Window window) {
    const double width_1 = std::max(window.width, 1.0) - 1;
    const double left_border = window.center - 0.5 - width_1 / 2;
    const double right_border = window.center - 0.5 + width_1 / 2;
    if (value <= left_border) return 0;
    if (value > right_border) return 255;
    // Only reached with width_1 > 0: a width of 1 puts both borders at center - 0.5.
    const double out_range = 255;
    const double offset = out_range - ((window.center - 0.5) / width_1 + 0.5) * out_range;
    const double gradient = out_range / width_1;
    return static_cast<std::uint8_t>(std::clamp(offset + value * gradient, 0.0, 255.0));
}

}  // namespace ssmix::dicom
