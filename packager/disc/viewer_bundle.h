// packager/disc/viewer_bundle.h — the viewer's data bundle on the disc (VIEWER/DATA/, see
// DESIGN.md "Viewer data bundle"): copies of the disc files the viewer reads, deflated, in
// chunk scripts. The bundle duplicates data, so it yields to the standard files: when it does
// not fit in the room left, whole image series leave it, largest first, and the viewer shows
// them once the physician opens the disc folder.
#pragma once

#include <string>
#include <vector>

#include "core/bundle/manifest.h"
#include "core/dicom/instance_index.h"
#include "packager/disc/disc_tree.h"

namespace ssmix::packager {

struct BundleUnit {
    std::string label;                 // "SS-MIX2", "DICOMDIR", "2011/12/15 CT 胸部 5mm (24)"
    std::vector<std::string> paths;    // disc paths, already written in the tree
    bool may_leave = false;            // an image series: may stay out of the bundle
    std::vector<dicom::IndexedInstance> images;   // an image series: its files' headers, for the manifest
};

struct ViewerBundle {
    bundle::Manifest manifest;
    std::vector<std::string> left_out;   // labels of the units not in the bundle
    std::uint64_t disc_bytes = 0;        // the chunk scripts and the manifest, in whole sectors
};

// Writes VIEWER/DATA/ into the tree, using at most `room_bytes` of disc space.
[[nodiscard]] ViewerBundle write_viewer_bundle(DiscTreeWriter& tree, const std::vector<BundleUnit>& units, std::uint64_t room_bytes);

}  // namespace ssmix::packager
