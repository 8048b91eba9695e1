// core/dicom/volume.h — the voxels of one planned series (volume_geometry.h), held once as
// 16-bit values in a single allocation, filled slice by slice from decoded modality values.
//
//   auto verdict = plan_volume(facts);              // refused: refusal_text(*verdict.refusal)
//   auto made = allocate_volume(*verdict.plan);     // refused: out_of_memory
//   for each facts index i with made.volume->needs(i): decode, then fill(i, *renderer.modality_values())
//   reformat(*made.volume, ...)                     // reformat.h
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/dicom/image.h"
#include "core/dicom/volume_geometry.h"

namespace ssmix::dicom {

class Volume;

struct AllocatedVolume {
    std::unique_ptr<Volume> volume;          // empty when refused
    std::optional<VolumeRefusal> refusal;    // out_of_memory, with the bytes asked for
};

// The one allocation of plan.voxel_bytes(); refused, not thrown, when memory runs out (a tab
// in a browser has a hard ceiling). Unfilled voxels hold stored 0.
[[nodiscard]] AllocatedVolume allocate_volume(VolumePlan plan);

class Volume {
public:
    Volume(const Volume&) = delete;              // the voxels are never copied
    Volume& operator=(const Volume&) = delete;

    [[nodiscard]] const VolumePlan& plan() const { return plan_; }
    [[nodiscard]] unsigned width() const { return plan_.width; }
    [[nodiscard]] unsigned height() const { return plan_.height; }
    [[nodiscard]] unsigned depth() const { return plan_.depth; }
    [[nodiscard]] const ValueMapping& mapping() const { return plan_.mapping; }

    // Whether slice `facts_index` (an index into the facts planned) is part of the volume: with
    // depth_reduced_by > 1 the others need not be decoded at all.
    [[nodiscard]] bool needs(std::size_t facts_index) const;
    // Stores one decoded slice: each voxel the mean of its reduced_by x reduced_by block of
    // pixels, rounded half up onto the mapping's grid. Refused (slice_unreadable) when the
    // frame's size is not the plan's or the slice is not needed.
    [[nodiscard]] std::optional<VolumeRefusal> fill(std::size_t facts_index, const ModalityFrame& frame);
    [[nodiscard]] unsigned filled_slices() const { return filled_; }
    [[nodiscard]] bool complete() const { return filled_ == plan_.depth; }
    // Values outside the declared range (clamped to int16) so far: 0 unless a header lied.
    [[nodiscard]] std::uint64_t clamped_values() const { return clamped_; }

    [[nodiscard]] std::int16_t stored(unsigned x, unsigned y, unsigned z) const { return voxels_[index(x, y, z)]; }
    [[nodiscard]] double value(unsigned x, unsigned y, unsigned z) const { return plan_.mapping.value(stored(x, y, z)); }
    [[nodiscard]] const std::int16_t* voxels() const { return voxels_.get(); }

private:
    friend AllocatedVolume allocate_volume(VolumePlan plan);
    Volume(VolumePlan plan, std::unique_ptr<std::int16_t[]> voxels);
    [[nodiscard]] std::size_t index(unsigned x, unsigned y, unsigned z) const {
        return (std::size_t{z} * plan_.height + y) * plan_.width + x;
    }

    VolumePlan plan_;
    std::unique_ptr<std::int16_t[]> voxels_;
    std::vector<int> z_of_slice_;       // volume z of each facts index, -1 when not kept
    std::vector<bool> filled_z_;
    unsigned filled_ = 0;
    std::uint64_t clamped_ = 0;
};

}  // namespace ssmix::dicom
