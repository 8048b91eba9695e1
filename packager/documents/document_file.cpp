// packager/documents/document_file.cpp
#include "packager/documents/document_file.h"

#include "core/fhir/bundle_reader.h"
#include "core/base/durable_file.h"
#include "core/cda/reader.h"

namespace ssmix::packager {
namespace {

// A bundle goes on the disc as a document only when it is one: a Composition to show as the
// letter (a collection of 6情報 has none; the viewer could not list it, the page would be empty).
DocumentFile read_bundle_file(const std::filesystem::path& path, Bytes bytes) {
    DocumentFile file;
    file.format = DocumentFormat::fhir;
    file.patient_place = "Bundle.entry.resource.ofType(Patient).identifier";
    file.bytes = std::move(bytes);
    auto read = fhir::read_bundle(file.bytes, path.string());
    // Any error stops it: a letter with a part we could not read would be shown incomplete.
    const bool complete = read.value && !read.has_errors();
    file.document.diagnostics = std::move(read.diagnostics);
    if (!complete) return file;
    if (!read.value->document) {
        file.document.diagnostics.push_back(error({path.string(), 0, "Bundle.entry"}, "pack.fhir.no_composition",
                                                  "a FHIR bundle of type \"" + read.value->type +
                                                      "\" without a Composition is not a document: it cannot go on the disc as one"));
        return file;
    }
    file.document.value = std::move(*read.value->document);
    // The record's patient is the bundle's Patient too: its id counts when the header has none.
    if (file.document.value->patient.ids.empty() && !read.value->record.patient.id.empty())
        file.document.value->patient.ids.push_back({"", read.value->record.patient.id, ""});
    return file;
}

}  // namespace

DocumentFile read_document_file(const std::filesystem::path& path) {
    DocumentFile file;
    file.patient_place = "/ClinicalDocument/recordTarget/patientRole/id";
    try {
        file.bytes = read_file(path);
    } catch (const std::exception& e) {
        file.document.diagnostics.push_back(error({path.string(), 0, ""}, "cda.file.unreadable", std::string("cannot read the document: ") + e.what()));
        return file;
    }
    if (fhir::looks_like_fhir_json(file.bytes)) return read_bundle_file(path, std::move(file.bytes));
    file.document = cda::read_document(file.bytes, path.string());
    return file;
}

const char* disc_extension(DocumentFormat format) { return format == DocumentFormat::fhir ? "JSN" : "XML"; }

const char* mime_type(DocumentFormat format) { return format == DocumentFormat::fhir ? "application/fhir+json" : "text/xml"; }

}  // namespace ssmix::packager
