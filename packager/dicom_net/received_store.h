// packager/dicom_net/received_store.h — instances received over DICOM (C-STORE from a modality
// or a PACS, or the sub-operations of our own C-GET and C-MOVE) kept on disk durably, as
// DIR/<PatientID>/<StudyUID>/<SeriesUID>/<SOPInstanceUID>.dcm: written under a temporary name,
// flushed, renamed, its folder flushed, all before store() returns, so a success status sent
// after it means the file survives a crash (Durability::each). A retrieve of our own, whose source
// keeps its copy, may instead flush once at the end (Durability::at_flush): files are written
// under hidden temporary names, and flush() makes them durable, then gives them their names, so a
// crash never leaves a partial file under a final name either way. The same instance twice is
// stored once. Names come
// from the dataset, made safe: a patient ID keeps letters, digits, '-' and '_' and writes any
// other byte as %XX (so two IDs never share a folder, and none leaves DIR); each UID must be a
// UID. What cannot be stored is kept in DIR/../rejected with a reason file beside it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "core/dicom/dataset.h"

namespace ssmix::packager {

// C-STORE statuses (DICOM PS3.4 Table B.2-1).
inline constexpr std::uint16_t store_success = 0x0000;
inline constexpr std::uint16_t store_out_of_resources = 0xA700;
inline constexpr std::uint16_t store_does_not_match = 0xA900;
inline constexpr std::uint16_t store_cannot_understand = 0xC000;

struct StoredInstance {
    enum class Outcome { stored, duplicate, rejected };
    Outcome outcome = Outcome::rejected;
    std::uint16_t status = store_cannot_understand;   // what to answer the sender
    std::string path;                                  // relative to the store's folder
    std::string problem;                               // why it was rejected
    std::string patient_id, study_uid, series_uid, sop_class_uid, sop_instance_uid, transfer_syntax_uid;
};

[[nodiscard]] const char* to_string(StoredInstance::Outcome outcome);

enum class Durability { each, at_flush };

class ReceivedStore {
public:
    // `root`: DIR; `rejected`: where refused datasets go (empty: DIR/../rejected). Thread-safe.
    explicit ReceivedStore(std::filesystem::path root, Durability durability = Durability::each, std::filesystem::path rejected = {});

    // `dataset` as it arrived, in the transfer syntax it came in (kept as it is). `affected_*`:
    // the C-STORE command's SOP class and instance, which the dataset must repeat (empty: not
    // checked).
    [[nodiscard]] StoredInstance store(dicom::Dataset& dataset, const std::string& affected_sop_class = {},
                                       const std::string& affected_sop_instance = {});

    // Durability::at_flush: every instance stored so far flushed to disk, then renamed into place
    // and the names flushed. Throws std::system_error when the disk refuses.
    void flush();

    [[nodiscard]] const std::filesystem::path& root() const { return root_; }
    [[nodiscard]] const std::filesystem::path& rejected_folder() const { return rejected_; }

private:
    void keep_rejected(dicom::Dataset& dataset, StoredInstance& result);

    std::filesystem::path root_, rejected_;
    Durability durability_;
    std::mutex mutex_;
    std::map<std::filesystem::path, std::filesystem::path> pending_;   // final name -> temporary one (at_flush)
};

// A patient ID as a folder name: [A-Za-z0-9_-] kept, every other byte as %XX ("." and ".."
// can never come out); "UNKNOWN" for an empty ID.
[[nodiscard]] std::string safe_folder_name(const std::string& patient_id);

// True for a DICOM UID (PS3.5 §9.1): 1-64 characters, components of digits separated by
// single dots, no leading zero in a component.
[[nodiscard]] bool is_uid(const std::string& text);

}  // namespace ssmix::packager
