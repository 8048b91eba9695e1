// packager/commands/cda_command.cpp — `ssmix cda render FILE --format html|text`: a CDA document as a
// safe, self-contained HTML page (print-ready, A4) or as plain text. What the reader dropped
// from a document (scripts, event attributes, outside links) is listed on stderr. A DICOM file
// ("DICM" at byte 128) is read as the report or document it carries: a Structured Report, an
// Encapsulated CDA, or an Encapsulated PDF (shown by its header; the PDF itself is not drawn).
#include <memory>

#include <CLI/CLI.hpp>

#include "core/dicom/dataset.h"
#include "core/dicom/dicom_document.h"
#include "packager/documents/cda_file.h"
#include "packager/documents/rendered_output.h"
#include "packager/commands/command.h"
#include "packager/support/console.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct RenderOptions {
    fs::path file, output;
    std::string format = "html";
};

bool is_dicom_file(const Bytes& bytes) {
    return bytes.size() >= 132 && std::string_view(reinterpret_cast<const char*>(bytes.data()) + 128, 4) == "DICM";
}

Parsed<cda::Document> read_any_document(const fs::path& path) {
    CdaFile file = read_cda_file(path);
    if (!is_dicom_file(file.bytes)) return std::move(file.document);
    auto dataset = dicom::read_dataset(file.bytes, path.string());
    if (!dataset.value) return {std::nullopt, std::move(dataset.diagnostics)};
    return dicom::read_dicom_document(*dataset.value);
}

int run_render(const RenderOptions& options) {
    const auto document = read_any_document(options.file);
    print_diagnostics(document.diagnostics);
    if (!document.value) return exit_data_problem;
    return write_rendered(*document.value, options.format, options.output, "ssmix cda render");
}

}  // namespace

Command add_cda_command(CLI::App& app) {
    auto options = std::make_shared<RenderOptions>();
    CLI::App* cda = app.add_subcommand("cda", "Clinical documents (HL7 CDA R2)");
    cda->require_subcommand(1);
    CLI::App* render = cda->add_subcommand("render", "Show a CDA document, or a DICOM report (SR, encapsulated CDA or PDF), as safe HTML (print-ready) or as plain text");
    render->add_option("file", options->file, "The CDA document (XML), or a DICOM SR / Encapsulated CDA / Encapsulated PDF file")->required();
    render->add_option("--format", options->format, "html (default) or text")->check(CLI::IsMember({"html", "text"}));
    render->add_option("-o,--output", options->output, "Write to this file instead of standard output");
    return {render, [options] { return run_render(*options); }};
}

}  // namespace ssmix::packager
