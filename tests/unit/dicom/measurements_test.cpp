// tests/unit/dicom/measurements_test.cpp — angles and region statistics against values worked
// out by hand from their definitions (measurements.h), and the modality values of a real CT
// slice against its stored values with Rescale Slope/Intercept applied here.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/dicom/dataset.h"
#include "core/dicom/image.h"
#include "core/dicom/measurements.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcxfer.h"

using namespace ssmix;

TEST_CASE("measurements: angles in degrees, the second point the vertex, bent by non-square pixels") {
    CHECK(*dicom::angle_degrees(10, 0, 0, 0, 0, 10, {}) == doctest::Approx(90));
    CHECK(*dicom::angle_degrees(10, 0, 0, 0, 10, 10, {}) == doctest::Approx(45));
    CHECK(*dicom::angle_degrees(-5, 0, 0, 0, 5, 0, {}) == doctest::Approx(180));
    // Rows 2 mm apart, columns 1 mm: the pixel diagonal (1, 1) is atan(2/1) from the x axis.
    CHECK(*dicom::angle_degrees(10, 0, 0, 0, 1, 1, {2, 1}) == doctest::Approx(std::atan2(2, 1) * 180 / M_PI));
    CHECK_FALSE(dicom::angle_degrees(0, 0, 0, 0, 5, 5, {}));
}

TEST_CASE("measurements: an ellipse counts the pixels whose centres lie inside it") {
    // A 5 x 5 frame valued 10 * row + column; a circle of radius 1 centred on pixel (2, 2)'s centre
    // covers that pixel and its four neighbours (their centres are 1 away; the corners 1.41).
    dicom::ModalityFrame frame{5, 5, {}};
    for (unsigned r = 0; r < 5; ++r)
        for (unsigned c = 0; c < 5; ++c) frame.values.push_back(10.0 * r + c);
    const auto stats = dicom::ellipse_stats(frame, 2.5, 2.5, 1, 1, {0.5, 0.5});
    REQUIRE(stats);
    CHECK(stats->pixels == 5);
    CHECK(stats->mean == doctest::Approx(22));   // 12, 21, 22, 23, 32
    CHECK(stats->min == 12);
    CHECK(stats->max == 32);
    CHECK(stats->sd == doctest::Approx(std::sqrt((100 + 1 + 0 + 1 + 100) / 5.0)));
    CHECK(stats->area_mm2 == doctest::Approx(M_PI * 0.25));
    // Clipped by the frame's edge; empty outside it; no radius, no region.
    CHECK(dicom::ellipse_stats(frame, 0, 0, 1.2, 1.2, {})->pixels == 1);
    CHECK_FALSE(dicom::ellipse_stats(frame, 50, 50, 2, 2, {}));
    CHECK_FALSE(dicom::ellipse_stats(frame, 2, 2, 0, 2, {}));
}

TEST_CASE("measurements: a CT slice's modality values are its stored values rescaled (HU)") {
    const std::filesystem::path dir(SSMIX_SAMPLE_DICOM_DIR);
    std::filesystem::path file;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        DcmFileFormat probe;
        OFString modality;
        if (entry.is_regular_file() && probe.loadFile(entry.path().c_str()).good() &&
            probe.getDataset()->findAndGetOFString(DCM_Modality, modality).good() && modality == "CT" &&
            probe.getDataset()->tagExists(DCM_RescaleIntercept) && !DcmXfer(probe.getDataset()->getOriginalXfer()).isEncapsulated()) {
            file = entry.path();
            break;
        }
    }
    REQUIRE_FALSE(file.empty());
    std::ifstream in(file, std::ios::binary);
    const Bytes bytes((std::istreambuf_iterator<char>(in)), {});
    auto dataset = dicom::read_dataset(bytes, file.string());
    REQUIRE(dataset.value);
    dicom::FrameRenderer renderer(*dataset.value);
    CHECK_FALSE(renderer.modality_values());   // nothing rendered yet
    REQUIRE(renderer.render(0, std::nullopt).value);
    const auto values = renderer.modality_values();
    REQUIRE(values);
    // The stored values straight from the element, rescaled here.
    DcmDataset& data = *dataset.value->dcmtk().getDataset();
    Float64 slope = 1, intercept = 0;
    data.findAndGetFloat64(DCM_RescaleSlope, slope);
    data.findAndGetFloat64(DCM_RescaleIntercept, intercept);
    const Uint16* stored = nullptr;
    REQUIRE(data.findAndGetUint16Array(DCM_PixelData, stored).good());
    Uint16 representation = 0;
    data.findAndGetUint16(DCM_PixelRepresentation, representation);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < values->values.size(); ++i) {
        const double raw = representation ? static_cast<double>(static_cast<Sint16>(stored[i])) : stored[i];
        differing += values->values[i] != raw * slope + intercept;
    }
    CHECK(values->width * values->height == values->values.size());
    CHECK(differing == 0);
}
