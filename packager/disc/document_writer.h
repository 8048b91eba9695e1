// packager/disc/document_writer.h — the plan's documents on the disc: their original bytes in
// IHE_XDM/SUBSET01/ with METADATA.XML describing them (IHE XDM), and each as a print-ready page
// in IHE_PDI/ (the same renderer as `ssmix cda render`).
#pragma once

#include <vector>

#include "packager/disc/disc_plan.h"
#include "packager/disc/disc_tree.h"
#include "packager/disc/static_page.h"

namespace ssmix::packager {

void write_documents(const DiscPlan& plan, DiscTreeWriter& tree);

// The static page's links to the documents' pages.
[[nodiscard]] std::vector<DocumentLink> document_links(const DiscPlan& plan);

}  // namespace ssmix::packager
