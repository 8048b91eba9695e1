// packager/disc/static_page.h — IHE_PDI/INDEX.HTM: the patient's record as one plain HTML
// page with no script at all (a Content-Security-Policy forbids any), so the disc can be read
// where JavaScript or WebGL is unavailable: demographics, problems, allergies, prescriptions
// and injections, lab results as a test × date table, imaging orders with findings, and one
// key image per series (JPEG beside it). A study whose Study Instance UID an imaging order
// names (IPC-3) is linked both ways: the order links to its images, the images show the
// order and its findings. Every text from the data is HTML-escaped.
#pragma once

#include <string>
#include <vector>

#include "core/clinical/record.h"
#include "packager/disc/readme_text.h"

namespace ssmix::packager {

struct KeyImage {
    std::string file;                 // relative to IHE_PDI/, e.g. "IMAGES/I0000001.JPG"
    std::string study_date, study_description, modality, series_description;
    unsigned frame = 0, frames = 1;   // which frame of the series (0-based) of how many
    unsigned width = 0, height = 0;
    std::string study_uid;            // links the study to an SS-MIX2 imaging order (IPC-3)
};

struct DocumentLink {
    std::string file;                 // relative to IHE_PDI/, e.g. "DOC00001.HTM"
    std::string title, date, author;
};

// `record` may be null (a disc made from DICOM only).
[[nodiscard]] std::string static_page_html(const clinical::ClinicalRecord* record, const DiscSummary& summary,
                                           const std::vector<KeyImage>& images, const std::vector<DocumentLink>& documents = {});

}  // namespace ssmix::packager
