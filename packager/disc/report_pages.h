// packager/disc/report_pages.h — a report or document that travels inside DICOM (Structured
// Report, Encapsulated CDA, Encapsulated PDF) made readable from the static page without the
// viewer: the SR or CDA as a print-ready page (the same renderer as the disc's letters), the
// PDF as the PDF file itself.
#pragma once

#include <string>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/dicom/dataset.h"
#include "packager/disc/static_page.h"

namespace ssmix::packager {

struct ReportPage {
    Bytes bytes;        // the page's HTML, or the PDF
    DocumentLink link;  // for the static page's list of documents
};

// `disc_path`: where the page goes (IHE_PDI/REPORTS/Rnnnnnnn.HTM or .PDF).
[[nodiscard]] Parsed<ReportPage> report_page(const dicom::Dataset& dataset, const std::string& disc_path);

}  // namespace ssmix::packager
