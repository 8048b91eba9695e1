// core/ssmix2/extended_storage.h — the SS-MIX2 extended storage (拡張ストレージ) for documents
// that are not HL7 v2 messages (CDA, PDF). Layout (shared/research/ssmix2.md §1.7, NHO guideline
// 1.2g p.4-6):
//   <root>/<ID[0:3]>/<ID[3:6]>/<ID>/<care date | ->/<data-type folder>/<content folder>/<files>
//   data-type folder: localCode^localName^localSystem^standardCode^standardName^standardSystem
//   content folder:   <ID>_<care date>_<data-type folder>_<specific key>_<timestamp 17>_<dept | ->_<flag>
// The content folder carries the flags of the standardized storage: a new version of a
// document (same patient, data type and specific key, any care date) renames the current
// folder's flag 1 -> 2; a delete renames 1 and 2 -> 0 (extended guideline 1.2c: deletion is
// by renaming only). The main file is named "main_document.<ext>" as in NHO's sample, which
// is the only public example (its naming is an open question of the guideline).
// A content folder appears whole or not at all: written as a hidden folder, synced, renamed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/ssmix2/naming.h"

namespace ssmix::ssmix2 {

struct DocumentType {
    std::string local_code, local_name, local_system;
    std::string standard_code, standard_name, standard_system;   // e.g. 57133-1, 紹介状, LN
    [[nodiscard]] std::string folder_name() const;   // the six parts joined by '^', '_' '/' and controls replaced
};

struct StoredDocument {
    std::string patient_id;
    std::string care_date;       // YYYYMMDD or "-"
    DocumentType type;
    std::string key;             // 特定キー: the same for every version of one document (<= 22 characters)
    std::string department = "-";
};

struct DocumentOutcome {
    bool duplicate = false;               // the current version has the same bytes: nothing written
    std::string path;                     // storage-relative path of the main file
    std::vector<std::string> renamed;     // "old -> new", storage-relative
};

class ExtendedStorage {
public:
    explicit ExtendedStorage(std::filesystem::path root);

    // Stores a new version. Throws std::system_error for I/O problems (nothing half-written)
    // and std::invalid_argument for an unsafe patient ID or key.
    DocumentOutcome store(const StoredDocument& document, const std::string& main_file_name, ByteView bytes);

    // Marks every version of the document deleted (flag 0); returns the renames (none when
    // the document is not stored).
    std::vector<std::string> remove(const StoredDocument& document);

    [[nodiscard]] const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

// The main file ("main_document.*") of the current version (flag 1) of each of a patient's
// documents whose care date is in [from, to] (YYYYMMDD, inclusive, empty = open; undated
// documents, "-", always), sorted by path, i.e. by care date.
[[nodiscard]] std::vector<std::filesystem::path> current_documents(const std::filesystem::path& root, const std::string& patient_id,
                                                                   const std::string& from = {}, const std::string& to = {});

// Content folders of one document (patient, data type, key) in every care-date folder, oldest first.
[[nodiscard]] std::vector<std::filesystem::path> document_versions(const std::filesystem::path& root, const StoredDocument& document);

}  // namespace ssmix::ssmix2
