// packager/ingest/document_ingest.cpp — read with our own CDA reader, filed by the record the
// document names (patient, type, date) in the extended storage.
#include "packager/ingest/document_ingest.h"

#include "core/cda/extended_record.h"
#include "core/cda/reader.h"
#include "core/ssmix2/extended_storage.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

bool looks_like_xml(ByteView bytes) {
    // UTF-16 (with a byte order mark, or "<" as its first unit): the CDA reader decodes it.
    if (bytes.size() >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) ||
                              (bytes[0] == '<' && bytes[1] == 0) || (bytes[0] == 0 && bytes[1] == '<')))
        return true;
    std::size_t at = bytes.size() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;   // UTF-8 BOM
    while (at < bytes.size() && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\r' || bytes[at] == '\n')) ++at;
    return at < bytes.size() && bytes[at] == '<';
}

DocumentIngestResult ingest_document(const fs::path& extended, bool remove, const fs::path& file, ByteView bytes) {
    DocumentIngestResult result;
    if (extended.empty()) {
        result.diagnostics.push_back(error({file.string(), 0, ""}, "ingest.document.no_extended",
                                           "a CDA document: give --extended DIR to keep it in the extended storage"));
        return result;
    }
    auto parsed = cda::read_document(bytes, file.string());
    result.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.value) return result;
    std::string why;
    const auto record = cda::extended_record(*parsed.value, why);
    if (!record) {
        result.diagnostics.push_back(error({file.string(), 0, "/ClinicalDocument/recordTarget"}, "ingest.document.no_patient", why));
        return result;
    }
    try {
        ssmix2::ExtendedStorage storage(extended);
        if (remove) {
            result.renamed = storage.remove(*record);
            result.action = result.renamed.empty() ? "not stored" : "deleted";
        } else {
            const std::string extension = file.extension().empty() ? ".xml" : file.extension().string();
            const auto outcome = storage.store(*record, "main_document" + extension, bytes);
            result.action = outcome.duplicate ? "duplicate" : "stored";
            result.path = outcome.path;
            result.renamed = outcome.renamed;
        }
        result.ok = true;
    } catch (const std::exception& e) {
        result.diagnostics.push_back(error({file.string(), 0, ""}, "ingest.document.store_failed", std::string("cannot store: ") + e.what()));
    }
    return result;
}

}  // namespace ssmix::packager
