// packager/disc/pack_report.h — what `ssmix pack` tells the person who runs it: the plan
// (--dry-run: what would go on the disc, sizes, what the viewer's data would leave out and
// why), or the disc made (counts, sizes, where it is); as text or as JSON.
#pragma once

#include <cstdint>
#include <filesystem>

#include "packager/disc/disc_plan.h"
#include "packager/disc/image_writer.h"
#include "packager/disc/viewer_bundle.h"

namespace ssmix::packager {

void print_plan(const DiscPlan& plan, bool json);

struct PackResult {
    const DiscPlan& plan;
    const WrittenImages& images;
    const ViewerBundle& bundle;
    std::uint64_t disc_bytes = 0, iso_bytes = 0;
    std::filesystem::path iso, tree;   // absolute; empty when not asked for
    const std::vector<Diagnostic>& diagnostics;
};

void print_result(const PackResult& result, bool json);

}  // namespace ssmix::packager
