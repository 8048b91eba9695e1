// packager/ingest/document_ingest.h — a CDA document into the SS-MIX2 extended storage (or,
// with `remove`, every stored version of it marked deleted), as `ssmix ingest` takes them beside
// HL7 messages. The file itself is never changed; problems are diagnostics naming it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"

namespace ssmix::packager {

struct DocumentIngestResult {
    bool ok = false;
    std::string action;                    // "stored", "duplicate", "deleted", "not stored"
    std::string path;                      // extended-storage-relative path of the stored file
    std::vector<std::string> renamed;      // earlier versions whose flag changed
    std::vector<Diagnostic> diagnostics;
};

// True when the bytes look like XML (after a UTF-8 byte order mark and white space: '<').
[[nodiscard]] bool looks_like_xml(ByteView bytes);

[[nodiscard]] DocumentIngestResult ingest_document(const std::filesystem::path& extended, bool remove, const std::filesystem::path& file,
                                                   ByteView bytes);

}  // namespace ssmix::packager
