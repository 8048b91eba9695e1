// packager/disc/viewer_bundle.cpp — write everything; if it is too big, drop the largest
// series by their measured cost and write again.
#include "packager/disc/viewer_bundle.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/base/durable_file.h"
#include "core/bundle/bundle_writer.h"
#include "packager/disc/media.h"

namespace ssmix::packager {
namespace {

constexpr const char* data_folder = "VIEWER/DATA/";

ViewerBundle write_units(DiscTreeWriter& tree, const std::vector<const BundleUnit*>& units) {
    tree.remove(data_folder);
    ViewerBundle result;
    bundle::BundleWriter writer([&](std::uint32_t chunk, const std::string& script) {
        tree.write(std::string(data_folder) + bundle::chunk_file_name(chunk), as_bytes(script));
        result.disc_bytes += sectors_bytes(script.size());
    });
    for (const auto* unit : units)
        for (const auto& path : unit->paths) writer.add(path, read_file(tree.path(path)));
    result.manifest = writer.finish();
    const std::string manifest = bundle::manifest_script(result.manifest);
    tree.write(std::string(data_folder) + "MANIFEST.JS", as_bytes(manifest));
    result.disc_bytes += sectors_bytes(manifest.size());
    return result;
}

}  // namespace

ViewerBundle write_viewer_bundle(DiscTreeWriter& tree, const std::vector<BundleUnit>& units, std::uint64_t room_bytes) {
    std::vector<const BundleUnit*> all;
    for (const auto& unit : units) all.push_back(&unit);
    ViewerBundle bundle = write_units(tree, all);
    if (bundle.disc_bytes <= room_bytes) return bundle;

    // Cost of each unit in the bundle: its deflated streams in base64.
    std::map<std::string, std::uint64_t> stored;
    for (const auto& file : bundle.manifest.files) stored[file.path] = file.stored_size * 4 / 3 + 4;
    auto cost = [&](const BundleUnit* unit) {
        return std::accumulate(unit->paths.begin(), unit->paths.end(), std::uint64_t{0},
                               [&](std::uint64_t sum, const std::string& path) { return sum + stored[path]; });
    };
    std::vector<const BundleUnit*> kept, optional;
    std::uint64_t used = 64 * 1024;   // the manifest and the last chunk's slack
    for (const auto* unit : all) {
        if (unit->may_leave) optional.push_back(unit);
        else kept.push_back(unit), used += cost(unit);
    }
    std::sort(optional.begin(), optional.end(), [&](const BundleUnit* a, const BundleUnit* b) { return cost(a) < cost(b); });
    std::vector<std::string> left_out;
    for (const auto* unit : optional) {
        if (used + cost(unit) <= room_bytes) {
            kept.push_back(unit);
            used += cost(unit);
        } else {
            left_out.push_back(unit->label);
        }
    }
    ViewerBundle smaller = write_units(tree, kept);
    smaller.left_out = std::move(left_out);
    return smaller;
}

}  // namespace ssmix::packager
