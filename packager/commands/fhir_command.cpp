// packager/commands/fhir_command.cpp — `ssmix fhir render FILE --format html|text`: a FHIR
// Bundle in JSON (a JP-CLINS referral or any document bundle; a collection without a
// Composition is shown as tables of its entries) drawn by the CDA renderers, so the page is as
// safe and self-contained as `ssmix cda render`'s. What the reader dropped or could not read is
// listed on stderr with the file and JSON path; any error makes the exit status 1.
#include <memory>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "core/fhir/bundle_reader.h"
#include "packager/commands/command.h"
#include "packager/documents/rendered_output.h"
#include "packager/support/console.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct FhirRenderOptions {
    fs::path file, output;
    std::string format = "html";
};

Parsed<fhir::ReadBundle> read_bundle_file(const fs::path& path) {
    Parsed<fhir::ReadBundle> out;
    try {
        // Refused before reading: a file larger than the reader takes is not loaded at all.
        if (fs::file_size(path) > fhir::max_bundle_bytes) {
            out.diagnostics.push_back(error({path.string(), 0, ""}, "fhir.too_large",
                                            "the file is larger than " + std::to_string(fhir::max_bundle_bytes) + " bytes; not read"));
            return out;
        }
        const Bytes bytes = read_file(path);
        return fhir::read_bundle(bytes, path.string());
    } catch (const std::exception& e) {
        out.diagnostics.push_back(error({path.string(), 0, ""}, "fhir.unreadable", std::string("cannot read the file: ") + e.what()));
        return out;
    }
}

int run_fhir_render(const FhirRenderOptions& options) {
    const auto bundle = read_bundle_file(options.file);
    print_diagnostics(bundle.diagnostics);
    if (!bundle.value) return exit_data_problem;
    const cda::Document document = bundle.value->document ? *bundle.value->document : fhir::entries_document(*bundle.value);
    if (const int written = write_rendered(document, options.format, options.output, "ssmix fhir render"); written != exit_ok) return written;
    return bundle.has_errors() ? exit_data_problem : exit_ok;
}

}  // namespace

Command add_fhir_command(CLI::App& app) {
    auto options = std::make_shared<FhirRenderOptions>();
    CLI::App* fhir = app.add_subcommand("fhir", "FHIR R4 bundles (JP-CLINS referrals, 6情報 collections)");
    fhir->require_subcommand(1);
    CLI::App* render = fhir->add_subcommand("render", "Show a FHIR Bundle (JSON) as safe HTML (print-ready) or as plain text");
    render->add_option("file", options->file, "The Bundle (JSON)")->required();
    render->add_option("--format", options->format, "html (default) or text")->check(CLI::IsMember({"html", "text"}));
    render->add_option("-o,--output", options->output, "Write to this file instead of standard output");
    return {render, [options] { return run_fhir_render(*options); }};
}

}  // namespace ssmix::packager
