// packager/documents/document_file.h — a document given to `ssmix pack` (--document, the
// extended storage): a CDA R2 XML document or a FHIR JSON document bundle (JP-CLINS eReferral),
// told apart by their bytes. Either way the original bytes stay as they are for the disc and
// the reader's cda::Document is what the static page and the metadata are made from.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/cda/document.h"

namespace ssmix::packager {

enum class DocumentFormat { cda, fhir };

struct DocumentFile {
    Bytes bytes;
    DocumentFormat format = DocumentFormat::cda;
    Parsed<cda::Document> document;    // no value: the file cannot go on the disc (diagnostics say why)
    std::string patient_place;         // where its patient is named, for "another patient" errors
};

[[nodiscard]] DocumentFile read_document_file(const std::filesystem::path& path);

// The disc's extension and the XDS mimeType of each format.
[[nodiscard]] const char* disc_extension(DocumentFormat format);
[[nodiscard]] const char* mime_type(DocumentFormat format);

}  // namespace ssmix::packager
