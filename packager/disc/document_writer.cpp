// packager/disc/document_writer.cpp
#include "packager/disc/document_writer.h"

#include "core/base/disc_names.h"
#include "core/base/sha1.h"
#include "core/cda/document_summary.h"
#include "core/cda/render.h"
#include "core/cda/xdm_metadata.h"

namespace ssmix::packager {

void write_documents(const DiscPlan& plan, DiscTreeWriter& tree) {
    if (plan.documents.empty()) return;
    std::vector<cda::XdmDocument> entries;
    for (const auto& d : plan.documents) {
        tree.write(d.xdm_path, d.bytes);
        tree.write(d.page_path, as_bytes(cda::render_html_page(d.document)));
        entries.push_back(cda::xdm_document(d.document, d.xdm_path.substr(disc::xdm_folder.size()), d.bytes.size(), sha1_hex(d.bytes)));
        entries.back().mime_type = mime_type(d.format);   // a FHIR bundle: application/fhir+json
    }
    const cda::XdmSubmission submission{plan.patient_id, plan.patient_id_root, plan.summary.institution, plan.xdm_submission_time};
    tree.write(std::string(disc::xdm_metadata), as_bytes(cda::xdm_metadata_xml(submission, entries)));
}

std::vector<DocumentLink> document_links(const DiscPlan& plan) {
    std::vector<DocumentLink> links;
    for (const auto& d : plan.documents) {
        const std::string author = d.document.authors.empty() ? "" : cda::party_text(d.document.authors.front());
        links.push_back({d.page_path.substr(disc::pdi_folder.size()), cda::document_title(d.document), d.document.effective_time, author});
    }
    return links;
}

}  // namespace ssmix::packager
