// tests/unit/dicom/tag_list_test.cpp — tests core/dicom/tag_list.cpp on the sample CT slice and
// on a data set with a sequence and a long value made here with DCMTK.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/dicom/tag_list.h"
#include "tests/unit/temp_dir.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcitem.h"

using namespace ssmix;

namespace {

const dicom::TagRow* find(const std::vector<dicom::TagRow>& rows, const std::string& tag) {
    for (const auto& row : rows)
        if (row.tag == tag) return &row;
    return nullptr;
}

dicom::Dataset sample_ct() {
    std::ifstream in(std::filesystem::path(SSMIX_SAMPLE_DICOM_DIR) / "CT/IM1", std::ios::binary);
    REQUIRE(in);
    auto parsed = dicom::read_dataset(Bytes(std::istreambuf_iterator<char>(in), {}), "CT/IM1");
    REQUIRE(parsed.value);
    return std::move(*parsed.value);
}

}  // namespace

TEST_CASE("tag list: meta information and data set, names, VRs, decoded values") {
    const auto rows = dicom::tag_rows(sample_ct());
    REQUIRE(!rows.empty());
    CHECK(rows.front().tag.rfind("(0002,", 0) == 0);   // file meta information first
    const auto* name = find(rows, "(0010,0010)");
    REQUIRE(name);
    CHECK(name->name == "PatientName");
    CHECK(name->vr == "PN");
    CHECK(name->value == "Kanja^Taro=患者^太郎=カンジャ^タロウ");
    const auto* modality = find(rows, "(0008,0060)");
    REQUIRE(modality);
    CHECK(modality->value == "CT");
    const auto* pixels = find(rows, "(7FE0,0010)");
    REQUIRE(pixels);
    CHECK(pixels->value == "(131072 bytes)");   // 256 x 256 x 2
}

TEST_CASE("tag list: sequences indent their items, long values are cut at a character") {
    DcmFileFormat file;
    DcmDataset& data = *file.getDataset();
    data.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    DcmItem* item = nullptr;
    REQUIRE(data.findOrCreateSequenceItem(DCM_ReferencedStudySequence, item, -2).good());
    item->putAndInsertString(DCM_ReferencedSOPInstanceUID, "1.2.3");
    std::string long_text;
    for (int i = 0; i < 200; ++i) long_text += "診";   // 600 bytes of UTF-8
    data.putAndInsertString(DCM_StudyDescription, long_text.c_str());
    // Through a file's bytes, as the viewer gets them.
    testing::TempDir dir;
    const std::string path = (dir.path / "made.dcm").string();
    REQUIRE(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
    std::ifstream in(path, std::ios::binary);
    const Bytes bytes(std::istreambuf_iterator<char>(in), {});
    auto parsed = dicom::read_dataset(bytes, "made");
    REQUIRE(parsed.value);

    const auto rows = dicom::tag_rows(*parsed.value);
    const auto* sequence = find(rows, "(0008,1110)");
    REQUIRE(sequence);
    CHECK(sequence->vr == "SQ");
    CHECK(sequence->value == "1 item(s)");
    const auto* inside = find(rows, "(0008,1155)");
    REQUIRE(inside);
    CHECK(inside->depth == 1);
    CHECK(inside->value == "1.2.3");
    const auto* description = find(rows, "(0008,1030)");
    REQUIRE(description);
    CHECK(description->value.size() <= dicom::max_value_chars + std::string("…").size());
    CHECK(description->value.size() % 3 == 0);   // whole characters only (each 3 bytes, and … too)
    CHECK(description->value.rfind("…") == description->value.size() - 3);
}
