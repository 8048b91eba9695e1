// core/dicom/measurements.cpp — see measurements.h. The region's mean and SD are summed in two
// passes (mean first), which keeps the SD exact for large HU offsets.
#include "core/dicom/measurements.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ssmix::dicom {

std::optional<double> angle_degrees(double x1, double y1, double x2, double y2, double x3, double y3, PixelSpacing spacing) {
    const double ax = (x1 - x2) * spacing.column, ay = (y1 - y2) * spacing.row;
    const double bx = (x3 - x2) * spacing.column, by = (y3 - y2) * spacing.row;
    const double a = std::hypot(ax, ay), b = std::hypot(bx, by);
    if (a == 0 || b == 0) return std::nullopt;
    const double cosine = std::clamp((ax * bx + ay * by) / (a * b), -1.0, 1.0);
    return std::acos(cosine) * 180 / std::numbers::pi;
}

std::optional<RegionStats> ellipse_stats(const ModalityFrame& frame, double cx, double cy, double rx, double ry, PixelSpacing spacing) {
    if (!(rx > 0) || !(ry > 0) || frame.values.size() < std::size_t{frame.width} * frame.height) return std::nullopt;
    // Only the rows and columns the ellipse's bounding box touches are visited.
    const auto first = [](double from, unsigned size) { return static_cast<unsigned>(std::clamp(std::floor(from), 0.0, double(size))); };
    const unsigned c0 = first(cx - rx, frame.width), c1 = first(cx + rx + 1, frame.width);
    const unsigned r0 = first(cy - ry, frame.height), r1 = first(cy + ry + 1, frame.height);
    const auto inside = [&](unsigned c, unsigned r) {
        const double dx = (c + 0.5 - cx) / rx, dy = (r + 0.5 - cy) / ry;
        return dx * dx + dy * dy <= 1;
    };
    RegionStats out;
    double sum = 0;
    for (unsigned r = r0; r < r1; ++r)
        for (unsigned c = c0; c < c1; ++c) {
            if (!inside(c, r)) continue;
            const double v = frame.values[std::size_t{r} * frame.width + c];
            if (out.pixels == 0) out.min = out.max = v;
            out.min = std::min(out.min, v), out.max = std::max(out.max, v);
            sum += v;
            ++out.pixels;
        }
    if (out.pixels == 0) return std::nullopt;
    out.mean = sum / static_cast<double>(out.pixels);
    double squares = 0;
    for (unsigned r = r0; r < r1; ++r)
        for (unsigned c = c0; c < c1; ++c)
            if (inside(c, r)) {
                const double d = frame.values[std::size_t{r} * frame.width + c] - out.mean;
                squares += d * d;
            }
    out.sd = std::sqrt(squares / static_cast<double>(out.pixels));
    out.area_mm2 = std::numbers::pi * rx * spacing.column * ry * spacing.row;
    return out;
}

}  // namespace ssmix::dicom
