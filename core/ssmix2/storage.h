// core/ssmix2/storage.h — writes messages into a standardized storage, keeping every version:
// a new version of a record (same patient, care date, data type, order number) renames the
// earlier current file's flag 1 -> 2; a cancel renames 1 and 2 -> 0 and is itself stored with
// flag 0 (NHO-TX, guideline 1.2g p.32). Writes are durable (temp + fsync + rename + directory
// fsync) and per-patient locked (flock on the patient folder), so several processes may write
// one storage. Order of steps: the new file is written first, then older versions renamed, so a
// crash leaves at worst two current versions, which the next store of that record repairs.
//
// Many messages at once (group commit, `ssmix listen`): stage() each one into a hidden temporary
// file in its folder, sync() once, commit() each (renames only), sync() again. Only after the
// second sync is any of them durable; a crash before it leaves at most hidden temporary files.
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

// A message written to a hidden temporary file beside its final place, not yet stored.
struct StagedMessage {
    StoragePlan plan;
    Bytes bytes;
    std::filesystem::path temp;
};

class StandardStorage {
public:
    explicit StandardStorage(std::filesystem::path root);

    // One durable store. Throws std::system_error for I/O problems (full disk, permissions):
    // the caller keeps the message and reports it; nothing half-written remains.
    StoreOutcome store(const StoragePlan& plan, ByteView message_bytes);

    // Group commit (see above). stage() and commit() throw std::system_error like store().
    [[nodiscard]] StagedMessage stage(const StoragePlan& plan, ByteView message_bytes);
    StoreOutcome commit(StagedMessage& staged);
    void sync();   // flushes the storage's file system (syncfs)

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
