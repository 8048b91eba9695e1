// tests/unit/dicom/dicom_test.cpp — tests core/dicom (dataset.cpp, instance.cpp, image.cpp) on
// the generated sample studies: one uncompressed, one JPEG-LS, one JPEG baseline multi-frame.
#include <doctest/doctest.h>

#include <filesystem>
#include <array>
#include <fstream>
#include <optional>
#include <iterator>

#include "core/dicom/dataset.h"
#include "core/dicom/image.h"
#include "core/dicom/instance.h"

using namespace ssmix;

namespace {

Bytes load(const std::string& relative) {
    std::ifstream in(std::filesystem::path(SSMIX_SAMPLE_DICOM_DIR) / relative, std::ios::binary);
    REQUIRE(in);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

dicom::Dataset dataset(const std::string& relative) {
    auto parsed = dicom::read_dataset(load(relative), relative);
    REQUIRE(parsed.value);
    return std::move(*parsed.value);
}

}  // namespace

TEST_CASE("dicom: header of an uncompressed CT slice") {
    const auto d = dataset("CT/IM1");
    const auto instance = dicom::describe(d);
    REQUIRE(instance.value);
    const auto& i = *instance.value;
    CHECK(i.modality == "CT");
    CHECK(i.patient_id == "9999013");
    CHECK(i.patient_name == "Kanja^Taro=患者^太郎=カンジャ^タロウ");
    CHECK(i.transfer_syntax_uid == "1.2.840.10008.1.2.1");
    CHECK(i.rows == 256);
    CHECK(i.columns == 256);
    CHECK(i.frames == 1);
    CHECK(i.instance_number == 1);
    REQUIRE(i.slice_location);
    CHECK(*i.slice_location == doctest::Approx(-115));
    REQUIRE(i.pixel_spacing_row);
    CHECK(*i.pixel_spacing_row == doctest::Approx(1.5));
    REQUIRE(i.image_position.size() == 3);   // where the slice lies, to compare series by position
    CHECK(i.image_position[2] == doctest::Approx(-115));
    CHECK(i.image_orientation == std::vector<double>{1, 0, 0, 0, 1, 0});
    CHECK_FALSE(i.frame_of_reference_uid.empty());
}

TEST_CASE("dicom: the file's window is the default, an explicit window overrides it") {
    const auto d = dataset("CT/IM12");
    dicom::FrameRenderer renderer(d);
    auto first = renderer.render(0, std::nullopt);
    REQUIRE(first.value);
    REQUIRE(first.value->window);
    CHECK(first.value->window->center == doctest::Approx(40));
    CHECK(first.value->window->width == doctest::Approx(400));
    CHECK(first.value->channels == 1);
    CHECK(first.value->pixels.size() == 256u * 256u);

    auto lung = renderer.render(0, dicom::Window{-600, 1500});
    REQUIRE(lung.value);
    CHECK(lung.value->window->center == doctest::Approx(-600));
    CHECK(lung.value->pixels != first.value->pixels);   // lungs become visible
}

TEST_CASE("dicom: JPEG-LS lossless decodes to the same pixels as DCMTK's own rendering of the header") {
    const auto d = dataset("HEAD/IM4");
    const auto instance = dicom::describe(d);
    REQUIRE(instance.value);
    CHECK(instance.value->transfer_syntax_uid == "1.2.840.10008.1.2.4.80");
    dicom::FrameRenderer renderer(d);
    auto frame = renderer.render(0, dicom::Window{40, 80});
    REQUIRE(frame.value);
    unsigned black = 0, white = 0;
    for (auto p : frame.value->pixels) {
        black += p == 0;
        white += p == 255;
    }
    CHECK(black > 10000);   // air around the head
    CHECK(white > 1000);    // skull
}

TEST_CASE("dicom: every frame of the JPEG baseline clip decodes, and frames differ") {
    const auto d = dataset("VF/IM1");
    const auto instance = dicom::describe(d);
    REQUIRE(instance.value);
    CHECK(instance.value->frames == 12);
    CHECK(instance.value->transfer_syntax_uid == "1.2.840.10008.1.2.4.50");
    CHECK(instance.value->study_description == "嚥下造影検査");
    dicom::FrameRenderer renderer(d);
    auto first = renderer.render(0, std::nullopt);
    auto last = renderer.render(11, std::nullopt);
    REQUIRE(first.value);
    REQUIRE(last.value);
    CHECK(first.value->pixels != last.value->pixels);
    CHECK_FALSE(renderer.render(12, std::nullopt).value);   // past the last frame
}

TEST_CASE("dicom: a file that is not DICOM is a diagnostic naming the file") {
    const std::string text = "MSH|^~\\&|not a dicom file";
    auto parsed = dicom::read_dataset(as_bytes(text), "notes.txt");
    if (parsed.value) {
        // DCMTK may read bytes as a (nonsense) dataset; it then has no identity.
        auto instance = dicom::describe(*parsed.value);
        CHECK_FALSE(instance.value);
        CHECK(instance.diagnostics.at(0).place.file == "notes.txt");
    } else {
        CHECK(parsed.diagnostics.at(0).place.file == "notes.txt");
    }
    CHECK_FALSE(dicom::read_dataset({}, "empty.dcm").value);
}

TEST_CASE("dicom: truncated and corrupted compressed pixel data fail cleanly") {
    for (const char* name : {"HEAD/IM2", "VF/IM1"}) {
        Bytes bytes = load(name);
        SUBCASE("truncated") { bytes.resize(bytes.size() - bytes.size() / 3); }
        SUBCASE("corrupted") {
            for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 400; ++i) bytes[i] ^= 0x5A;
        }
        auto parsed = dicom::read_dataset(bytes, name);
        if (!parsed.value) continue;   // refused at read time: also clean
        dicom::FrameRenderer renderer(*parsed.value);
        auto frame = renderer.render(0, std::nullopt);
        if (!frame.value) CHECK(frame.diagnostics.at(0).place.file == name);   // no crash, a named problem
    }
}

namespace {

// Height, width and component count from a baseline JPEG's SOF0 segment; nullopt if none.
std::optional<std::array<unsigned, 3>> jpeg_frame_header(const Bytes& jpeg) {
    for (std::size_t at = 2; at + 9 < jpeg.size();) {
        if (jpeg[at] != 0xFF) return std::nullopt;
        const unsigned marker = jpeg[at + 1], length = (jpeg[at + 2] << 8) | jpeg[at + 3];
        if (marker == 0xC0)
            return std::array<unsigned, 3>{static_cast<unsigned>((jpeg[at + 5] << 8) | jpeg[at + 6]),
                                           static_cast<unsigned>((jpeg[at + 7] << 8) | jpeg[at + 8]), jpeg[at + 9]};
        at += 2 + length;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("dicom: a frame as a baseline JPEG (key images of the static page)") {
    const auto ct = dataset("CT/IM12");
    dicom::FrameRenderer ct_renderer(ct);
    auto jpeg = ct_renderer.jpeg(0);
    REQUIRE(jpeg.value);
    const Bytes& bytes = *jpeg.value;
    REQUIRE(bytes.size() > 1000);
    CHECK(bytes[0] == 0xFF);
    CHECK(bytes[1] == 0xD8);
    CHECK(bytes[bytes.size() - 2] == 0xFF);
    CHECK(bytes[bytes.size() - 1] == 0xD9);
    const auto header = jpeg_frame_header(bytes);
    REQUIRE(header);
    CHECK((*header)[0] == 256);
    CHECK((*header)[1] == 256);
    CHECK((*header)[2] == 1);   // grey

    const auto clip = dataset("VF/IM1");
    dicom::FrameRenderer clip_renderer(clip);
    auto middle = clip_renderer.jpeg(6);
    REQUIRE(middle.value);
    CHECK(*middle.value != *clip_renderer.jpeg(0).value);   // a different frame, a different picture
    CHECK_FALSE(clip_renderer.jpeg(12).value);               // only 12 frames
}
