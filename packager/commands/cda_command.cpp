// packager/commands/cda_command.cpp — `ssmix cda render FILE --format html|text`: a CDA document as a
// safe, self-contained HTML page (print-ready, A4) or as plain text. What the reader dropped
// from a document (scripts, event attributes, outside links) is listed on stderr.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "core/cda/render.h"
#include "packager/documents/cda_file.h"
#include "packager/commands/command.h"
#include "packager/support/console.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct RenderOptions {
    fs::path file, output;
    std::string format = "html";
};

int run_render(const RenderOptions& options) {
    const auto document = read_cda_file(options.file).document;
    print_diagnostics(document.diagnostics);
    if (!document.value) return exit_data_problem;
    const std::string out = options.format == "text" ? cda::render_text(*document.value) : cda::render_html_page(*document.value);
    if (options.output.empty()) {
        std::cout << out;
    } else {
        try {
            write_file_atomic(options.output, as_bytes(out));
        } catch (const std::exception& e) {
            std::cerr << "ssmix cda render: cannot write " << options.output.string() << ": " << e.what() << "\n";
            return exit_data_problem;
        }
    }
    return exit_ok;
}

}  // namespace

Command add_cda_command(CLI::App& app) {
    auto options = std::make_shared<RenderOptions>();
    CLI::App* cda = app.add_subcommand("cda", "Clinical documents (HL7 CDA R2)");
    cda->require_subcommand(1);
    CLI::App* render = cda->add_subcommand("render", "Show a CDA document as safe HTML (print-ready) or as plain text");
    render->add_option("file", options->file, "The CDA document (XML)")->required();
    render->add_option("--format", options->format, "html (default) or text")->check(CLI::IsMember({"html", "text"}));
    render->add_option("-o,--output", options->output, "Write to this file instead of standard output");
    return {render, [options] { return run_render(*options); }};
}

}  // namespace ssmix::packager
