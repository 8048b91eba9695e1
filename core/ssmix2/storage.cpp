// core/ssmix2/storage.cpp — the update/delete protocol on disk.
#include "core/ssmix2/storage.h"

#include <algorithm>
#include <set>

#include "core/base/durable_file.h"

namespace ssmix::ssmix2 {
namespace fs = std::filesystem;
namespace {

// YYYYMMDDHHMMSSFFF + 1 ms, as digits (the file-name timestamp must be unique per record).
std::string next_millisecond(std::string digits) {
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it != '9') {
            ++*it;
            return digits;
        }
        *it = '0';
    }
    return digits;
}

}  // namespace

StandardStorage::StandardStorage(fs::path root) : root_(std::move(root)) {}

std::vector<StoredVersion> versions_in(const fs::path& folder, const FileName& record) {
    std::vector<StoredVersion> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file()) continue;
        auto name = parse_file_name(entry.path().filename().string());
        if (name && name->record_key() == record.record_key()) found.push_back({*name, entry.path()});
    }
    std::sort(found.begin(), found.end(), [](const StoredVersion& a, const StoredVersion& b) {
        return a.name.timestamp != b.name.timestamp ? a.name.timestamp < b.name.timestamp : a.path < b.path;
    });
    return found;
}

StoreOutcome StandardStorage::store(const StoragePlan& plan, ByteView message_bytes) {
    FileName name = plan.name;
    const fs::path patient_folder = root_ / hash_folders(name.patient_id) / name.patient_id;
    create_directories_durable(patient_folder);
    const DirectoryLock lock(patient_folder);
    const fs::path folder = root_ / name.folder();
    create_directories_durable(folder);

    StoreOutcome outcome;
    const std::vector<StoredVersion> versions = versions_in(folder, name);
    const bool cancel = plan.action == Action::cancel;

    // The same message again (a re-sent HL7 message, a repeated ingest): keep the one stored.
    const StoredVersion* same = nullptr;
    for (const auto& v : versions)
        if ((v.name.flag == Flag::deleted) == cancel && fs::file_size(v.path) == message_bytes.size() &&
            read_file(v.path) == Bytes(message_bytes.begin(), message_bytes.end()))
            same = &v;

    fs::path written;
    if (same) {
        outcome.duplicate = true;
        written = same->path;
        name = same->name;
    } else {
        std::set<std::string> taken;
        for (const auto& v : versions) taken.insert(v.name.timestamp);
        while (taken.count(name.timestamp)) name.timestamp = next_millisecond(name.timestamp);
        // A version that arrives after a newer one is history from the start.
        if (!cancel)
            for (const auto& v : versions)
                if (v.name.flag == Flag::current && v.name.timestamp > name.timestamp) name.flag = Flag::superseded;
        written = folder / name.str();
        write_file_atomic(written, message_bytes);
    }
    outcome.path = fs::relative(written, root_).generic_string();

    // Older versions: superseded by a store, deleted by a cancel. Also repairs a run that was
    // interrupted between writing and renaming.
    for (const auto& v : versions_in(folder, name)) {
        if (v.path == written) continue;
        const bool rename = cancel ? v.name.flag != Flag::deleted
                                   : v.name.flag == Flag::current && v.name.timestamp < name.timestamp;
        if (!rename) continue;
        FileName renamed = v.name;
        renamed.flag = cancel ? Flag::deleted : Flag::superseded;
        rename_durable(v.path, folder / renamed.str());
        outcome.renamed.push_back(fs::relative(v.path, root_).generic_string() + " -> " + renamed.str());
    }
    return outcome;
}

}  // namespace ssmix::ssmix2
