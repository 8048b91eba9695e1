// core/dicom/slice_facts.h — the facts plan_volume needs (volume_geometry.h), read from a
// classic single-frame image's header (CT Image, MR Image): for tools and tests that start
// from files; the viewer may fill SliceFacts from its own catalogue instead.
#pragma once

#include "core/dicom/dataset.h"
#include "core/dicom/volume_geometry.h"

namespace ssmix::dicom {

// Attributes that are absent stay empty (plan_volume then refuses with missing_geometry).
[[nodiscard]] SliceFacts slice_facts(const Dataset& dataset);

}  // namespace ssmix::dicom
