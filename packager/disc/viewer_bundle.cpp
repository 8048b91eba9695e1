// packager/disc/viewer_bundle.cpp — write everything; if it is too big, drop the largest
// series by their measured cost and write again.
#include "packager/disc/viewer_bundle.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/base/durable_file.h"
#include "core/bundle/bundle_writer.h"
#include "packager/disc/media.h"
#include "packager/parallel.h"

namespace ssmix::packager {
namespace {

constexpr const char* data_folder = "VIEWER/DATA/";

// Files are read, hashed and deflated on all cores in batches of about 64 MiB (so memory stays
// flat however large the disc), then added to the chunks in order.
ViewerBundle write_units(DiscTreeWriter& tree, const std::vector<const BundleUnit*>& units) {
    tree.remove(data_folder);
    ViewerBundle result;
    bundle::BundleWriter writer([&](std::uint32_t chunk, const std::string& script) {
        tree.write(std::string(data_folder) + bundle::chunk_file_name(chunk), as_bytes(script));
        result.disc_bytes += sectors_bytes(script.size());
    });
    std::vector<std::string> paths;
    for (const auto* unit : units) paths.insert(paths.end(), unit->paths.begin(), unit->paths.end());
    // What the viewer reads at its start (letters, messages, DICOMDIR: the units that always
    // stay, listed first) gets chunks of its own, so the first screen does not wait for chunk
    // scripts that are mostly images.
    std::size_t read_at_start = 0;
    for (const auto* unit : units) {
        if (unit->may_leave) break;
        read_at_start += unit->paths.size();
    }
    constexpr std::uintmax_t batch_bytes = 64u << 20;
    for (std::size_t first = 0; first < paths.size();) {
        std::size_t last = first;
        for (std::uintmax_t bytes = 0; last < paths.size() && (last == first || bytes < batch_bytes); ++last)
            bytes += std::filesystem::file_size(tree.path(paths[last]));
        std::vector<bundle::PreparedFile> prepared(last - first);
        parallel_for(prepared.size(), [&](std::size_t i) { prepared[i] = bundle::prepare_file(read_file(tree.path(paths[first + i]))); });
        for (std::size_t i = 0; i < prepared.size(); ++i) {
            writer.add(paths[first + i], prepared[i]);
            if (first + i + 1 == read_at_start) writer.end_start_chunks();
        }
        first = last;
    }
    result.manifest = writer.finish();
    std::vector<dicom::IndexedInstance> images;
    for (const auto* unit : units) images.insert(images.end(), unit->images.begin(), unit->images.end());
    if (!images.empty()) result.manifest.images_json = dicom::instance_index_json(images);
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
