// packager/pack_command.cpp — `ssmix pack`: one patient's DICOM instances into a disc tree with
// INDEX.HTM, the viewer (VIEWER/VIEWER.JS) and its data bundle (VIEWER/DATA/).
#include <iostream>
#include <memory>
#include <set>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/bundle/bundle_writer.h"
#include "packager/command.h"
#include "packager/console.h"
#include "packager/dicom_input.h"
#include "packager/disc_layout.h"
#include "packager/disc_tree.h"
#include "core/base/durable_file.h"
#include "packager/viewer_resources.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct PackOptions {
    std::vector<fs::path> dicom;
    fs::path tree;
    fs::path viewer_dir;
    bool json = false;
};

int fail(const PackOptions& options, std::vector<Diagnostic> diagnostics, const std::string& message) {
    diagnostics.push_back(error({}, "pack.failed", message));
    if (options.json)
        std::cout << nlohmann::ordered_json{{"ok", false}, {"diagnostics", diagnostics_json(diagnostics)}}.dump(2) << '\n';
    else
        print_diagnostics(diagnostics);
    return exit_data_problem;
}

int run_pack(const PackOptions& options) {
    std::string problem;
    const auto viewer = find_viewer(options.viewer_dir, problem);
    if (!viewer) return fail(options, {}, problem);

    DicomInputs inputs = collect_dicom(options.dicom);
    std::vector<Diagnostic> diagnostics = std::move(inputs.diagnostics);
    if (inputs.instances.empty()) return fail(options, diagnostics, "no DICOM images found in the given paths");

    std::set<std::string> patients;
    for (const auto& input : inputs.instances) patients.insert(input.instance.patient_id);
    if (patients.size() > 1) {
        std::string list;
        for (const auto& id : patients) list += (list.empty() ? "" : ", ") + ("\"" + id + "\"");
        return fail(options, diagnostics, "the images belong to " + std::to_string(patients.size()) +
                                              " patients (" + list + "); a disc holds one patient");
    }

    std::vector<const dicom::Instance*> instances;
    for (const auto& input : inputs.instances) instances.push_back(&input.instance);
    const std::vector<std::string> disc_paths = assign_dicom_paths(instances);

    std::unique_ptr<DiscTreeWriter> tree;
    try {
        tree = std::make_unique<DiscTreeWriter>(options.tree);
        bundle::BundleWriter bundle([&](std::uint32_t chunk, const std::string& script) {
            tree->write("VIEWER/DATA/" + bundle::chunk_file_name(chunk), as_bytes(script));
        });
        Progress progress("Packing");
        for (std::size_t i = 0; i < inputs.instances.size(); ++i) {
            progress.update(i + 1, inputs.instances.size());
            const Bytes bytes = read_file(inputs.instances[i].source);
            tree->write(disc_paths[i], bytes);
            bundle.add(disc_paths[i], bytes);
        }
        const bundle::Manifest manifest = bundle.finish();
        tree->write("VIEWER/DATA/MANIFEST.JS", as_bytes(bundle::manifest_script(manifest)));
        tree->copy("VIEWER/VIEWER.JS", viewer->viewer_js);
        tree->copy("INDEX.HTM", viewer->index_htm);
        const std::uint64_t total = tree->bytes_written();
        tree->commit();

        const fs::path root = fs::absolute(options.tree).lexically_normal();
        std::set<std::string> studies, series;
        for (const auto* x : instances) {
            studies.insert(x->study_uid);
            series.insert(x->series_uid);
        }
        const std::size_t errors = count_errors(diagnostics);
        if (options.json) {
            std::cout << nlohmann::ordered_json{
                             {"ok", errors == 0},
                             {"tree", root.string()},
                             {"index", (root / "INDEX.HTM").string()},
                             {"patient", *patients.begin()},
                             {"dicom", {{"instances", instances.size()}, {"studies", studies.size()}, {"series", series.size()}}},
                             {"bundle", {{"files", manifest.files.size()}, {"chunks", manifest.chunk_sizes.size()}}},
                             {"bytes", total},
                             {"diagnostics", diagnostics_json(diagnostics)}}
                             .dump(2)
                      << '\n';
        } else {
            print_diagnostics(diagnostics);
            std::cout << "Disc tree written: " << root.string() << "\n"
                      << "  patient " << *patients.begin() << ": " << instances.size() << " DICOM instances in "
                      << studies.size() << " studies, " << series.size() << " series\n"
                      << "  viewer bundle: " << manifest.files.size() << " files in " << manifest.chunk_sizes.size()
                      << " chunk scripts; " << total / 1024 << " KiB on the disc\n"
                      << "Open in a browser: " << (root / "INDEX.HTM").string() << "\n";
        }
        return errors == 0 ? exit_ok : exit_data_problem;
    } catch (const std::exception& e) {
        return fail(options, diagnostics, e.what());
    }
}

}  // namespace

Command add_pack_command(CLI::App& app) {
    auto options = std::make_shared<PackOptions>();
    CLI::App* cli = app.add_subcommand("pack", "Write one patient's disc tree: DICOM images, INDEX.HTM and the viewer");
    cli->add_option("--dicom", options->dicom, "DICOM file or folder (searched recursively); repeat for more")->required();
    cli->add_option("--tree", options->tree, "Folder to write the disc tree into (replaced if it is an earlier ssmix tree)")
        ->required();
    cli->add_option("--viewer-dir", options->viewer_dir, "Folder holding VIEWER.JS and INDEX.HTM (default: next to ssmix)");
    cli->add_flag("--json", options->json, "Print the result as JSON");
    return {cli, [options] { return run_pack(*options); }};
}

}  // namespace ssmix::packager
