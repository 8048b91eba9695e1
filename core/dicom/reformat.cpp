// core/dicom/reformat.cpp — planes read straight from the voxel array (no interpolation: the
// planes are the volume's own rows, columns and slices, so every pixel is a stored voxel).
#include "core/dicom/reformat.h"

#include <algorithm>
#include <cmath>

#include "core/dicom/window.h"

namespace ssmix::dicom {
namespace {

Voxel clamped(const Volume& volume, Voxel v) {
    return {std::min(v.x, volume.width() - 1), std::min(v.y, volume.height() - 1), std::min(v.z, volume.depth() - 1)};
}

// The head is at +z in patient coordinates: when volume z runs towards the head, the last
// slice is the top row.
bool last_slice_on_top(const Volume& volume) { return volume.plan().normal[2] > 0; }

// The planes within slab_mm / 2 of `centre` along an axis of `count` planes `spacing` apart.
struct SlabRange {
    unsigned first, last;
};
SlabRange slab_range(unsigned centre, unsigned count, double spacing, double slab_mm) {
    // A centre exactly slab/2 away counts as inside; the epsilon absorbs the division's rounding.
    const double reach = slab_mm > 0 ? std::floor(slab_mm / 2 / spacing + 1e-9) : 0;
    const unsigned half = static_cast<unsigned>(std::min(reach, double(count)));
    return {centre > half ? centre - half : 0, std::min(centre + half, count - 1)};
}

}  // namespace

unsigned plane_row_of_slice(const Volume& volume, unsigned z) {
    return last_slice_on_top(volume) ? volume.depth() - 1 - z : z;
}
unsigned slice_of_plane_row(const Volume& volume, unsigned row) { return plane_row_of_slice(volume, row); }   // its own inverse

Plane reformat(const Volume& volume, PlaneKind kind, Voxel crosshair, double slab_mm) {
    const Voxel c = clamped(volume, crosshair);
    const auto& spacing = volume.plan().spacing_mm;
    Plane plane;
    plane.kind = kind;
    plane.mapping = volume.mapping();
    SlabRange slab{};
    switch (kind) {
        case PlaneKind::axial:
            plane.width = volume.width(), plane.height = volume.height();
            plane.spacing = {spacing[1], spacing[0]};
            slab = slab_range(c.z, volume.depth(), spacing[2], slab_mm);
            break;
        case PlaneKind::coronal:
            plane.width = volume.width(), plane.height = volume.depth();
            plane.spacing = {spacing[2], spacing[0]};
            slab = slab_range(c.y, volume.height(), spacing[1], slab_mm);
            break;
        case PlaneKind::sagittal:
            plane.width = volume.height(), plane.height = volume.depth();
            plane.spacing = {spacing[2], spacing[1]};
            slab = slab_range(c.x, volume.width(), spacing[0], slab_mm);
            break;
    }
    plane.slab_voxels = slab.last - slab.first + 1;
    plane.stored.resize(std::size_t{plane.width} * plane.height);
    for (unsigned row = 0; row < plane.height; ++row)
        for (unsigned column = 0; column < plane.width; ++column) {
            std::int16_t best = INT16_MIN;
            // The step of the mapping is positive, so the largest stored value is the largest value.
            for (unsigned s = slab.first; s <= slab.last; ++s) {
                std::int16_t v = 0;
                switch (kind) {
                    case PlaneKind::axial: v = volume.stored(column, row, s); break;
                    case PlaneKind::coronal: v = volume.stored(column, s, slice_of_plane_row(volume, row)); break;
                    case PlaneKind::sagittal: v = volume.stored(s, column, slice_of_plane_row(volume, row)); break;
                }
                best = std::max(best, v);
            }
            plane.stored[std::size_t{row} * plane.width + column] = best;
        }
    return plane;
}

Bytes render_plane(const Plane& plane, Window window) {
    Bytes out(plane.stored.size());
    std::transform(plane.stored.begin(), plane.stored.end(), out.begin(),
                   [&](std::int16_t s) { return window_value(plane.mapping.value(s), window); });
    return out;
}

ReferenceLines reference_lines(const Volume& volume, PlaneKind kind, Voxel crosshair) {
    const Voxel c = clamped(volume, crosshair);
    switch (kind) {
        case PlaneKind::axial: return {PlaneKind::coronal, c.y, PlaneKind::sagittal, c.x};
        case PlaneKind::coronal: return {PlaneKind::axial, plane_row_of_slice(volume, c.z), PlaneKind::sagittal, c.x};
        case PlaneKind::sagittal: return {PlaneKind::axial, plane_row_of_slice(volume, c.z), PlaneKind::coronal, c.y};
    }
    return {};
}

Voxel crosshair_at(const Volume& volume, PlaneKind kind, Voxel crosshair, unsigned column, unsigned row) {
    Voxel c = clamped(volume, crosshair);
    switch (kind) {
        case PlaneKind::axial: c.x = column, c.y = row; break;
        case PlaneKind::coronal: c.x = column, c.z = slice_of_plane_row(volume, std::min(row, volume.depth() - 1)); break;
        case PlaneKind::sagittal: c.y = column, c.z = slice_of_plane_row(volume, std::min(row, volume.depth() - 1)); break;
    }
    return clamped(volume, c);
}

}  // namespace ssmix::dicom
