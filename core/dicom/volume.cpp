// core/dicom/volume.cpp — allocation without exceptions, and the block average of a slice.
#include "core/dicom/volume.h"

#include <algorithm>
#include <cmath>
#include <new>

namespace ssmix::dicom {

AllocatedVolume allocate_volume(VolumePlan plan) {
    const std::uint64_t count = std::uint64_t{plan.width} * plan.height * plan.depth;
    // nothrow: in the browser an allocation beyond the heap's ceiling must become a message,
    // and the wasm build may have no exception to catch.
    std::unique_ptr<std::int16_t[]> voxels(count <= SIZE_MAX / 2 ? new (std::nothrow) std::int16_t[count] : nullptr);
    if (!voxels) return {nullptr, VolumeRefusal{VolumeProblem::out_of_memory, 0, 0, static_cast<double>(count * 2), 0}};
    std::fill_n(voxels.get(), count, std::int16_t{0});
    return {std::unique_ptr<Volume>(new Volume(std::move(plan), std::move(voxels))), std::nullopt};
}

Volume::Volume(VolumePlan plan, std::unique_ptr<std::int16_t[]> voxels)
    : plan_(std::move(plan)), voxels_(std::move(voxels)), z_of_slice_(plan_.order.size(), -1), filled_z_(plan_.depth, false) {
    // Depth thinned: volume z keeps the middle slice of each block of depth_reduced_by.
    const unsigned fd = plan_.depth_reduced_by;
    for (unsigned z = 0; z < plan_.depth; ++z) z_of_slice_[plan_.order[std::size_t{z} * fd + fd / 2]] = static_cast<int>(z);
}

bool Volume::needs(std::size_t facts_index) const { return facts_index < z_of_slice_.size() && z_of_slice_[facts_index] >= 0; }

std::optional<VolumeRefusal> Volume::fill(std::size_t facts_index, const ModalityFrame& frame) {
    if (!needs(facts_index) || frame.width != plan_.source_width || frame.height != plan_.source_height ||
        frame.values.size() != std::size_t{frame.width} * frame.height)
        return VolumeRefusal{VolumeProblem::slice_unreadable, facts_index, 0, 0, 0};
    const unsigned z = static_cast<unsigned>(z_of_slice_[facts_index]), f = plan_.reduced_by;
    const double block = double(f) * f;
    for (unsigned y = 0; y < plan_.height; ++y)
        for (unsigned x = 0; x < plan_.width; ++x) {
            double sum = 0;
            for (unsigned dy = 0; dy < f; ++dy) {
                const double* row = frame.values.data() + std::size_t{y * f + dy} * frame.width + std::size_t{x} * f;
                for (unsigned dx = 0; dx < f; ++dx) sum += row[dx];
            }
            const double mean = sum / block;
            const std::int16_t s = plan_.mapping.stored(mean);
            if (std::abs(plan_.mapping.value(s) - mean) > plan_.mapping.step) ++clamped_;
            voxels_[index(x, y, z)] = s;
        }
    if (!filled_z_[z]) filled_z_[z] = true, ++filled_;
    return std::nullopt;
}

}  // namespace ssmix::dicom
