// core/fhir/bundle_reader.h — reads a FHIR R4 Bundle in JSON (JP-CLINS eReferral and other
// document bundles, JP_Bundle_CLINS, any vendor's collection) as inert data for the physician:
// the Composition as a cda::Document (header, sections with their narrative, so `ssmix fhir
// render`, the disc's static page and the viewer's letter view share the CDA renderers) and
// the entries as a clinical::ClinicalRecord (Condition, AllergyIntolerance, MedicationRequest,
// Observation), which fill the viewer's problems, prescriptions and labs on a FHIR-only disc.
// Narrative XHTML goes through the same allow-list as CDA narrative: nothing active, no link
// outside the document; a section without narrative gets one generated from its entries.
// Size and nesting are bounded; every problem is a diagnostic naming its JSON path.
#pragma once

#include <optional>
#include <string>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/cda/document.h"
#include "core/clinical/record.h"

namespace ssmix::fhir {

inline constexpr std::size_t max_bundle_bytes = 64u << 20;

struct ReadBundle {
    std::string type;                       // Bundle.type: document, collection, ...
    std::optional<cda::Document> document;  // when the bundle holds a Composition
    clinical::ClinicalRecord record;        // the patient and the coded entries
};

// `name` names the bundle in diagnostics (a file path). An error and no value when the bytes
// are not JSON or not a Bundle.
[[nodiscard]] Parsed<ReadBundle> read_bundle(ByteView bytes, const std::string& name);

// A document for a bundle without a Composition (a JP_Bundle_CLINS collection ...): the
// patient and a section per kind of entry, each a table of the record's rows.
[[nodiscard]] cda::Document entries_document(const ReadBundle& bundle);

// Whether the bytes look like a FHIR JSON resource ({ ... "resourceType" ...), to tell a
// bundle from a CDA document or an image among a disc's or a picked folder's files.
[[nodiscard]] bool looks_like_fhir_json(ByteView bytes);

}  // namespace ssmix::fhir
