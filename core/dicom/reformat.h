// core/dicom/reformat.h — the three MPR planes through a volume (volume.h) at the crosshair,
// optionally as a thick-slab maximum intensity projection, their 8-bit rendering with a window,
// and where each plane shows the other two (reference lines). Distances on a plane are in mm
// with its spacing (measurements.h takes it as it is).
//
// The planes are named for an axial acquisition, in volume terms:
//   axial     the slice at z: rows and columns as the source image;
//   coronal   volume row y: columns = source columns (x), rows = slices;
//   sagittal  volume column x: columns = source rows (y), rows = slices.
// Slices run with the patient's head at the top: the row order comes from the normal's
// direction in patient coordinates (LPS, +z is the head), not from the slices' order in the
// series, so an axial series stored feet to head or head to feet looks the same.
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/bytes.h"
#include "core/dicom/measurements.h"
#include "core/dicom/volume.h"

namespace ssmix::dicom {

enum class PlaneKind { axial, coronal, sagittal };

struct Voxel {
    unsigned x = 0, y = 0, z = 0;   // volume column, row, slice (see volume_geometry.h)
};

struct Plane {
    PlaneKind kind = PlaneKind::axial;
    unsigned width = 0, height = 0;
    PixelSpacing spacing;                   // mm between rows, between columns
    std::vector<std::int16_t> stored;       // row-major, top row first; values via mapping
    ValueMapping mapping;
    unsigned slab_voxels = 1;               // planes combined by the MIP (1: the plane alone)
    [[nodiscard]] double value(unsigned column, unsigned row) const { return mapping.value(stored[std::size_t{row} * width + column]); }
};

// The plane through the crosshair (clamped into the volume). slab_mm > 0: the maximum over
// every plane whose centre lies within slab_mm / 2 of this one along its normal (a slab
// thinner than one voxel spacing is the plane alone), clipped at the volume's faces.
[[nodiscard]] Plane reformat(const Volume& volume, PlaneKind kind, Voxel crosshair, double slab_mm = 0);

// 8 bits a pixel, row-major, width * height: each value through the window (window.h).
[[nodiscard]] Bytes render_plane(const Plane& plane, Window window);

// The plane row that shows volume slice z on a coronal or sagittal plane, and back.
[[nodiscard]] unsigned plane_row_of_slice(const Volume& volume, unsigned z);
[[nodiscard]] unsigned slice_of_plane_row(const Volume& volume, unsigned row);

// Where the other two planes cut this one at the crosshair: a horizontal line at `row`
// (the plane `across`) and a vertical line at `column` (the plane `down`), as pixel indices.
struct ReferenceLines {
    PlaneKind across = PlaneKind::coronal;
    unsigned row = 0;
    PlaneKind down = PlaneKind::sagittal;
    unsigned column = 0;
};
[[nodiscard]] ReferenceLines reference_lines(const Volume& volume, PlaneKind kind, Voxel crosshair);

// Crosshair navigation: the crosshair moved to pixel (column, row) of a plane; the coordinate
// across the plane is kept. Clamped into the volume.
[[nodiscard]] Voxel crosshair_at(const Volume& volume, PlaneKind kind, Voxel crosshair, unsigned column, unsigned row);

}  // namespace ssmix::dicom
