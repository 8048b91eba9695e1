// core/dicom/volume_geometry.cpp — the checks of plan_volume, one after another, each with the
// tolerance it uses and why; then the reduction to the budget and the value mapping.
#include "core/dicom/volume_geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace ssmix::dicom {
namespace {

using Vec = std::array<double, 3>;

double dot(const Vec& a, const Vec& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
Vec cross(const Vec& a, const Vec& b) {
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
Vec minus(const Vec& a, const Vec& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
Vec scaled(const Vec& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }
Vec plus(const Vec& a, const Vec& b) { return {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
double length(const Vec& a) { return std::sqrt(dot(a, a)); }
Vec row_of(const std::array<double, 6>& o) { return {o[0], o[1], o[2]}; }
Vec column_of(const std::array<double, 6>& o) { return {o[3], o[4], o[5]}; }
double degrees_between(const Vec& a, const Vec& b) {
    return std::acos(std::clamp(dot(a, b) / (length(a) * length(b)), -1.0, 1.0)) * 180 / std::numbers::pi;
}

// Direction cosines are written with 5-6 decimals and rounded: 1% off unit length or right
// angle is far beyond rounding and means the attribute is broken, not merely imprecise.
constexpr double cosine_tolerance = 0.01;
// Two slices count as parallel within 0.1 degree: at 200 mm from the centre of a 400 mm field
// that moves a voxel 0.35 mm, half a typical pixel.
constexpr double parallel_degrees = 0.1;
// Pixel Spacing equal within 0.1% (values like 0.703125 are written in full; 0.1% of 512 pixels
// is half a pixel at the edge).
constexpr double pixel_spacing_relative = 0.001;
// Positions are DS values often rounded to 0.01 mm, so a gap can be off by 0.01 mm from
// rounding alone: gaps agree within 1% of the typical gap or 0.02 mm, whichever is larger. A
// missing slice doubles a gap, mixed 1.25/1.2 mm reconstructions differ by 4%: both refused.
constexpr double gap_relative = 0.01, gap_absolute_mm = 0.02;
// Positions closer than this along the normal are the same place (a repeated or mixed series).
constexpr double coincide_mm = 0.01;
// Slices may drift sideways (off the normal) by a tenth of a pixel or 0.02 mm (rounding) before
// the stack is called tilted: reformatting assumes a straight stack, and a gantry tilt of even
// 1 degree shifts the last of 100 one-millimetre slices by 1.7 mm.
constexpr double lateral_pixel_fraction = 0.1, lateral_absolute_mm = 0.02;

constexpr unsigned min_reduced_side = 64;

VolumeVerdict refuse(VolumeProblem problem, std::size_t slice = 0, std::size_t other = 0, double found = 0,
                     double expected = 0) {
    return {std::nullopt, VolumeRefusal{problem, slice, other, found, expected}};
}

bool is_unit(const Vec& v) { return std::abs(length(v) - 1) <= cosine_tolerance; }

ValueMapping mapping_for(const std::vector<SliceFacts>& slices) {
    double low = 0, high = 0;
    bool first = true;
    for (const auto& s : slices) {
        const unsigned bits = std::clamp(s.bits_stored, 1u, 32u);
        const double stored_low = s.pixel_signed ? -std::ldexp(1.0, static_cast<int>(bits) - 1) : 0;
        const double stored_high = s.pixel_signed ? std::ldexp(1.0, static_cast<int>(bits) - 1) - 1 : std::ldexp(1.0, static_cast<int>(bits)) - 1;
        const double a = s.rescale_slope * stored_low + s.rescale_intercept, b = s.rescale_slope * stored_high + s.rescale_intercept;
        low = first ? std::min(a, b) : std::min({low, a, b});
        high = first ? std::max(a, b) : std::max({high, a, b});
        first = false;
    }
    low = std::floor(low), high = std::ceil(high);
    // DCMTK's modality values are integers (its intermediate representation is), so step 1
    // holds them exactly whenever the range has at most 65,536 values.
    ValueMapping mapping;
    if (high - low <= 65535) {
        if (low < -32768 || high > 32767) mapping.offset = low + 32768;
    } else {
        mapping.step = (high - low) / 65535, mapping.offset = low + 32768 * mapping.step, mapping.lossy = true;
    }
    return mapping;
}

}  // namespace

std::int16_t ValueMapping::stored(double value) const {
    const double s = std::floor((value - offset) / step + 0.5);
    return static_cast<std::int16_t>(std::clamp(s, -32768.0, 32767.0));
}

VolumeVerdict plan_volume(const std::vector<SliceFacts>& slices, std::uint64_t budget_bytes) {
    const std::size_t count = slices.size();
    if (count < min_volume_slices) return refuse(VolumeProblem::too_few_slices, 0, 0, static_cast<double>(count), min_volume_slices);
    for (std::size_t i = 0; i < count; ++i)
        if (!slices[i].position || !slices[i].orientation || !slices[i].pixel_spacing || slices[i].rows == 0 || slices[i].columns == 0)
            return refuse(VolumeProblem::missing_geometry, i);

    const SliceFacts& first = slices[0];
    const auto [first_row_mm, first_column_mm] = *first.pixel_spacing;
    for (std::size_t i = 1; i < count; ++i) {
        const SliceFacts& s = slices[i];
        if (s.rows != first.rows) return refuse(VolumeProblem::rows_differ, i, 0, s.rows, first.rows);
        if (s.columns != first.columns) return refuse(VolumeProblem::columns_differ, i, 0, s.columns, first.columns);
        const auto [row_mm, column_mm] = *s.pixel_spacing;
        if (std::abs(row_mm - first_row_mm) > pixel_spacing_relative * std::max(row_mm, first_row_mm))
            return refuse(VolumeProblem::pixel_spacing_differs, i, 0, row_mm, first_row_mm);
        if (std::abs(column_mm - first_column_mm) > pixel_spacing_relative * std::max(column_mm, first_column_mm))
            return refuse(VolumeProblem::pixel_spacing_differs, i, 0, column_mm, first_column_mm);
    }
    if (first_row_mm <= 0 || first_column_mm <= 0) return refuse(VolumeProblem::missing_geometry, 0);

    const Vec row = row_of(*first.orientation), column = column_of(*first.orientation);
    for (std::size_t i = 0; i < count; ++i) {
        const Vec r = row_of(*slices[i].orientation), c = column_of(*slices[i].orientation);
        if (!is_unit(r) || !is_unit(c) || std::abs(dot(r, c)) > cosine_tolerance) return refuse(VolumeProblem::orientation_invalid, i);
        const double angle = std::max(degrees_between(r, row), degrees_between(c, column));
        if (angle > parallel_degrees) return refuse(VolumeProblem::orientation_differs, i, 0, angle, 0);
    }
    const Vec normal = scaled(cross(row, column), 1 / length(cross(row, column)));

    // Order along the normal; the input order (instance numbers, file names) does not matter.
    std::vector<double> along(count);
    for (std::size_t i = 0; i < count; ++i) along[i] = dot(*slices[i].position, normal);
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return along[a] < along[b]; });

    std::vector<double> gaps(count - 1);
    for (std::size_t k = 0; k + 1 < count; ++k) {
        gaps[k] = along[order[k + 1]] - along[order[k]];
        if (gaps[k] <= coincide_mm) return refuse(VolumeProblem::positions_coincide, order[k + 1], order[k], gaps[k], 0);
    }

    // Sideways drift of each slice from the first, measured in the slice plane.
    const Vec& base = *slices[order[0]].position;
    const double lateral_limit = std::max(lateral_absolute_mm, lateral_pixel_fraction * std::min(first_row_mm, first_column_mm));
    double worst_lateral = 0;
    std::size_t worst_slice = 0;
    for (std::size_t k = 1; k < count; ++k) {
        const Vec offset = minus(*slices[order[k]].position, base);
        const double lateral = length(minus(offset, scaled(normal, dot(offset, normal))));
        if (lateral > worst_lateral) worst_lateral = lateral, worst_slice = k;
    }
    if (worst_lateral > lateral_limit) {
        const double angle = std::atan2(worst_lateral, along[order[worst_slice]] - along[order[0]]) * 180 / std::numbers::pi;
        return refuse(VolumeProblem::tilted_stack, order[worst_slice], order[0], angle, 0);
    }

    std::vector<double> sorted_gaps = gaps;
    std::nth_element(sorted_gaps.begin(), sorted_gaps.begin() + sorted_gaps.size() / 2, sorted_gaps.end());
    const double typical_gap = sorted_gaps[sorted_gaps.size() / 2];   // the median: one missing slice does not move it
    const double gap_limit = std::max(gap_absolute_mm, gap_relative * typical_gap);
    std::size_t worst_gap = 0;
    for (std::size_t k = 1; k < gaps.size(); ++k)
        if (std::abs(gaps[k] - typical_gap) > std::abs(gaps[worst_gap] - typical_gap)) worst_gap = k;
    if (std::abs(gaps[worst_gap] - typical_gap) > gap_limit)
        return refuse(VolumeProblem::uneven_spacing, order[worst_gap + 1], order[worst_gap], gaps[worst_gap], typical_gap);

    VolumePlan plan;
    plan.order = std::move(order);
    plan.source_width = first.columns, plan.source_height = first.rows;
    plan.slice_spacing_mm = (along[plan.order.back()] - along[plan.order.front()]) / static_cast<double>(count - 1);
    const auto bytes = [&](unsigned f, unsigned fd) {
        return std::uint64_t{first.columns / f} * (first.rows / f) * (count / fd) * 2;
    };
    unsigned f = 1, fd = 1;
    while (bytes(f, fd) > budget_bytes && first.columns / (2 * f) >= min_reduced_side && first.rows / (2 * f) >= min_reduced_side) f *= 2;
    while (bytes(f, fd) > budget_bytes && count / (2 * fd) >= min_volume_slices) fd *= 2;
    if (bytes(f, fd) > budget_bytes)
        return refuse(VolumeProblem::too_large, 0, 0, static_cast<double>(bytes(f, fd)), static_cast<double>(budget_bytes));
    plan.reduced_by = f, plan.depth_reduced_by = fd;
    plan.width = first.columns / f, plan.height = first.rows / f, plan.depth = static_cast<unsigned>(count / fd);
    plan.spacing_mm = {first_column_mm * f, first_row_mm * f, plan.slice_spacing_mm * fd};
    plan.row_direction = row, plan.column_direction = column, plan.normal = normal;
    // Voxel (0, 0, 0): the centre of the first block of pixels, in the first slice kept.
    const Vec& kept = *slices[plan.order[fd / 2]].position;
    plan.origin = plus(kept, plus(scaled(row, (f - 1) / 2.0 * first_column_mm), scaled(column, (f - 1) / 2.0 * first_row_mm)));
    plan.mapping = mapping_for(slices);
    return {std::move(plan), std::nullopt};
}

std::array<double, 3> patient_position(const VolumePlan& plan, double x, double y, double z) {
    return plus(plan.origin, plus(scaled(plan.row_direction, x * plan.spacing_mm[0]),
                                  plus(scaled(plan.column_direction, y * plan.spacing_mm[1]), scaled(plan.normal, z * plan.spacing_mm[2]))));
}

}  // namespace ssmix::dicom
