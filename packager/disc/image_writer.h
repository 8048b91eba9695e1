// packager/disc/image_writer.h — the disc's DICOM files, written as the plan says, each read
// once: kept files are copied (or hard-linked into a staging tree that only feeds the image),
// the others decoded and written in the disc's transfer syntax; from the same bytes come the
// series' key image for the static page and the viewer's copy. Then the DICOMDIR.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "packager/disc/disc_plan.h"
#include "packager/disc/disc_tree.h"
#include "packager/disc/report_pages.h"
#include "packager/disc/static_page.h"
#include "packager/disc/viewer_bundle.h"

namespace ssmix::packager {

struct WrittenImages {
    std::vector<std::string> paths;               // the DICOM files on the disc, in disc order
    std::map<std::string, std::string> digests;   // disc path -> SHA-256 of each file written here
    std::vector<KeyImage> key_images;             // in the plan's series order
    std::vector<DocumentLink> reports;            // pages of the reports and documents inside DICOM
    std::size_t transcoded = 0;
    std::vector<Diagnostic> diagnostics;          // files that could not be read or decoded after all
};

// `bundle` (null with --no-bundle) receives each planned series' files as they are written.
// `may_link`: the tree is a staging folder for the ISO image only.
[[nodiscard]] WrittenImages write_images(const DiscPlan& plan, DiscTreeWriter& tree, ViewerBundleWriter* bundle, bool may_link);

}  // namespace ssmix::packager
