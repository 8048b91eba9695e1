// core/dicom/dicom_document.h — what travels beside the images inside DICOM, made readable as
// a document like the disc's CDA letters: a Structured Report (Basic Text, Enhanced,
// Comprehensive SR; read with DCMTK's dcmsr) as sections of its content tree, an Encapsulated
// PDF as a file body to save, an Encapsulated CDA as the CDA document it carries. And the
// images a Key Object Selection names (the radiologist's key images).
#pragma once

#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/cda/document.h"
#include "core/dicom/dataset.h"

namespace ssmix::dicom {

enum class DicomDocumentKind { none, structured_report, key_objects, pdf, cda };

[[nodiscard]] DicomDocumentKind document_kind(const std::string& sop_class_uid);

// A link in a report's narrative to an image it refers to: "dicom:<SOP Instance UID>", with
// "#<frame>" (1-based, as DICOM counts) when the reference names frames.
inline constexpr std::string_view image_link_prefix = "dicom:";

// The document (SR, PDF or CDA); an error naming the file and the element when it cannot be read.
[[nodiscard]] Parsed<cda::Document> read_dicom_document(const Dataset& dataset);

struct KeyObjects {
    std::string title;                          // the document title's meaning ("Of Interest" ...)
    std::string explanation;                    // the Key Object Description text, if any
    std::vector<std::string> sop_instance_uids; // in the order the selection lists them
};
[[nodiscard]] Parsed<KeyObjects> read_key_objects(const Dataset& dataset);

}  // namespace ssmix::dicom
