// tests/tools/mpr_probe.cpp — `mpr-probe DIR PLANE X Y Z SLAB_MM OUT [BUDGET_BYTES] [--window C W]`:
// reads every file in DIR (one series) with core/dicom, builds the MPR volume and writes the
// plane (axial|coronal|sagittal) through voxel (X, Y, Z) as OUT.raw (the stored int16 values,
// little-endian, row-major, top row first) and OUT.json (sizes, spacing, the value mapping
// value = offset + step * stored, the slice order, the reference lines); with --window, also
// OUT.u8, the plane rendered to 8 bits. Exit 0 written, 1 refused or unreadable, 2 usage.
// tests/integration/mpr_oracle_test.py checks its output against pydicom + numpy.
#include <algorithm>
#include <bit>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dicom/dataset.h"
#include "core/dicom/reformat.h"
#include "core/dicom/slice_facts.h"
#include "core/dicom/volume.h"

namespace {

using namespace ssmix;
namespace fs = std::filesystem;

int usage() {
    std::cerr << "usage: mpr-probe DIR axial|coronal|sagittal X Y Z SLAB_MM OUT [BUDGET_BYTES] [--window CENTER WIDTH]\n";
    return 2;
}

int refused(const dicom::VolumeRefusal& refusal, const fs::path& out) {
    const auto text = dicom::refusal_text(refusal);
    nlohmann::json json{{"available", false}, {"problem", static_cast<int>(refusal.problem)}, {"slice", refusal.slice},
                        {"other", refusal.other}, {"found", refusal.found}, {"expected", refusal.expected},
                        {"reason_en", text.en}, {"reason_ja", text.ja}};
    std::ofstream(out.string() + ".json") << json.dump(2) << '\n';
    std::cerr << "mpr-probe: " << text.en << '\n';
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::optional<dicom::Window> window;
    if (auto it = std::find(args.begin(), args.end(), "--window"); it != args.end()) {
        if (args.end() - it < 3) return usage();
        window = dicom::Window{std::stod(*(it + 1)), std::stod(*(it + 2))};
        args.erase(it, it + 3);
    }
    if (args.size() != 7 && args.size() != 8) return usage();
    const std::string kind_name = args[1];
    const auto kind = kind_name == "axial" ? dicom::PlaneKind::axial
                      : kind_name == "coronal" ? dicom::PlaneKind::coronal
                      : kind_name == "sagittal" ? dicom::PlaneKind::sagittal : static_cast<dicom::PlaneKind>(-1);
    if (static_cast<int>(kind) < 0) return usage();
    const dicom::Voxel crosshair{static_cast<unsigned>(std::stoul(args[2])), static_cast<unsigned>(std::stoul(args[3])),
                                 static_cast<unsigned>(std::stoul(args[4]))};
    const double slab_mm = std::stod(args[5]);
    const fs::path out = args[6];
    const std::uint64_t budget = args.size() == 8 ? std::stoull(args[7]) : dicom::default_volume_budget;

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(args[0]))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<dicom::Dataset> datasets;
    std::vector<dicom::SliceFacts> facts;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        const Bytes bytes((std::istreambuf_iterator<char>(in)), {});
        auto dataset = dicom::read_dataset(bytes, file.string());
        if (!dataset.value) {
            std::cerr << "mpr-probe: " << file << " is not DICOM\n";
            return 1;
        }
        facts.push_back(dicom::slice_facts(*dataset.value));
        datasets.push_back(std::move(*dataset.value));
    }

    auto verdict = dicom::plan_volume(facts, budget);
    if (!verdict.plan) return refused(*verdict.refusal, out);
    auto made = dicom::allocate_volume(std::move(*verdict.plan));
    if (!made.volume) return refused(*made.refusal, out);
    dicom::Volume& volume = *made.volume;
    for (std::size_t i = 0; i < datasets.size(); ++i) {
        if (!volume.needs(i)) continue;
        dicom::FrameRenderer renderer(datasets[i]);
        const auto rendered = renderer.render(0, std::nullopt);
        const auto values = rendered.value ? renderer.modality_values() : std::nullopt;
        const auto problem = values ? volume.fill(i, *values) : dicom::VolumeRefusal{dicom::VolumeProblem::slice_unreadable, i, 0, 0, 0};
        if (problem) return refused(*problem, out);
    }

    const auto plane = dicom::reformat(volume, kind, crosshair, slab_mm);
    static_assert(std::endian::native == std::endian::little, "OUT.raw is written as the machine holds it");
    std::ofstream(out.string() + ".raw", std::ios::binary)
        .write(reinterpret_cast<const char*>(plane.stored.data()), static_cast<std::streamsize>(plane.stored.size() * 2));
    if (window) {
        const auto pixels = dicom::render_plane(plane, *window);
        std::ofstream(out.string() + ".u8", std::ios::binary).write(reinterpret_cast<const char*>(pixels.data()), static_cast<std::streamsize>(pixels.size()));
    }
    const auto& plan = volume.plan();
    const auto lines = dicom::reference_lines(volume, kind, crosshair);
    nlohmann::json order = nlohmann::json::array();
    for (const auto index : plan.order) order.push_back(files[index].filename().string());
    const nlohmann::json json{
        {"available", true},
        {"volume", {{"width", plan.width}, {"height", plan.height}, {"depth", plan.depth}, {"spacing_mm", plan.spacing_mm},
                    {"reduced_by", plan.reduced_by}, {"depth_reduced_by", plan.depth_reduced_by}, {"normal", plan.normal},
                    {"clamped_values", volume.clamped_values()}}},
        {"order", order},
        {"plane", {{"kind", kind_name}, {"width", plane.width}, {"height", plane.height}, {"spacing_mm", {plane.spacing.row, plane.spacing.column}},
                   {"offset", plane.mapping.offset}, {"step", plane.mapping.step}, {"lossy", plane.mapping.lossy},
                   {"slab_voxels", plane.slab_voxels}}},
        {"reference_lines", {{"row", lines.row}, {"column", lines.column}}},
    };
    std::ofstream(out.string() + ".json") << json.dump(2) << '\n';
    return 0;
}
