// core/dicom/volume_geometry.h — whether the slices of one series form a volume that can be
// reformatted (MPR), decided from each slice's header facts alone, before any pixel is decoded:
// same matrix and pixel spacing, same orientation, positions along the slice normal, distinct
// and evenly spaced. The answer is a plan (slice order, voxel spacing, reduction to fit a memory
// budget) or a refusal with the numbers that made it, which the viewer shows as a sentence.
//
// Coordinates: the patient's (LPS: x to the patient's left, y to the back, z to the head;
// PS3.3 C.7.6.2.1.1). Volume voxel (x, y, z): x = image column, y = image row, z = slice in
// order along the normal n = row direction x column direction (ascending n·position).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ssmix::dicom {

// What the viewer's catalogue knows of one slice (one file, or one frame of an enhanced image).
struct SliceFacts {
    std::optional<std::array<double, 3>> position;      // Image Position (Patient), mm
    std::optional<std::array<double, 6>> orientation;   // Image Orientation (Patient): row, column directions
    std::optional<std::array<double, 2>> pixel_spacing; // Pixel Spacing: between rows, between columns (mm)
    unsigned rows = 0, columns = 0;
    // How stored pixel values become modality values (declares the range the volume must hold).
    unsigned bits_stored = 16;
    bool pixel_signed = false;                           // Pixel Representation 1
    double rescale_slope = 1, rescale_intercept = 0;
};

// Why the slices are no volume. The numbers in VolumeRefusal, by problem:
enum class VolumeProblem {
    too_few_slices,        // found = slices given, expected = the minimum (3)
    missing_geometry,      // slice has no position, orientation or pixel spacing
    rows_differ,           // found = slice's rows, expected = first slice's
    columns_differ,        // found = slice's columns, expected = first slice's
    pixel_spacing_differs, // found = slice's spacing (the differing one), expected = first slice's, mm
    orientation_invalid,   // the two directions are not unit vectors at right angles
    orientation_differs,   // found = angle to the first slice's orientation, degrees (slices not parallel)
    positions_coincide,    // slice and other at the same place along the normal; found = gap mm
    uneven_spacing,        // the gap before slice (after other); found = gap, expected = typical gap, mm
    tilted_stack,          // positions leave the normal (gantry tilt, shear); found = angle, degrees
    too_large,             // even reduced, found = bytes needed > expected = the budget
    // Reported by the volume while filling, not by planning:
    slice_unreadable,      // the slice could not be decoded, or is colour, or its size is not the plan's
    out_of_memory,         // the voxel array could not be allocated; found = bytes
};

struct VolumeRefusal {
    VolumeProblem problem = VolumeProblem::too_few_slices;
    std::size_t slice = 0, other = 0;   // indices into the facts given (display order: slice + 1 is shown)
    double found = 0, expected = 0;
};

// One sentence each, Japanese first (the viewer's default language).
struct RefusalText {
    std::string ja, en;
};
[[nodiscard]] RefusalText refusal_text(const VolumeRefusal& refusal);

// How modality values are held in 16 bits: value = offset + step * stored. Chosen before
// filling from the declared range of every slice (Bits Stored, Pixel Representation, Rescale):
// a range that fits int16 is held as is (CT in HU: offset 0, step 1, exact); a range up to
// 65,536 integers is shifted (MR's unsigned 0..65535: offset 32768, still exact); anything wider
// (32-bit data, large slopes) gets a step > 1 and is marked lossy.
struct ValueMapping {
    double offset = 0, step = 1;
    bool lossy = false;
    [[nodiscard]] double value(std::int16_t stored) const { return offset + step * stored; }
    // Rounded half up onto the grid, clamped to int16 (a value outside the declared range).
    [[nodiscard]] std::int16_t stored(double value) const;
};

struct VolumePlan {
    std::vector<std::size_t> order;          // facts index of each source slice, ascending along the normal
    unsigned source_width = 0, source_height = 0;
    unsigned width = 0, height = 0, depth = 0;   // voxels, after reduction
    unsigned reduced_by = 1;                 // in-plane: each voxel averages reduced_by x reduced_by pixels
    unsigned depth_reduced_by = 1;           // along the normal: each voxel takes one slice in this many
    double slice_spacing_mm = 0;             // between source slices, from their positions
    std::array<double, 3> spacing_mm{};      // voxel spacing x, y, z after reduction
    std::array<double, 3> row_direction{}, column_direction{}, normal{};   // patient axes of volume x, y, z
    std::array<double, 3> origin{};          // patient position of voxel (0, 0, 0)'s centre, mm
    ValueMapping mapping;
    [[nodiscard]] std::uint64_t voxel_bytes() const { return std::uint64_t{width} * height * depth * 2; }
};

struct VolumeVerdict {
    std::optional<VolumePlan> plan;          // empty when refused
    std::optional<VolumeRefusal> refusal;
};

inline constexpr std::uint64_t default_volume_budget = 1'610'612'736;   // 1.5 GiB of int16 voxels
inline constexpr std::size_t min_volume_slices = 3;   // two gaps: the least that shows even spacing

// Decides whether the slices (in any order) form a volume, and plans it within budget bytes.
// Over budget, the in-plane resolution is halved (2, 4, ...) while both sides keep at least 64
// voxels; only then is depth thinned too, keeping one slice in 2, 4, ... (a thin-slice study is
// usually read in-plane, and halving in-plane saves four times as much as halving depth).
[[nodiscard]] VolumeVerdict plan_volume(const std::vector<SliceFacts>& slices,
                                        std::uint64_t budget_bytes = default_volume_budget);

// The patient position (mm) of a point in volume voxel coordinates (voxel centres at integers).
[[nodiscard]] std::array<double, 3> patient_position(const VolumePlan& plan, double x, double y, double z);

}  // namespace ssmix::dicom
