// tests/unit/base/disc_names_test.cpp — tests core/base/disc_names.cpp: the names the packager
// writes, `ssmix verify` checks and the viewer reads.
#include <doctest/doctest.h>

#include "core/base/disc_names.h"

using namespace ssmix;

TEST_CASE("disc names: documents, their pages and key images have level-1 names") {
    CHECK(disc::xdm_document(1) == "IHE_XDM/SUBSET01/DOC00001.XML");
    CHECK(disc::xdm_document(12, "JSN") == "IHE_XDM/SUBSET01/DOC00012.JSN");
    CHECK(disc::document_page(3) == "IHE_PDI/DOC00003.HTM");
    CHECK(disc::key_image(7) == "IHE_PDI/IMAGES/I0000007.JPG");
    for (const auto& path : {disc::xdm_document(99999), disc::document_page(5), disc::key_image(1234567), std::string(disc::manifest),
                             std::string(disc::xdm_metadata), std::string(disc::static_page), std::string(disc::viewer_script)})
        CHECK(disc::is_level1_path(path));
}

TEST_CASE("disc names: a document's page is found from its path, and only for documents of the subset") {
    CHECK(disc::document_page_of("IHE_XDM/SUBSET01/DOC00002.XML") == "IHE_PDI/DOC00002.HTM");
    CHECK(disc::document_page_of("IHE_XDM/SUBSET01/DOC00002.JSN") == "IHE_PDI/DOC00002.HTM");
    CHECK_FALSE(disc::document_page_of("IHE_XDM/SUBSET01/METADATA.XML"));
    CHECK_FALSE(disc::document_page_of("IHE_XDM/SUBSET02/DOC00002.XML"));
    CHECK_FALSE(disc::document_page_of("IHE_XDM/SUBSET01/DOCABCDE.XML"));
    CHECK_FALSE(disc::document_page_of("IHE_XDM/SUBSET01/DOC00002.XML/X"));
    CHECK(disc::is_xdm_document("IHE_XDM/SUBSET01/DOC00001.XML"));
    CHECK_FALSE(disc::is_xdm_document("IHE_XDM/SUBSET01/METADATA.XML"));
}
