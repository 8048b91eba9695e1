// viewer-wasm/mpr.h — one series reformatted (MPR): whether it can be (from the catalogue's
// headers alone, so the button can say why not before anything is read), then its volume built
// slice by slice between UI frames, and the crosshair and slab the three plane views share.
// The volume is core/dicom's (volume.h): held once as 16-bit, reduced to fit the budget.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/file_source.h"
#include "core/dicom/reformat.h"
#include "core/dicom/volume.h"
#include "viewer-wasm/catalogue.h"

namespace ssmix::viewer {

// A wasm32 heap ends at 2 GiB (viewer-wasm/CMakeLists.txt), which the letters, the record and
// the decoded slices share with the volume: 1 GiB of voxels leaves them room. Above it a study
// is reformatted at reduced resolution, with a note.
inline constexpr std::uint64_t viewer_volume_budget = std::uint64_t{1} << 30;

struct MprVerdict {
    std::optional<dicom::VolumePlan> plan;
    dicom::RefusalText reason;   // when there is no plan
};

// From the catalogue alone: CT or MR, single-frame slices with position, orientation and spacing.
[[nodiscard]] MprVerdict plan_mpr(const SeriesEntry& series, std::uint64_t budget = viewer_volume_budget);

class Mpr {
public:
    Mpr(FileSource& files, const SeriesEntry& series, std::uint64_t budget = viewer_volume_budget);

    enum class Status { building, ready, failed };
    // Reads and decodes slices until `budget_ms` has passed (a slice still loading: next frame).
    void build_some(double budget_ms, const std::function<double()>& now_ms);
    [[nodiscard]] Status status() const { return status_; }
    [[nodiscard]] const dicom::RefusalText& problem() const { return problem_; }
    [[nodiscard]] unsigned slices_read() const { return volume_ ? volume_->filled_slices() : 0; }
    [[nodiscard]] unsigned slices_needed() const { return verdict_.plan ? verdict_.plan->depth : 0; }
    [[nodiscard]] const dicom::Volume* volume() const { return status_ == Status::ready ? volume_.get() : nullptr; }
    [[nodiscard]] const dicom::VolumePlan* plan() const { return verdict_.plan ? &*verdict_.plan : nullptr; }
    [[nodiscard]] const std::string& series_uid() const { return series_uid_; }
    [[nodiscard]] const std::string& modality() const { return modality_; }
    // The first slice's own window: what the planes open with.
    [[nodiscard]] const std::optional<dicom::Window>& file_window() const { return file_window_; }

    [[nodiscard]] dicom::Voxel crosshair() const { return crosshair_; }
    void set_crosshair(dicom::Voxel voxel);   // clamped into the volume
    // The crosshair coordinate across a plane (axial: z, coronal: y, sagittal: x) and its count.
    [[nodiscard]] unsigned coordinate(dicom::PlaneKind kind) const;
    [[nodiscard]] unsigned count(dicom::PlaneKind kind) const;
    void set_coordinate(dicom::PlaneKind kind, unsigned value);
    [[nodiscard]] double slab_mm() const { return slab_mm_; }
    void set_slab_mm(double mm) { slab_mm_ = mm > 0 ? mm : 0; }
    // Image Orientation (Patient) of a plane as drawn (row, then column direction), for the
    // letters at its edges; the plane's position along its normal (mm) at the crosshair.
    [[nodiscard]] std::array<double, 6> orientation(dicom::PlaneKind kind) const;
    [[nodiscard]] double position_mm(dicom::PlaneKind kind) const;

private:
    void fail(dicom::RefusalText why);
    bool start(const dicom::Dataset& first);   // plans with the first slice's values, allocates

    FileSource& files_;
    std::string series_uid_, modality_;
    std::vector<std::string> paths_;           // the slices' files, in the order planned from
    std::vector<dicom::SliceFacts> facts_;
    std::uint64_t budget_;
    MprVerdict verdict_;
    std::unique_ptr<dicom::Volume> volume_;
    std::size_t next_ = 0;                     // the next index into paths_ to read
    Status status_ = Status::building;
    dicom::RefusalText problem_;
    std::optional<dicom::Window> file_window_;
    dicom::Voxel crosshair_;
    double slab_mm_ = 0;
};

}  // namespace ssmix::viewer
