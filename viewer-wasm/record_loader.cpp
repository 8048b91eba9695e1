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

RecordLoader::RecordLoader(FileSource& disc) : disc_(disc), prefix_(disc::ssmix2_folder) {
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
    options.prefix = prefix_;
    record_ = clinical::build_record(messages_, patient, options);
    for (const auto& d : record_->diagnostics) problems.push_back(to_string(d));
    done_ = true;
}

void RecordLoader::files_added(std::vector<std::string>& problems) {
    if (!done_ || !to_read_.empty()) return;   // still reading, or the disc's own record is shown
    // Messages where the storage's layout puts them: <root><hash>/<ID>/<date>/<type>/<file>.
    std::map<std::string, std::vector<std::string>> by_storage;   // "<root>\x1f<ID>" -> paths
    for (const auto& entry : disc_.list()) {
        const auto name = ssmix2::parse_file_name(entry.path.substr(entry.path.rfind('/') + 1));
        if (!name) continue;
        const std::string relative = name->relative_path();
        if (!entry.path.ends_with(relative)) continue;
        const std::string root = entry.path.substr(0, entry.path.size() - relative.size());
        if (!root.empty() && root.back() != '/') continue;
        by_storage[root + '\x1f' + name->patient_id].push_back(entry.path);
    }
    if (by_storage.empty()) return;
    if (by_storage.size() > 1) {
        std::string which;
        for (const auto& [key, paths] : by_storage) which += (which.empty() ? "" : ", ") + key.substr(key.find('\x1f') + 1);
        problems.push_back("SS-MIX2 messages of several patients (" + which + ") in the picked folder: none is shown as the record");
        return;
    }
    const auto& [key, paths] = *by_storage.begin();
    prefix_ = key.substr(0, key.find('\x1f'));
    to_read_ = paths;
    read_ = 0;
    record_.reset();
    done_ = false;
    for (const auto& path : to_read_) disc_.prefetch(path);
}

}  // namespace ssmix::viewer
