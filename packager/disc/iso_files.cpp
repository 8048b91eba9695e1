// packager/disc/iso_files.cpp — import the image's directory tree once; read file streams on demand.
#include "packager/disc/iso_files.h"

#include <libisofs/libisofs.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace ssmix::packager {

struct IsoFiles::Image {
    IsoImage* image = nullptr;
    std::map<std::string, IsoFile*> files;   // path -> node
    ~Image() {
        if (image) iso_image_unref(image);
    }
};

namespace {

void collect(IsoDir* dir, const std::string& prefix, std::map<std::string, IsoFile*>& files) {
    IsoDirIter* iter = nullptr;
    if (iso_dir_get_children(dir, &iter) < 0) return;
    IsoNode* node = nullptr;
    while (iso_dir_iter_next(iter, &node) == 1) {
        const std::string path = prefix + iso_node_get_name(node);
        if (ISO_NODE_IS_DIR(node)) collect(reinterpret_cast<IsoDir*>(node), path + "/", files);
        else if (ISO_NODE_IS_FILE(node)) files[path] = reinterpret_cast<IsoFile*>(node);
    }
    iso_dir_iter_free(iter);
}

}  // namespace

IsoFiles::IsoFiles(const std::filesystem::path& iso, bool plain_iso9660) : image_(std::make_unique<Image>()) {
    static const int initialised = iso_init();
    if (initialised < 0) throw std::runtime_error("libisofs could not start");
    IsoDataSource* source = nullptr;
    if (iso_data_source_new_from_file(iso.c_str(), &source) < 0) throw std::runtime_error("cannot open " + iso.string());
    IsoReadOpts* options = nullptr;
    iso_read_opts_new(&options, 0);
    iso_read_opts_set_no_rockridge(options, plain_iso9660 ? 1 : 0);
    iso_read_opts_set_no_joliet(options, plain_iso9660 ? 1 : 0);
    iso_read_opts_set_no_iso1999(options, 1);
    iso_image_new("verify", &image_->image);
    IsoReadImageFeatures* features = nullptr;
    const int status = iso_image_import(image_->image, source, options, &features);
    iso_read_opts_free(options);
    iso_data_source_unref(source);
    if (status < 0) throw std::runtime_error(iso.string() + " is not a readable ISO 9660 image: " + iso_error_to_msg(status));
    joliet_ = iso_read_image_features_has_joliet(features);
    rock_ridge_ = iso_read_image_features_has_rockridge(features);
    iso_read_image_features_destroy(features);
    if (const char* id = iso_image_get_volume_id(image_->image)) volume_id_ = id;
    collect(iso_image_get_root(image_->image), "", image_->files);
}

IsoFiles::~IsoFiles() = default;

std::vector<FileEntry> IsoFiles::list() const {
    std::vector<FileEntry> entries;
    for (const auto& [path, file] : image_->files)
        entries.push_back({path, static_cast<std::uint64_t>(iso_stream_get_size(iso_file_get_stream(file)))});
    return entries;
}

FileRead IsoFiles::read(const std::string& path) {
    const auto it = image_->files.find(path);
    if (it == image_->files.end()) return {ReadStatus::missing, {}, {}};
    IsoStream* stream = iso_file_get_stream(it->second);
    FileRead result{ReadStatus::ready, {}, {}};
    if (iso_stream_open(stream) < 0) {
        result.status = ReadStatus::failed;
        result.diagnostics.push_back(error({path, 0, ""}, "iso.read", "cannot open the file inside the image"));
        return result;
    }
    result.bytes.resize(static_cast<std::size_t>(iso_stream_get_size(stream)));
    std::size_t done = 0;
    while (done < result.bytes.size()) {
        const int n = iso_stream_read(stream, result.bytes.data() + done, std::min<std::size_t>(result.bytes.size() - done, 1 << 20));
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    iso_stream_close(stream);
    if (done != result.bytes.size()) {
        result.status = ReadStatus::failed;
        result.bytes.clear();
        result.diagnostics.push_back(error({path, 0, ""}, "iso.read", "the file inside the image is truncated"));
    }
    return result;
}

}  // namespace ssmix::packager
