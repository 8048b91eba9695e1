// packager/disc/viewer_bundle.h — the viewer's data on the disc (VIEWER/DATA/, see DESIGN.md
// "Viewer data bundle"): copies of the disc files the viewer reads, deflated, in chunk scripts,
// written once while the disc is written. What the viewer reads at its start (documents,
// messages) comes first, in chunks of its own; then the image series, each added whole or not
// at all: a series that turns out not to fit in the room left is taken out again, and the
// viewer shows it once the physician opens the disc folder. The DICOMDIR comes last.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle/bundle_writer.h"
#include "core/bundle/manifest.h"
#include "core/dicom/instance_index.h"
#include "packager/disc/disc_tree.h"

namespace ssmix::packager {

struct ViewerBundle {
    bundle::Manifest manifest;
    std::vector<std::string> left_out;   // labels of the series not in the viewer's data
    std::uint64_t disc_bytes = 0;        // the chunk scripts and the manifest, in whole sectors
};

class ViewerBundleWriter {
public:
    // Writes chunk scripts into `tree`, using at most `room_bytes` of disc space in all.
    ViewerBundleWriter(DiscTreeWriter& tree, std::uint64_t room_bytes);

    // A file already in the tree, read from there (documents, messages).
    void add_file(const std::string& disc_path);
    // Everything added so far is what the viewer reads first; with `dicomdir`, a chunk among
    // them is kept for the DICOMDIR, which is made only after the images (add_dicomdir).
    void end_start_files(bool dicomdir);
    void add_dicomdir();

    // An image series: begin, add its files as they are written to the disc, end. end_series
    // returns false when the series did not fit after all and was taken out again.
    void begin_series(std::string label);
    void add(const std::string& disc_path, const bundle::PreparedFile& file, const dicom::IndexedInstance& header);
    bool end_series();
    // A series the plan already left out.
    void leave_out(std::string label) { left_out_.push_back(std::move(label)); }

    // Writes MANIFEST.JS; call once.
    [[nodiscard]] ViewerBundle finish();

private:
    [[nodiscard]] std::uint64_t disc_bytes_so_far() const;

    DiscTreeWriter& tree_;
    std::uint64_t room_;
    std::uint64_t chunk_bytes_ = 0;             // chunk scripts written, in sectors
    bundle::BundleWriter writer_;
    std::vector<dicom::IndexedInstance> images_;
    std::vector<std::string> left_out_;
    struct OpenSeries {
        std::string label;
        bundle::BundleWriter::Mark mark;
        std::size_t images = 0;                  // images_ before the series
    };
    std::optional<OpenSeries> series_;
    std::optional<std::uint32_t> dicomdir_chunk_;
};

// An empty MANIFEST.JS (--no-bundle): the viewer asks for the disc folder instead.
void write_empty_viewer_data(DiscTreeWriter& tree);

}  // namespace ssmix::packager
