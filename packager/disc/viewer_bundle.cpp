// packager/disc/viewer_bundle.cpp — chunks go to the tree as they fill; a series that overruns
// the room is rolled back (its chunks removed), so nothing is deflated twice.
#include "packager/disc/viewer_bundle.h"

#include "core/base/disc_names.h"
#include "core/base/durable_file.h"
#include "packager/disc/media.h"

namespace ssmix::packager {
namespace {

std::string chunk_path(std::uint32_t chunk) { return std::string(disc::viewer_data_folder) + bundle::chunk_file_name(chunk); }

// MANIFEST.JS grows with the files and images it lists (about 150 and 350 bytes each).
constexpr std::uint64_t manifest_reserve = 64 * 1024;
constexpr std::uint64_t manifest_bytes_per_file = 512;

}  // namespace

ViewerBundleWriter::ViewerBundleWriter(DiscTreeWriter& tree, std::uint64_t room_bytes)
    : tree_(tree),
      room_(room_bytes),
      writer_(
          [this](std::uint32_t chunk, const std::string& script) {
              tree_.write(chunk_path(chunk), as_bytes(script));
              chunk_bytes_ += sectors_bytes(script.size());
          },
          {},
          [this](std::uint32_t chunk) {
              chunk_bytes_ -= sectors_bytes(std::filesystem::file_size(tree_.path(chunk_path(chunk))));
              tree_.remove(chunk_path(chunk));
          }) {
    tree_.remove(std::string(disc::viewer_data_folder));
}

void ViewerBundleWriter::add_file(const std::string& disc_path) { writer_.add(disc_path, read_file(tree_.path(disc_path))); }

void ViewerBundleWriter::end_start_files(bool dicomdir) {
    if (dicomdir) dicomdir_chunk_ = writer_.reserve_chunk();
    writer_.end_start_chunks();
}

void ViewerBundleWriter::add_dicomdir() {
    const std::string path(disc::dicomdir);
    writer_.fill_reserved(*dicomdir_chunk_, path, bundle::prepare_file(read_file(tree_.path(path))));
}

void ViewerBundleWriter::begin_series(std::string label) { series_ = OpenSeries{std::move(label), writer_.mark(), images_.size()}; }

void ViewerBundleWriter::add(const std::string& disc_path, const bundle::PreparedFile& file, const dicom::IndexedInstance& header) {
    writer_.add(disc_path, file);
    images_.push_back(header);
}

bool ViewerBundleWriter::end_series() {
    const bool fits = disc_bytes_so_far() <= room_;
    if (!fits) {
        writer_.rollback(series_->mark);
        images_.resize(series_->images);
        left_out_.push_back(std::move(series_->label));
    }
    series_.reset();
    return fits;
}

// Chunks already written count by their scripts, the one being filled by its base64, the
// manifest by what it will list.
std::uint64_t ViewerBundleWriter::disc_bytes_so_far() const {
    return chunk_bytes_ + sectors_bytes(writer_.open_chunk_bytes() * 4 / 3 + 64) + manifest_reserve +
           manifest_bytes_per_file * writer_.file_count();
}

ViewerBundle ViewerBundleWriter::finish() {
    ViewerBundle result;
    result.manifest = writer_.finish();
    if (!images_.empty()) result.manifest.images_json = dicom::instance_index_json(images_);
    const std::string manifest = bundle::manifest_script(result.manifest);
    tree_.write(std::string(disc::manifest), as_bytes(manifest));
    result.disc_bytes = chunk_bytes_ + sectors_bytes(manifest.size());
    result.left_out = std::move(left_out_);
    return result;
}

void write_empty_viewer_data(DiscTreeWriter& tree) {
    tree.remove(std::string(disc::viewer_data_folder));
    tree.write(std::string(disc::manifest), as_bytes(bundle::manifest_script({})));
}

}  // namespace ssmix::packager
