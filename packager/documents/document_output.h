// packager/documents/document_output.h — what `ssmix referral` and `ssmix provide` share: their common
// options, the patient's record from the storage, a fresh document id and time (or the next
// version of --revises), and delivery of the finished CDA: read back with our own reader first
// (a document we could not read is never written), then written atomically to -o and, with
// --extended, kept in the SS-MIX2 extended storage.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/cda/header.h"
#include "core/clinical/record.h"

namespace CLI {
class App;
}

namespace ssmix::packager {

struct DocumentRequest {
    std::filesystem::path storage;
    std::string patient, from, to;       // from/to: YYYYMMDD, inclusive, empty = open
    std::filesystem::path revises;       // an earlier version this document corrects
    std::filesystem::path output;        // -o
    std::filesystem::path extended;      // --extended; empty = not stored
};

// --storage, --patient, -o, --extended and --revises on the command.
void add_document_options(CLI::App& cli, DocumentRequest& request);

// Runs the shared steps around `write` (which makes the document's XML from the record) and
// returns the exit code, having said on stderr what went wrong.
using DocumentWriter = std::function<std::string(const clinical::ClinicalRecord& record, const cda::WriteContext& context)>;
[[nodiscard]] int make_document(const std::string& command, const DocumentRequest& request, const DocumentWriter& write);

// The shared --from/--to check: YYYYMMDD.
[[nodiscard]] std::string check_date(const std::string& text);

}  // namespace ssmix::packager
