// packager/document_output.h — what `ssmix referral` and `ssmix provide` share: the patient's
// record from the storage, a fresh document id and time, and delivery of the finished CDA:
// read back with our own reader first (a document we could not read is never written), then
// written atomically to -o and, with --extended, kept in the SS-MIX2 extended storage.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/cda/referral.h"
#include "core/clinical/record.h"

namespace ssmix::packager {

struct RecordRequest {
    std::filesystem::path storage;
    std::string patient, from, to;   // from/to: YYYYMMDD, inclusive, empty = open
};

// The record, or nothing (after saying why on stderr) when the storage has no data for the patient.
[[nodiscard]] std::optional<clinical::ClinicalRecord> load_record(const std::string& command, const RecordRequest& request);

// A new document id (UUID under 2.25) and the local time with its zone.
[[nodiscard]] cda::WriteContext new_write_context();

// For --revises OLD.xml: the new document replaces OLD (same setId, next version). False, after
// saying why, when OLD cannot be read or is about another patient.
[[nodiscard]] bool revise(const std::string& command, const std::filesystem::path& earlier, const std::string& patient_id,
                          cda::WriteContext& context);

struct DocumentDelivery {
    std::filesystem::path output;      // -o
    std::filesystem::path extended;    // --extended; empty = not stored
};

// Returns the exit code; prints where the document went.
[[nodiscard]] int deliver_document(const std::string& command, const std::string& xml, const std::string& patient_id,
                                   const DocumentDelivery& delivery);

// The shared --from/--to check: YYYYMMDD.
[[nodiscard]] std::string check_date(const std::string& text);

}  // namespace ssmix::packager
