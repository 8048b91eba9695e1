// tests/unit/dicom/instance_index_test.cpp — tests core/dicom/instance_index.cpp: what the
// packager writes into the manifest, the viewer reads back whole; damaged indexes are refused.
#include <doctest/doctest.h>

#include "core/dicom/instance_index.h"

using namespace ssmix::dicom;

namespace {

IndexedInstance ct_slice() {
    Instance x;
    x.sop_class_uid = "1.2.840.10008.5.1.4.1.1.2";
    x.sop_instance_uid = "2.25.1";
    x.study_uid = "2.25.2";
    x.series_uid = "2.25.3";
    x.transfer_syntax_uid = "1.2.840.10008.1.2.1";
    x.patient_id = "30214578";
    x.patient_name = "Miyamoto^Michiko=宮本^美智子=ミヤモト^ミチコ";
    x.study_date = "20260916";
    x.study_description = "胸部CT";
    x.modality = "CT";
    x.series_number = 1;
    x.instance_number = -3;   // negative instance numbers exist
    x.rows = 512;
    x.columns = 512;
    x.frames = 1;
    x.bits_allocated = 16;
    x.slice_location = -148.75;
    x.pixel_spacing_row = 0.7;
    x.pixel_spacing_column = 0.7;
    x.image_position = {-175.5, -190.25, -148.75};
    x.image_orientation = {1, 0, 0, 0, 1, 0};
    x.frame_of_reference_uid = "2.25.77";
    return {"DICOM/P0000001/ST000001/SE000001/IM000001", x};
}

// What the viewer needs of an entry came back as written.
void check_read_back(const IndexedInstance& read, const IndexedInstance& written) {
    const Instance &a = read.instance, &b = written.instance;
    CHECK(read.path == written.path);
    CHECK(a.sop_class_uid == b.sop_class_uid);
    CHECK(a.sop_instance_uid == b.sop_instance_uid);
    CHECK(a.study_uid == b.study_uid);
    CHECK(a.series_uid == b.series_uid);
    CHECK(a.transfer_syntax_uid == b.transfer_syntax_uid);
    CHECK(a.patient_name == b.patient_name);
    CHECK(a.study_description == b.study_description);
    CHECK(a.modality == b.modality);
    CHECK(a.instance_number == b.instance_number);
    CHECK(a.rows == b.rows);
    CHECK(a.frames == b.frames);
    CHECK(a.slice_location == b.slice_location);
    CHECK(a.pixel_spacing_column == b.pixel_spacing_column);
    CHECK(a.image_position == b.image_position);
    CHECK(a.image_orientation == b.image_orientation);
    CHECK(a.frame_of_reference_uid == b.frame_of_reference_uid);
}

}  // namespace

TEST_CASE("instance index: every field comes back as written") {
    const IndexedInstance written = ct_slice();
    IndexedInstance without_position = written;
    without_position.path = "DICOM/P0000001/ST000001/SE000001/IM000002";
    without_position.instance.sop_instance_uid = "2.25.4";
    without_position.instance.slice_location.reset();
    const auto parsed = parse_instance_index(instance_index_json({written, without_position}), "MANIFEST.JS");
    REQUIRE(parsed.value);
    REQUIRE(parsed.value->size() == 2);
    check_read_back(parsed.value->front(), written);
    const Instance& a = parsed.value->front().instance;
    CHECK(a.study_description == "胸部CT");
    CHECK(a.modality == "CT");
    CHECK(a.instance_number == -3);
    CHECK(a.rows == 512);
    CHECK(a.frames == 1);
    CHECK(a.slice_location == -148.75);
    CHECK(a.pixel_spacing_column == 0.7);
    CHECK(a.has_image());
    CHECK_FALSE(parsed.value->back().instance.slice_location);
    CHECK(a.image_position == std::vector<double>{-175.5, -190.25, -148.75});
    CHECK(a.image_orientation == std::vector<double>{1, 0, 0, 0, 1, 0});
    CHECK(a.frame_of_reference_uid == "2.25.77");
}

TEST_CASE("instance index: a position that is not a list of numbers is refused") {
    const auto parsed = parse_instance_index(
        R"([{"shared":{"series":"1.2"},"images":[{"path":"DICOM/A","sop":"1","position":[1,"x",3]}]}])", "M.JS");
    CHECK_FALSE(parsed.value);
}

TEST_CASE("instance index: a series' shared values are written once, and images keep their order and own values") {
    std::vector<IndexedInstance> written;
    for (int i = 0; i < 4; ++i) {
        IndexedInstance slice = ct_slice();
        slice.path = "DICOM/P0000001/ST000001/SE000001/IM00000" + std::to_string(i + 1);
        slice.instance.sop_instance_uid = "2.25.1" + std::to_string(i);
        slice.instance.instance_number = 4 - i;
        slice.instance.slice_location = -10.0 * i;
        slice.instance.image_position = {-175.5, -190.25, -10.0 * i};
        written.push_back(slice);
    }
    written[2].instance.series_uid = "2.25.9";   // another series in between: three runs, order kept
    written[3].instance.study_description = "胸部CT（再）";
    const std::string json = instance_index_json(written);
    CHECK(json.find("胸部CT") != std::string::npos);
    CHECK(json.find("\"shared\"") != std::string::npos);
    // Three runs (2.25.3 x 2, 2.25.9, 2.25.3): the name once per run, not once per image.
    std::size_t names = 0;
    for (auto at = json.find("Miyamoto"); at != std::string::npos; at = json.find("Miyamoto", at + 1)) ++names;
    CHECK(names == 3);
    const auto parsed = parse_instance_index(json, "MANIFEST.JS");
    REQUIRE(parsed.value);
    REQUIRE(parsed.value->size() == written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        CAPTURE(i);
        check_read_back((*parsed.value)[i], written[i]);
    }
}

TEST_CASE("instance index: an image's own value overrides its group's") {
    const auto parsed = parse_instance_index(
        R"([{"shared":{"series":"1.2","rows":512,"modality":"CT"},"images":[{"path":"DICOM/A","sop":"1"},{"path":"DICOM/B","sop":"2","rows":256}]}])",
        "M.JS");
    REQUIRE(parsed.value);
    CHECK(parsed.value->at(0).instance.rows == 512);
    CHECK(parsed.value->at(1).instance.rows == 256);
    CHECK(parsed.value->at(1).instance.modality == "CT");
}

TEST_CASE("instance index: damaged indexes are refused with the entry named") {
    const auto group = [](const std::string& images) { return R"([{"shared":{},"images":[)" + images + "]}]"; };
    CHECK(parse_instance_index("{}", "M.JS").diagnostics.at(0).code == "bundle.images");
    CHECK(parse_instance_index("not json", "M.JS").diagnostics.at(0).code == "bundle.images");
    CHECK_FALSE(parse_instance_index(R"([{"path":"DICOM/A","sop":"1"}])", "M.JS").value);   // not a group
    CHECK_FALSE(parse_instance_index(R"([{"shared":[],"images":[]}])", "M.JS").value);
    const auto no_uid = parse_instance_index(group(R"({"path":"DICOM/A","sop":"1"},{"path":"DICOM/B"})"), "M.JS");
    CHECK_FALSE(no_uid.value);
    CHECK(no_uid.diagnostics.at(0).place.where == "images[0].images[1]");
    CHECK_FALSE(parse_instance_index(group(R"({"path":"DICOM/A","sop":""})"), "M.JS").value);   // found by fuzz_bundle_manifest
    CHECK_FALSE(parse_instance_index(group(R"(7)"), "M.JS").value);
    const auto shared_text_number = parse_instance_index(R"([{"shared":{"rows":"512"},"images":[{"path":"DICOM/A","sop":"1"}]}])", "M.JS");
    CHECK_FALSE(shared_text_number.value);
    CHECK(shared_text_number.diagnostics.at(0).place.where == "images[0].shared");
    // A path is each image's own: one in the shared values gives no image a path.
    CHECK_FALSE(parse_instance_index(R"([{"shared":{"path":"DICOM/A"},"images":[{"sop":"1"}]}])", "M.JS").value);
    const auto negative_rows = parse_instance_index(group(R"({"path":"DICOM/A","sop":"1","rows":-5})"), "M.JS");
    CHECK_FALSE(negative_rows.value);
    const auto text_number = parse_instance_index(group(R"({"path":"DICOM/A","sop":"1","frames":"12"})"), "M.JS");
    CHECK_FALSE(text_number.value);
    CHECK(text_number.diagnostics.at(0).message.find("DICOM/A") != std::string::npos);
}
