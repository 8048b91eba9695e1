// core/dicom/measurements.h — what a physician measures on an image, in image pixel
// coordinates (x to the right, y down; pixel (c, r) covers [c, c+1) x [r, r+1)), turned into
// millimetres and degrees with the frame's Pixel Spacing (row, column spacing in mm).
#pragma once

#include <cstddef>
#include <optional>

#include "core/dicom/image.h"

namespace ssmix::dicom {

struct PixelSpacing {
    double row = 1, column = 1;   // mm between rows (y) and between columns (x)
};

// The angle at the vertex (x2, y2) between the arms to (x1, y1) and (x3, y3), in degrees
// (0-180), measured in millimetres so that non-square pixels do not bend it. Empty when an
// arm has no length.
[[nodiscard]] std::optional<double> angle_degrees(double x1, double y1, double x2, double y2, double x3, double y3,
                                                  PixelSpacing spacing);

// Statistics of the modality values (HU for CT) inside an ellipse centred on (cx, cy) with
// radii rx, ry: every pixel whose centre lies inside counts. sd is the population standard
// deviation (as numpy's std). area_mm2 is the ellipse's own area, pi * rx * ry in mm^2.
struct RegionStats {
    std::size_t pixels = 0;
    double mean = 0, sd = 0, min = 0, max = 0;
    double area_mm2 = 0;
};
[[nodiscard]] std::optional<RegionStats> ellipse_stats(const ModalityFrame& frame, double cx, double cy, double rx, double ry,
                                                       PixelSpacing spacing);

}  // namespace ssmix::dicom
