// packager/disc/disc_plan.h — what goes on one patient's disc, decided before anything is
// written: the patient, the SS-MIX2 files, the documents with their disc names, the DICOM
// instances with their disc paths and transfer syntaxes, the studies and series with their key
// images, what the viewer's data carries and what it leaves out, and the size against the
// medium. The writers (disc_writers.h) each take the plan and the tree; `ssmix pack --dry-run`
// prints it and writes nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/cda/document.h"
#include "core/clinical/record.h"
#include "core/dicom/disc_encoding.h"
#include "packager/disc/dicom_input.h"
#include "packager/disc/media.h"
#include "packager/disc/readme_text.h"
#include "packager/disc/viewer_resources.h"
#include "packager/documents/document_file.h"

namespace ssmix::packager {

// What the person running `ssmix pack` asked for.
struct PackRequest {
    std::filesystem::path storage, extended;     // SS-MIX2 standardized and extended storage
    std::string patient, from, to;               // the patient and the care-date period (YYYYMMDD)
    std::vector<std::filesystem::path> dicom;    // files, folders, other discs
    std::vector<std::filesystem::path> documents;
    std::string institution;                     // who makes the disc
    Media media = Media::cd650;
    bool bundle = true;                          // false: --no-bundle
    ViewerResources viewer;
};

struct PlannedFile {
    std::string disc_path;
    std::filesystem::path source;
    std::uint64_t bytes = 0;
};

struct PlannedDocument {
    std::filesystem::path source;
    Bytes bytes;                     // original bytes, put on the disc unchanged
    cda::Document document;          // a FHIR bundle's Composition read into the same model
    std::string xdm_path;            // IHE_XDM/SUBSET01/DOCnnnnn.XML (.JSN for a FHIR bundle)
    std::string page_path;           // IHE_PDI/DOCnnnnn.HTM
    DocumentFormat format = DocumentFormat::cda;
    std::string patient_place;       // where the document names its patient (CDA XPath, FHIR path)
};

struct PlannedInstance {
    DicomInput input;                // where it was found, its header, the source's SHA-256
    std::string disc_path;           // DICOM/Pnnnnnnn/STnnnnnn/SEnnnnnn/IMnnnnnn
    dicom::DiscEncoding encoding;    // the transfer syntax on the disc, and whether it is transcoded
    std::uint64_t disc_bytes = 0;    // on the disc: exact when kept, estimated when transcoded
    std::uint64_t disc_bytes_most = 0;   // an upper bound (header sizes of transcoded files are unknown)
    std::string report_page;         // a report or document inside DICOM: IHE_PDI/REPORTS/Rnnnnnnn.HTM (.PDF)
};

struct PlannedSeries {
    std::string uid, label;          // label: "2026/10/05 CT 胸部 5mm (uid)", for reports
    std::vector<std::size_t> instances;   // into DiscPlan::instances, in disc order
    std::size_t key_instance = 0;    // into DiscPlan::instances: the middle image
    unsigned key_frame = 0;          // the middle frame, when that image has several
    std::string key_image;           // IHE_PDI/IMAGES/Innnnnnn.JPG; empty when the middle instance has no image
    std::uint64_t bundle_bytes = 0;  // estimated cost in the viewer's data (deflated, base64)
    bool in_bundle = true;
    std::string left_out_reason;     // why not, when not
};

struct DiscPlan {
    Media media = Media::cd650;
    std::uint64_t budget = 0;                    // room for files on the medium
    dicom::DiscProfile profile = dicom::DiscProfile::cd_uncompressed;
    std::string patient_id, patient_id_root;     // the root: the documents' assigning authority
    std::optional<clinical::ClinicalRecord> record;   // from the storage's messages
    DiscSummary summary;                         // README.TXT's facts (patient, maker, studies, documents)
    std::vector<PlannedFile> ssmix2;
    std::vector<PlannedDocument> documents;
    std::string xdm_submission_time;             // UTC, YYYYMMDDHHMMSS
    std::vector<PlannedInstance> instances;      // in disc order
    std::vector<PlannedSeries> series;           // by study date, study and series number
    std::size_t linked_studies = 0;              // studies an SS-MIX2 imaging order names
    ViewerResources viewer;
    bool bundle = true;
    std::uint64_t standard_bytes = 0;            // estimated: everything but the viewer's data
    std::uint64_t standard_bytes_most = 0;       // its upper bound
    std::uint64_t bundle_bytes = 0;              // estimated: the viewer's data as planned
    std::vector<Diagnostic> diagnostics;         // what was left out or could not be read, and why
};

// The plan, or no value with an error saying why no disc can be made (a document that cannot
// be read or is about another patient, images of several patients without --patient, nothing
// for the patient, the standard files alone too large for the medium).
[[nodiscard]] Parsed<DiscPlan> plan_disc(const PackRequest& request);

// Room the viewer's data may take: the budget less the standard files at their largest.
[[nodiscard]] std::uint64_t bundle_room(const DiscPlan& plan);

}  // namespace ssmix::packager
