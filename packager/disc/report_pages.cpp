// packager/disc/report_pages.cpp
#include "packager/disc/report_pages.h"

#include "core/base/disc_names.h"
#include "core/cda/document_summary.h"
#include "core/cda/render.h"
#include "core/dicom/dicom_document.h"

namespace ssmix::packager {

Parsed<ReportPage> report_page(const dicom::Dataset& dataset, const std::string& disc_path) {
    Parsed<ReportPage> result;
    auto document = dicom::read_dicom_document(dataset);
    result.diagnostics = std::move(document.diagnostics);
    if (!document.value) return result;
    const cda::Document& d = *document.value;
    ReportPage page;
    const bool pdf = disc_path.ends_with(".PDF");
    if (pdf && d.non_xml_body) page.bytes = d.non_xml_body->bytes;
    else {
        const std::string html = cda::render_html_page(d);
        page.bytes.assign(html.begin(), html.end());
    }
    std::string title = cda::document_title(d);
    if (pdf && title.find("PDF") == std::string::npos) title += "（PDF）";
    const std::string author = !d.authors.empty() ? cda::party_text(d.authors.front()) : d.custodian.organization;
    page.link = {disc_path.substr(disc::pdi_folder.size()), title, d.effective_time, author};
    result.value = std::move(page);
    return result;
}

}  // namespace ssmix::packager
