// core/ssmix2/storage.h — writes messages into a standardized storage, keeping every version:
// a new version of a record (same patient, care date, data type, order number) renames the
// earlier current file's flag 1 -> 2; a cancel renames 1 and 2 -> 0 and is itself stored with
// flag 0 (NHO-TX, guideline 1.2g p.32). Writes are durable (temp + fsync + rename + directory
// fsync) and per-patient locked (flock on the patient folder), so several processes may write
// one storage. Order of steps: the new file is written first, then older versions renamed, so a
// crash leaves at worst two current versions, which the next store of that record repairs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/ssmix2/plan.h"

namespace ssmix::ssmix2 {

struct StoreOutcome {
    bool duplicate = false;              // an identical message was already stored: nothing written
    std::string path;                    // storage-relative path of the message's file
    std::vector<std::string> renamed;    // "old name -> new name", storage-relative
};

class StandardStorage {
public:
    explicit StandardStorage(std::filesystem::path root);

    // Throws std::system_error for I/O problems (full disk, permissions): the caller keeps
    // the message and reports it; nothing half-written remains.
    StoreOutcome store(const StoragePlan& plan, ByteView message_bytes);

    [[nodiscard]] const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

// Versions of one record found in a folder, oldest first.
struct StoredVersion {
    FileName name;
    std::filesystem::path path;
};
[[nodiscard]] std::vector<StoredVersion> versions_in(const std::filesystem::path& folder, const FileName& record);

}  // namespace ssmix::ssmix2
