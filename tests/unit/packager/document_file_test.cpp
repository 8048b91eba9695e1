// tests/unit/packager/document_file_test.cpp — tests packager/documents/document_file.cpp: a
// document for the disc told apart by its bytes (CDA XML or a FHIR document bundle), and the
// bundles that cannot go on a disc as a document refused with the file and place named.
#include <doctest/doctest.h>

#include <fstream>

#include "packager/documents/document_file.h"
#include "tests/unit/temp_dir.h"

using namespace ssmix;
using namespace ssmix::packager;

namespace {

std::filesystem::path write(const testing::TempDir& dir, const std::string& name, const std::string& text) {
    const auto path = dir.path / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

const std::string examples = std::string(SSMIX_TEST_DATA_DIR) + "/fhir/examples/";

bool has_code(const DocumentFile& file, const std::string& code) {
    for (const auto& d : file.document.diagnostics)
        if (d.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("document file: a bundle of type collection has no letter and is refused") {
    const auto file = read_document_file(examples + "Bundle-Bundle-CLINS-Observations-Example-01.json");
    CHECK(file.format == DocumentFormat::fhir);
    CHECK_FALSE(file.document.value);
    REQUIRE(has_code(file, "pack.fhir.no_composition"));
    CHECK(file.document.diagnostics.back().place.file == examples + "Bundle-Bundle-CLINS-Observations-Example-01.json");
    CHECK(file.document.diagnostics.back().place.where == "Bundle.entry");
}

TEST_CASE("document file: a bundle with a part of the wrong type is refused, the JSON path named") {
    testing::TempDir dir;
    const auto path = write(dir, "letter.json",
                            R"({"resourceType": "Bundle", "type": "document", "entry": [{"resource": {"resourceType": "Composition",
                                "title": "診療情報提供書", "section": [42]}}]})");
    const auto file = read_document_file(path);
    CHECK(file.format == DocumentFormat::fhir);
    CHECK_FALSE(file.document.value);
    bool named = false;
    for (const auto& d : file.document.diagnostics) named |= d.place.file == path.string() && d.place.where.find("section[0]") != std::string::npos;
    CHECK(named);
}

TEST_CASE("document file: a file that cannot be read is an error naming it") {
    const auto file = read_document_file("/nonexistent/letter.json");
    CHECK_FALSE(file.document.value);
    REQUIRE(has_code(file, "cda.file.unreadable"));
}

TEST_CASE("document file: the IG's eReferral is a FHIR letter with its patient") {
    const auto file = read_document_file(examples + "Bundle-Bundle-CLINS-Referral-Example-01.json");
    REQUIRE(file.document.value);
    CHECK(file.format == DocumentFormat::fhir);
    CHECK(file.document.value->title == "診療情報提供書");
    bool patient = false;
    for (const auto& id : file.document.value->patient.ids) patient |= id.extension == "000999739";
    CHECK(patient);
    CHECK(std::string(disc_extension(file.format)) == "JSN");
    CHECK(std::string(mime_type(file.format)) == "application/fhir+json");
}

TEST_CASE("document file: CDA stays CDA") {
    const auto file = read_document_file(std::string(SSMIX_TEST_DATA_DIR) + "/cda/jp-referral-valid.xml");
    REQUIRE(file.document.value);
    CHECK(file.format == DocumentFormat::cda);
    CHECK(file.patient_place == "/ClinicalDocument/recordTarget/patientRole/id");
    CHECK(std::string(mime_type(file.format)) == "text/xml");
}
