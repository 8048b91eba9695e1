// tests/unit/dicom/volume_test.cpp — MPR: planning a volume from slice facts (each refusal and
// its numbers), fitting the memory budget, the 16-bit value mapping, and planes reformatted from
// an analytic volume whose every voxel is known from a formula here (value = 100 x + 10 y + k,
// k the slice's index in the facts), so the expected planes never come from the code under test.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/dicom/dataset.h"
#include "core/dicom/reformat.h"
#include "core/dicom/volume.h"
#include "core/dicom/volume_geometry.h"
#include "core/dicom/window.h"

using namespace ssmix;
using dicom::PlaneKind;
using dicom::VolumeProblem;

namespace {

constexpr std::array<double, 6> axial_orientation{1, 0, 0, 0, 1, 0};

// `count` slices of columns x rows, the slice with facts index i at z = z0 + dz * i.
std::vector<dicom::SliceFacts> stack(std::size_t count, double z0, double dz, unsigned columns = 5, unsigned rows = 4,
                                     std::array<double, 6> orientation = axial_orientation) {
    std::vector<dicom::SliceFacts> facts(count);
    for (std::size_t i = 0; i < count; ++i) {
        facts[i].position = std::array<double, 3>{-10, -20, z0 + dz * static_cast<double>(i)};
        facts[i].orientation = orientation;
        facts[i].pixel_spacing = std::array<double, 2>{0.8, 0.5};   // rows 0.8 mm apart, columns 0.5 mm
        facts[i].rows = rows, facts[i].columns = columns;
        facts[i].pixel_signed = true;
    }
    return facts;
}

dicom::VolumeRefusal refusal_of(const std::vector<dicom::SliceFacts>& facts) {
    const auto verdict = dicom::plan_volume(facts);
    REQUIRE_FALSE(verdict.plan);
    REQUIRE(verdict.refusal);
    return *verdict.refusal;
}

double analytic(unsigned x, unsigned y, std::size_t k) { return 100.0 * x + 10.0 * y + static_cast<double>(k); }

// The volume of `facts` filled with the analytic values.
std::unique_ptr<dicom::Volume> analytic_volume(const std::vector<dicom::SliceFacts>& facts) {
    const auto verdict = dicom::plan_volume(facts);
    REQUIRE(verdict.plan);
    auto made = dicom::allocate_volume(*verdict.plan);
    REQUIRE(made.volume);
    for (std::size_t k = 0; k < facts.size(); ++k) {
        dicom::ModalityFrame frame{facts[k].columns, facts[k].rows, {}};
        for (unsigned y = 0; y < frame.height; ++y)
            for (unsigned x = 0; x < frame.width; ++x) frame.values.push_back(analytic(x, y, k));
        REQUIRE_FALSE(made.volume->fill(k, frame));
    }
    CHECK(made.volume->complete());
    return std::move(made.volume);
}

}  // namespace

TEST_CASE("volume: slices given head to feet are planned in order along the normal") {
    auto facts = stack(6, 10, -2);   // facts index 0 at z 10, index 5 at z 0: descending
    const auto verdict = dicom::plan_volume(facts);
    REQUIRE(verdict.plan);
    const auto& plan = *verdict.plan;
    CHECK(plan.order == std::vector<std::size_t>{5, 4, 3, 2, 1, 0});
    CHECK(plan.slice_spacing_mm == doctest::Approx(2));
    CHECK(plan.spacing_mm == std::array<double, 3>{0.5, 0.8, 2});
    CHECK(plan.normal == std::array<double, 3>{0, 0, 1});
    CHECK(plan.width == 5);
    CHECK(plan.height == 4);
    CHECK(plan.depth == 6);
    CHECK(plan.reduced_by == 1);
    // Voxel (1, 2, 3): column 1, row 2 of the fourth slice from the feet (z 6).
    const auto p = dicom::patient_position(plan, 1, 2, 3);
    CHECK(p[0] == doctest::Approx(-10 + 0.5));
    CHECK(p[1] == doctest::Approx(-20 + 1.6));
    CHECK(p[2] == doctest::Approx(6));
}

TEST_CASE("volume: too few slices, missing geometry and mixed matrices are refused with their numbers") {
    auto r = refusal_of(stack(2, 0, 1));
    CHECK(r.problem == VolumeProblem::too_few_slices);
    CHECK(r.found == 2);
    CHECK(r.expected == 3);

    auto facts = stack(4, 0, 1);
    facts[2].orientation.reset();
    r = refusal_of(facts);
    CHECK(r.problem == VolumeProblem::missing_geometry);
    CHECK(r.slice == 2);

    facts = stack(4, 0, 1);
    facts[3].rows = 8;
    r = refusal_of(facts);
    CHECK(r.problem == VolumeProblem::rows_differ);
    CHECK(r.slice == 3);
    CHECK(r.found == 8);
    CHECK(r.expected == 4);

    facts = stack(4, 0, 1);
    facts[1].columns = 6;
    CHECK(refusal_of(facts).problem == VolumeProblem::columns_differ);

    facts = stack(4, 0, 1);
    facts[1].pixel_spacing = std::array<double, 2>{0.8, 0.6};
    r = refusal_of(facts);
    CHECK(r.problem == VolumeProblem::pixel_spacing_differs);
    CHECK(r.found == 0.6);
    CHECK(r.expected == 0.5);
    facts[1].pixel_spacing = std::array<double, 2>{0.8, 0.5004};   // within 0.1%
    CHECK(dicom::plan_volume(facts).plan);
}

TEST_CASE("volume: a slice turned out of parallel, or a broken orientation, is refused") {
    auto facts = stack(5, 0, 1);
    const double a = 1.0 * M_PI / 180;   // one degree about the row direction
    facts[3].orientation = std::array<double, 6>{1, 0, 0, 0, std::cos(a), std::sin(a)};
    auto r = refusal_of(facts);
    CHECK(r.problem == VolumeProblem::orientation_differs);
    CHECK(r.slice == 3);
    CHECK(r.found == doctest::Approx(1.0));
    // 0.05 degrees is rounding, not a turn.
    const double small = 0.05 * M_PI / 180;
    facts[3].orientation = std::array<double, 6>{1, 0, 0, 0, std::cos(small), std::sin(small)};
    CHECK(dicom::plan_volume(facts).plan);

    facts[3].orientation = std::array<double, 6>{1, 0, 0, 1, 0, 0};   // both directions the same
    CHECK(refusal_of(facts).problem == VolumeProblem::orientation_invalid);
}

TEST_CASE("volume: a gantry tilt (positions sliding off the normal) is refused with its angle") {
    auto facts = stack(5, 0, 2);
    // 15 degrees: each slice 2 mm up the normal slides 2 tan(15°) mm along y.
    for (std::size_t i = 0; i < facts.size(); ++i) (*facts[i].position)[1] += 2 * std::tan(15 * M_PI / 180) * static_cast<double>(i);
    const auto r = refusal_of(facts);
    CHECK(r.problem == VolumeProblem::tilted_stack);
    CHECK(r.found == doctest::Approx(15));
    // Drift within rounding (0.01 mm) is accepted.
    facts = stack(5, 0, 2);
    (*facts[2].position)[0] += 0.01;
    CHECK(dicom::plan_volume(facts).plan);
}

TEST_CASE("volume: a missing slice (uneven gap) and repeated positions are refused, rounding is not") {
    auto facts = stack(8, 0, 1.25);
    facts.erase(facts.begin() + 4);   // the gap between the old slices 3 and 5 is 2.5 mm
    auto r = refusal_of(facts);
    CHECK(r.problem == VolumeProblem::uneven_spacing);
    CHECK(r.other == 3);
    CHECK(r.slice == 4);
    CHECK(r.found == doctest::Approx(2.5));
    CHECK(r.expected == doctest::Approx(1.25));

    facts = stack(8, 0, 1.25);
    (*facts[4].position)[2] += 0.04;   // 3% of a gap
    CHECK(refusal_of(facts).problem == VolumeProblem::uneven_spacing);
    (*facts[4].position)[2] -= 0.03;   // 0.01 mm: DS rounding
    CHECK(dicom::plan_volume(facts).plan);

    facts = stack(5, 0, 1);
    facts[3].position = facts[1].position;
    r = refusal_of(facts);
    CHECK(r.problem == VolumeProblem::positions_coincide);
    CHECK(((r.slice == 3 && r.other == 1) || (r.slice == 1 && r.other == 3)));
}

TEST_CASE("volume: over the budget the in-plane resolution is halved, then depth thinned") {
    const auto facts = stack(10, 0, 1, 256, 256);   // 256 x 256 x 10 x 2 bytes = 1,310,720
    CHECK(dicom::plan_volume(facts, 1'310'720).plan->reduced_by == 1);
    auto plan = *dicom::plan_volume(facts, 400'000).plan;   // 128 x 128 x 10 x 2 = 327,680
    CHECK(plan.reduced_by == 2);
    CHECK(plan.width == 128);
    CHECK(plan.spacing_mm[0] == doctest::Approx(1.0));
    CHECK(plan.spacing_mm[1] == doctest::Approx(1.6));
    plan = *dicom::plan_volume(facts, 100'000).plan;        // 64 x 64 x 10 x 2 = 81,920
    CHECK(plan.reduced_by == 4);
    CHECK(plan.height == 64);
    CHECK(plan.depth_reduced_by == 1);
    plan = *dicom::plan_volume(facts, 50'000).plan;         // in-plane stops at 64: 64 x 64 x 5 x 2
    CHECK(plan.reduced_by == 4);
    CHECK(plan.depth_reduced_by == 2);
    CHECK(plan.depth == 5);
    CHECK(plan.spacing_mm[2] == doctest::Approx(2));
    const auto r = *dicom::plan_volume(facts, 1000).refusal;
    CHECK(r.problem == VolumeProblem::too_large);
    CHECK(r.expected == 1000);
}

TEST_CASE("volume: values are held exactly in 16 bits for CT in HU and MR up to 65535") {
    auto facts = stack(3, 0, 1);
    auto mapping = dicom::plan_volume(facts).plan->mapping;   // signed 16 bits, no rescale
    CHECK(mapping.offset == 0);
    CHECK(mapping.step == 1);
    for (auto& f : facts) f.bits_stored = 12, f.pixel_signed = false, f.rescale_intercept = -1024;   // typical CT
    mapping = dicom::plan_volume(facts).plan->mapping;
    CHECK(mapping.offset == 0);
    CHECK(mapping.stored(-1024) == -1024);
    CHECK(mapping.stored(3071) == 3071);
    for (auto& f : facts) f.bits_stored = 16, f.rescale_intercept = 0;   // MR, unsigned 16 bits
    mapping = dicom::plan_volume(facts).plan->mapping;
    CHECK_FALSE(mapping.lossy);
    CHECK(mapping.value(mapping.stored(0)) == 0);
    CHECK(mapping.value(mapping.stored(65535)) == 65535);
    CHECK(mapping.value(mapping.stored(40000)) == 40000);
    for (auto& f : facts) f.bits_stored = 32;   // wider than 16 bits: a coarser grid, said so
    mapping = dicom::plan_volume(facts).plan->mapping;
    CHECK(mapping.lossy);
    CHECK(std::abs(mapping.value(mapping.stored(123456789)) - 123456789) <= mapping.step / 2);
}

TEST_CASE("volume: the axial, coronal and sagittal planes of a head-to-feet series, head at the top") {
    // Facts index k at z = 10 - 2k: k = 0 is nearest the head, and must be the top row.
    const auto volume = analytic_volume(stack(6, 10, -2));
    const dicom::Voxel crosshair{3, 1, 2};   // volume z 2 is the slice at z 4: facts index 3

    const auto axial = dicom::reformat(*volume, PlaneKind::axial, crosshair);
    CHECK(axial.width == 5);
    CHECK(axial.height == 4);
    CHECK(axial.spacing.row == 0.8);
    CHECK(axial.spacing.column == 0.5);
    for (unsigned r = 0; r < 4; ++r)
        for (unsigned c = 0; c < 5; ++c) CHECK(axial.value(c, r) == analytic(c, r, 3));

    const auto coronal = dicom::reformat(*volume, PlaneKind::coronal, crosshair);
    CHECK(coronal.width == 5);
    CHECK(coronal.height == 6);
    CHECK(coronal.spacing.row == doctest::Approx(2));
    CHECK(coronal.spacing.column == 0.5);
    for (unsigned r = 0; r < 6; ++r)
        for (unsigned c = 0; c < 5; ++c) CHECK(coronal.value(c, r) == analytic(c, 1, r));

    const auto sagittal = dicom::reformat(*volume, PlaneKind::sagittal, crosshair);
    CHECK(sagittal.width == 4);
    CHECK(sagittal.height == 6);
    CHECK(sagittal.spacing.row == doctest::Approx(2));
    CHECK(sagittal.spacing.column == 0.8);
    for (unsigned r = 0; r < 6; ++r)
        for (unsigned c = 0; c < 4; ++c) CHECK(sagittal.value(c, r) == analytic(3, c, r));
}

TEST_CASE("volume: head at the top follows the normal, not the order of the series") {
    // Rows running to the patient's right: the normal points to the feet, so volume z 0 is the
    // head. The facts ascend in z (k = 5 nearest the head), so the top row is k = 5.
    const auto volume = analytic_volume(stack(6, 0, 2, 5, 4, {-1, 0, 0, 0, 1, 0}));
    CHECK(volume->plan().normal[2] == -1);
    const auto coronal = dicom::reformat(*volume, PlaneKind::coronal, {0, 2, 0});
    for (unsigned r = 0; r < 6; ++r)
        for (unsigned c = 0; c < 5; ++c) CHECK(coronal.value(c, r) == analytic(c, 2, 5 - r));
}

TEST_CASE("volume: a thick slab is the maximum over the planes within half its thickness") {
    const auto volume = analytic_volume(stack(6, 10, -2));
    // Coronal at row 1, rows 0.8 mm apart: 1.6 mm reaches rows 0..2; 1.5 mm and 0.5 mm only row 1.
    auto slab = dicom::reformat(*volume, PlaneKind::coronal, {0, 1, 0}, 1.6);
    CHECK(slab.slab_voxels == 3);
    for (unsigned r = 0; r < 6; ++r)
        for (unsigned c = 0; c < 5; ++c) CHECK(slab.value(c, r) == analytic(c, 2, r));
    CHECK(dicom::reformat(*volume, PlaneKind::coronal, {0, 1, 0}, 1.5).slab_voxels == 1);
    CHECK(dicom::reformat(*volume, PlaneKind::coronal, {0, 1, 0}, 0.5).value(4, 5) == analytic(4, 1, 5));
    // Axial at volume z 2 (facts index 3), slices 2 mm apart: 4 mm takes facts 2..4, the max is
    // at facts index 4; clipped at the volume's face, 100 mm takes every slice.
    slab = dicom::reformat(*volume, PlaneKind::axial, {0, 0, 2}, 4);
    CHECK(slab.slab_voxels == 3);
    CHECK(slab.value(2, 3) == analytic(2, 3, 4));
    CHECK(dicom::reformat(*volume, PlaneKind::axial, {0, 0, 2}, 100).slab_voxels == 6);
    // Sagittal at column 1, columns 0.5 mm apart: 1 mm takes columns 0..2.
    slab = dicom::reformat(*volume, PlaneKind::sagittal, {1, 0, 0}, 1);
    CHECK(slab.value(3, 0) == analytic(2, 3, 0));
}

TEST_CASE("volume: reference lines and crosshair navigation between the planes") {
    const auto volume = analytic_volume(stack(6, 10, -2));
    const dicom::Voxel crosshair{3, 1, 2};   // volume z 2 is the top row 3 (six slices, head first)
    auto lines = dicom::reference_lines(*volume, PlaneKind::axial, crosshair);
    CHECK(lines.across == PlaneKind::coronal);
    CHECK(lines.row == 1);
    CHECK(lines.down == PlaneKind::sagittal);
    CHECK(lines.column == 3);
    lines = dicom::reference_lines(*volume, PlaneKind::coronal, crosshair);
    CHECK(lines.across == PlaneKind::axial);
    CHECK(lines.row == 3);
    CHECK(lines.column == 3);
    lines = dicom::reference_lines(*volume, PlaneKind::sagittal, crosshair);
    CHECK(lines.row == 3);
    CHECK(lines.down == PlaneKind::coronal);
    CHECK(lines.column == 1);
    // Clicking row 0 of the coronal plane goes to the head-most slice, volume z 5.
    const auto moved = dicom::crosshair_at(*volume, PlaneKind::coronal, crosshair, 4, 0);
    CHECK(moved.x == 4);
    CHECK(moved.y == 1);
    CHECK(moved.z == 5);
    const auto outside = dicom::crosshair_at(*volume, PlaneKind::sagittal, crosshair, 99, 99);
    CHECK(outside.y == 3);
    CHECK(outside.z == 0);
}

TEST_CASE("volume: a reduced volume holds the mean of each block, rounded half up") {
    auto facts = stack(3, 0, 1, 128, 128);
    const auto plan = *dicom::plan_volume(facts, 3 * 64 * 64 * 2).plan;
    REQUIRE(plan.reduced_by == 2);
    auto made = dicom::allocate_volume(plan);
    REQUIRE(made.volume);
    dicom::ModalityFrame frame{128, 128, std::vector<double>(128 * 128, 0)};
    const auto set = [&](unsigned x, unsigned y, double v) { frame.values[std::size_t{y} * 128 + x] = v; };
    set(0, 0, 1);                              // block (0, 0): mean 0.25 -> 0
    set(2, 0, 1), set(3, 1, 1);                // block (1, 0): mean 0.5 -> 1
    set(4, 0, -1), set(5, 0, -1);              // block (2, 0): mean -0.5 -> 0 (half up)
    set(6, 0, 7), set(7, 0, 8), set(6, 1, 9), set(7, 1, 10);   // block (3, 0): 8.5 -> 9
    REQUIRE_FALSE(made.volume->fill(1, frame));
    CHECK(made.volume->stored(0, 0, 1) == 0);
    CHECK(made.volume->stored(1, 0, 1) == 1);
    CHECK(made.volume->stored(2, 0, 1) == 0);
    CHECK(made.volume->stored(3, 0, 1) == 9);
    CHECK(made.volume->filled_slices() == 1);
    CHECK_FALSE(made.volume->complete());
    // A frame of another size is refused, not read past its end.
    const auto r = made.volume->fill(2, dicom::ModalityFrame{64, 64, std::vector<double>(64 * 64, 0)});
    REQUIRE(r);
    CHECK(r->problem == VolumeProblem::slice_unreadable);
    CHECK(r->slice == 2);
    // A value beyond the declared range is clamped and counted.
    set(0, 0, 1e6), set(1, 0, 1e6), set(0, 1, 1e6), set(1, 1, 1e6);
    REQUIRE_FALSE(made.volume->fill(0, frame));
    CHECK(made.volume->stored(0, 0, 0) == 32767);
    CHECK(made.volume->clamped_values() == 1);
}

TEST_CASE("volume: thinned depth keeps the middle slice of each block and needs no other") {
    auto facts = stack(6, 0, 1, 64, 64);
    const auto plan = *dicom::plan_volume(facts, 3 * 64 * 64 * 2).plan;
    REQUIRE(plan.depth_reduced_by == 2);
    auto made = dicom::allocate_volume(plan);
    REQUIRE(made.volume);
    // Blocks {0, 1}, {2, 3}, {4, 5} in order along the normal keep slices 1, 3, 5.
    CHECK_FALSE(made.volume->needs(0));
    CHECK(made.volume->needs(1));
    CHECK(made.volume->needs(5));
    CHECK(made.volume->fill(0, dicom::ModalityFrame{64, 64, std::vector<double>(64 * 64, 0)}));
}

TEST_CASE("volume: the window maps values as PS3.3 C.11.2.1.2.1 says, and planes render through it") {
    // ((x - (c - 0.5)) / (w - 1) + 0.5) * 255, truncated; 0 at or below c - 0.5 - (w - 1) / 2,
    // 255 above c - 0.5 + (w - 1) / 2.
    const dicom::Window w{40, 400};
    const auto expected = [](double x) { return static_cast<int>(((x - 39.5) / 399 + 0.5) * 255); };
    CHECK(dicom::window_value(-160, w) == 0);
    CHECK(dicom::window_value(-1000, w) == 0);
    CHECK(dicom::window_value(-159, w) == expected(-159));
    CHECK(dicom::window_value(39.5, w) == 127);
    CHECK(dicom::window_value(100, w) == expected(100));
    CHECK(dicom::window_value(100, w) == 166);
    CHECK(dicom::window_value(239, w) == 255);
    CHECK(dicom::window_value(3000, w) == 255);
    CHECK(dicom::window_value(-0.5, {0, 1}) == 0);   // width 1: a threshold at c - 0.5
    CHECK(dicom::window_value(0, {0, 1}) == 255);

    const auto volume = analytic_volume(stack(6, 10, -2));
    const auto plane = dicom::reformat(*volume, PlaneKind::sagittal, {3, 0, 0});
    const auto pixels = dicom::render_plane(plane, {350, 200});   // 250..449.5 spans the values 300..335
    REQUIRE(pixels.size() == 24);
    CHECK(pixels[0] == static_cast<int>(((analytic(3, 0, 0) - 349.5) / 199 + 0.5) * 255));
    CHECK(pixels[2 * 4 + 3] == static_cast<int>(((analytic(3, 3, 2) - 349.5) / 199 + 0.5) * 255));
}

TEST_CASE("volume: a CT slice windowed here matches DCMTK's rendering of it bit for bit") {
    const std::filesystem::path file = std::filesystem::path(SSMIX_SAMPLE_DICOM_DIR) / "CT" / "IM5";
    std::ifstream in(file, std::ios::binary);
    const Bytes bytes((std::istreambuf_iterator<char>(in)), {});
    auto dataset = dicom::read_dataset(bytes, file.string());
    REQUIRE(dataset.value);
    dicom::FrameRenderer renderer(*dataset.value);
    for (const dicom::Window window : {dicom::Window{40, 400}, dicom::Window{-600, 1500}, dicom::Window{35.3, 80.7}}) {
        const auto rendered = renderer.render(0, window);
        REQUIRE(rendered.value);
        const auto values = renderer.modality_values();
        REQUIRE(values);
        std::size_t differing = 0;
        for (std::size_t i = 0; i < values->values.size(); ++i) differing += dicom::window_value(values->values[i], window) != rendered.value->pixels[i];
        CHECK(differing == 0);
    }
}

TEST_CASE("volume: every refusal has a Japanese and an English sentence with its numbers") {
    for (int p = 0; p <= static_cast<int>(VolumeProblem::out_of_memory); ++p) {
        const auto text = dicom::refusal_text({static_cast<VolumeProblem>(p), 3, 2, 2.5, 1.25});
        CHECK_FALSE(text.ja.empty());
        CHECK_FALSE(text.en.empty());
        CHECK(text.ja != text.en);
    }
    const auto gap = dicom::refusal_text({VolumeProblem::uneven_spacing, 4, 3, 2.5, 1.25});
    CHECK(gap.ja == "4 枚目と 5 枚目の間隔が 2.50 mm で、他の 1.25 mm と異なります（欠けたスライスまたは不等間隔）。");
    CHECK(gap.en == "The gap between slices 4 and 5 is 2.50 mm, the others 1.25 mm (a missing slice, or uneven spacing).");
}
