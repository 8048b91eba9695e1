// packager/ingest/ingest_pipeline.h — one HL7 message from bytes to the standardized storage: parse,
// check the encoding, classify and name it, store it. Shared by `ssmix ingest` (files) and
// `ssmix listen` (MLLP), so both store a message exactly the same way. A message that cannot
// be stored is kept in the rejected folder with a reason file; nothing is ever dropped.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/ssmix2/storage.h"
#include "core/ssmix2/transaction_log.h"

namespace ssmix::packager {

enum class IngestStatus {
    stored,      // written (a new record or a new version)
    cancelled,   // a cancel: stored with flag 0, earlier versions renamed to 0
    duplicate,   // identical to a message already stored
    unreadable,  // not an HL7 v2 message (HL7 would answer AR)
    rejected,    // HL7, but it cannot be stored: wrong encoding, unknown type, bad field (AE)
};

struct IngestResult {
    IngestStatus status = IngestStatus::rejected;
    std::string data_type;                 // "OMP-01" when known
    std::string control_id;                // MSH-10 when readable
    std::string stored_path;               // storage-relative path of the file
    std::vector<std::string> renamed;
    std::vector<Diagnostic> diagnostics;   // errors say why it was rejected; warnings are kept too
    std::optional<std::filesystem::path> rejected_copy;   // where the message was kept
};

[[nodiscard]] const char* to_string(IngestStatus status);

struct TransactionOptions {
    std::filesystem::path root;      // empty: no transaction storage
    std::string facility_id = "0000000000";
};

class IngestPipeline {
public:
    IngestPipeline(std::filesystem::path storage, std::filesystem::path rejected, TransactionOptions transactions = {});

    // Messages with one group commit: each is checked, the storable ones are staged,
    // flushed once, committed in order, flushed again. When this returns, every message with
    // status stored/cancelled/duplicate is durable. Results are in input order. A message
    // whose answer is already known (an oversized MLLP frame) passes through with it.
    // `source` names a message in diagnostics ("orders.hl7", "orders.hl7#3", "10.0.0.5:41234").
    // Throws only for programming errors; I/O problems become rejected results.
    struct Incoming {
        ByteView message;
        std::string source;
        std::optional<IngestResult> decided;
    };
    [[nodiscard]] std::vector<IngestResult> ingest_batch(const std::vector<Incoming>& batch);

    [[nodiscard]] const std::filesystem::path& rejected_folder() const { return rejected_; }

private:
    // check() reads and judges a message: a storable one comes back with its plan, the others
    // are already kept in the rejected folder. finish() records how storing went.
    struct Checked {
        std::string source;
        IngestResult result;
        std::optional<ssmix2::StoragePlan> plan;   // set when the message may be stored
    };
    [[nodiscard]] Checked check(ByteView message, const std::string& source);
    void finish(Checked& checked, ByteView message, const ssmix2::StoreOutcome* outcome, const std::string& failure);
    void keep_rejected(ByteView message, const std::string& source, IngestResult& result);

    ssmix2::StandardStorage storage_;
    std::filesystem::path rejected_;
    std::optional<ssmix2::TransactionLog> transactions_;
};

// Splits an MLLP-framed stream (0x0B message 0x1C 0x0D ...) into messages; a file without a
// start block is one message.
[[nodiscard]] std::vector<ByteView> split_messages(ByteView file_bytes);

}  // namespace ssmix::packager
