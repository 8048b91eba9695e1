// viewer-wasm/record_loader.cpp
#include "viewer-wasm/record_loader.h"

#include "core/base/disc_names.h"
#include "core/clinical/build.h"
#include "core/ssmix2/naming.h"

namespace ssmix::viewer {
namespace {


// The patient of a message's file name (one patient per disc): "9999013_20111220_OMP-01_..." -> "9999013".
std::string patient_of(const std::string& path) {
    const auto name = ssmix2::parse_file_name(path.substr(path.rfind('/') + 1));
    return name ? name->patient_id : std::string();
}

}  // namespace

std::vector<FileEntry> RecordLoader::Messages::list() const {
    std::vector<FileEntry> entries;
    for (const auto& [path, bytes] : files) entries.push_back({path, bytes.size()});
    return entries;
}

FileRead RecordLoader::Messages::read(const std::string& path) {
    const auto found = files.find(path);
    if (found == files.end()) return {};
    return {ReadStatus::ready, found->second, {}};
}

RecordLoader::RecordLoader(FileSource& disc) : disc_(disc) {
    for (const auto& entry : disc_.list())
        if (entry.path.starts_with(disc::ssmix2_folder)) to_read_.push_back(entry.path);
    done_ = to_read_.empty();
    for (const auto& path : to_read_) disc_.prefetch(path);   // their chunks load together, not one after another
}

void RecordLoader::update(std::vector<std::string>& problems) {
    if (done_) return;
    while (read_ < to_read_.size()) {
        const std::string& path = to_read_[read_];
        FileRead read = disc_.read(path);
        if (read.status == ReadStatus::pending) return;
        ++read_;
        if (read.status == ReadStatus::ready) messages_.files[path] = std::move(read.bytes);
        else problems.push_back(read.diagnostics.empty() ? path + ": missing" : to_string(read.diagnostics.front()));
    }
    const std::string patient = to_read_.empty() ? "" : patient_of(to_read_.front());
    clinical::RecordOptions options;
    options.prefix = std::string(disc::ssmix2_folder);
    record_ = clinical::build_record(messages_, patient, options);
    for (const auto& d : record_->diagnostics) problems.push_back(to_string(d));
    done_ = true;
}

}  // namespace ssmix::viewer
