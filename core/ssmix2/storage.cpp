// core/ssmix2/storage.cpp — the update/delete protocol on disk.
#include "core/ssmix2/storage.h"

#include <algorithm>
#include <random>
#include <set>

#include "core/base/durable_file.h"

namespace ssmix::ssmix2 {
namespace fs = std::filesystem;

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

StagedMessage StandardStorage::stage(const StoragePlan& plan, ByteView message_bytes) {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    StagedMessage staged{plan, Bytes(message_bytes.begin(), message_bytes.end()), {}};
    // New folders become durable with the sync() that follows staging (no fsync per folder).
    const fs::path folder = root_ / plan.name.folder();
    fs::create_directories(folder);
    staged.temp = folder / (".staged-" + std::to_string(random()) + ".tmp");
    write_file(staged.temp, message_bytes);
    return staged;
}

void StandardStorage::sync() { sync_file_system(root_); }

StoreOutcome StandardStorage::store(const StoragePlan& plan, ByteView message_bytes) {
    StagedMessage staged = stage(plan, message_bytes);
    try {
        sync();
        StoreOutcome outcome = commit(staged);
        sync();
        return outcome;
    } catch (...) {
        std::error_code ignored;
        fs::remove(staged.temp, ignored);
        throw;
    }
}

StoreOutcome StandardStorage::commit(StagedMessage& staged) {
    FileName name = staged.plan.name;
    const fs::path patient_folder = root_ / hash_folders(name.patient_id) / name.patient_id;
    const DirectoryLock lock(patient_folder);
    const fs::path folder = root_ / name.folder();
    const bool cancel = staged.plan.action == Action::cancel;

    StoreOutcome outcome;
    const std::vector<StoredVersion> versions = versions_in(folder, name);

    // The same message again (a re-sent HL7 message, a repeated ingest): keep the one stored.
    const StoredVersion* same = nullptr;
    for (const auto& v : versions)
        if ((v.name.flag == Flag::deleted) == cancel && fs::file_size(v.path) == staged.bytes.size() &&
            read_file(v.path) == staged.bytes)
            same = &v;

    fs::path written;
    if (same) {
        outcome.duplicate = true;
        written = same->path;
        name = same->name;
        fs::remove(staged.temp);
    } else {
        std::set<std::string> taken;
        for (const auto& v : versions) taken.insert(v.name.timestamp);
        while (taken.count(name.timestamp)) name.timestamp = next_millisecond(name.timestamp);
        // A version that arrives after a newer one is history from the start.
        if (!cancel)
            for (const auto& v : versions)
                if (v.name.flag == Flag::current && v.name.timestamp > name.timestamp) name.flag = Flag::superseded;
        written = folder / name.str();
        fs::rename(staged.temp, written);
    }
    outcome.path = name.folder() + "/" + written.filename().string();   // storage-relative, without touching the disk

    // Older versions: superseded by a store, deleted by a cancel. Also repairs a run that was
    // interrupted between writing and renaming.
    for (const auto& v : versions_in(folder, name)) {
        if (v.path == written) continue;
        const bool rename = cancel ? v.name.flag != Flag::deleted
                                   : v.name.flag == Flag::current && v.name.timestamp < name.timestamp;
        if (!rename) continue;
        FileName renamed = v.name;
        renamed.flag = cancel ? Flag::deleted : Flag::superseded;
        fs::rename(v.path, folder / renamed.str());
        outcome.renamed.push_back(name.folder() + "/" + v.path.filename().string() + " -> " + renamed.str());
    }
    return outcome;
}

}  // namespace ssmix::ssmix2
