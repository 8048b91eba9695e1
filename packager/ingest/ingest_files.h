// packager/ingest/ingest_files.h — what `ssmix ingest` does with the paths it is given: every
// file read once; HL7 messages (one per file, or MLLP-framed streams) stored through the
// IngestPipeline in groups that share one flush, CDA documents into the extended storage.
// Each result is handed to the caller as it is known, so a long run reports as it goes.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "packager/ingest/document_ingest.h"
#include "packager/ingest/ingest_pipeline.h"

namespace ssmix::packager {

struct IngestRequest {
    std::filesystem::path storage;       // standardized storage; empty: no HL7 messages taken
    std::filesystem::path extended;      // extended storage; empty: no documents taken
    std::filesystem::path rejected;      // where refused messages are kept (empty: <storage>/../rejected)
    bool remove_documents = false;       // mark the documents deleted instead of storing them
    TransactionOptions transactions;
    std::vector<std::filesystem::path> inputs;
};

struct IngestEvents {
    std::function<void(const IngestResult& result, const std::string& source)> message;
    std::function<void(const std::filesystem::path& file, const DocumentIngestResult& result)> document;
};

struct IngestSummary {
    std::filesystem::path rejected_folder;
    std::map<IngestStatus, std::size_t> messages;    // by status
    std::map<std::string, std::size_t> documents;    // by action ("stored", "duplicate", "deleted")
    std::vector<Diagnostic> problems;                // unreadable inputs, documents refused, misplaced files
    [[nodiscard]] std::size_t failed() const;        // messages not stored + errors among the problems
};

[[nodiscard]] IngestSummary ingest_files(const IngestRequest& request, const IngestEvents& events);

}  // namespace ssmix::packager
