// viewer-wasm/slice_sync.h — which frame of one series lies where another series' frame lies,
// for viewports that scroll together. Two series of one Frame of Reference share coordinates,
// so the nearest slice is the same place in the patient; in different frames of reference the
// same numbers are only approximately the same place (the note says so). Slices facing other
// ways, images without a position and another patient's images are not followed.
#pragma once

#include <array>
#include <optional>

#include "viewer-wasm/catalogue.h"
#include "viewer-wasm/ui_text.h"

namespace ssmix::viewer {

struct SliceMatch {
    std::optional<unsigned> frame;   // the frame to show; none: not followed (`note` says why)
    std::optional<Text> note;        // what the physician should know about the match
};

// The frame of `target` nearest the plane of `source`'s frame `source_frame`.
[[nodiscard]] SliceMatch match_slice(const SeriesEntry& source, unsigned source_frame, const SeriesEntry& target);

// The slice's position along its normal (mm): what "position" means for a stack, the same
// number for every point of the slice; none without Image Position and Orientation.
[[nodiscard]] std::optional<double> position_along_normal(const InstanceEntry& instance);

// "axial", "coronal", "sagittal" (the plane the slice faces most nearly), "" without orientation.
[[nodiscard]] const char* plane_name(const InstanceEntry& instance);
[[nodiscard]] const char* plane_name(const std::array<double, 6>& orientation);   // Image Orientation (Patient)

}  // namespace ssmix::viewer
