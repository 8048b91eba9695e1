// packager/commands/referral_command.cpp — `ssmix referral`: the referral letter (診療情報提供書) as CDA
// R2, from the doctor's letter file and the patient's record in the storage.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/cda/referral.h"
#include "packager/commands/command.h"
#include "packager/support/console.h"
#include "packager/documents/document_output.h"
#include "packager/documents/letter_file.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct ReferralOptions {
    DocumentRequest document;
    fs::path letter;
};

int run_referral(const ReferralOptions& options) {
    const auto letter = read_letter_file(options.letter);
    print_diagnostics(letter.diagnostics);
    if (!letter.value) {
        std::cerr << "ssmix referral: the letter file has problems (see above); nothing was written\n";
        return exit_data_problem;
    }
    return make_document("ssmix referral", options.document, [&](const clinical::ClinicalRecord& record, const cda::WriteContext& context) {
        return cda::write_referral(record, *letter.value, context);
    });
}

}  // namespace

Command add_referral_command(CLI::App& app) {
    auto options = std::make_shared<ReferralOptions>();
    CLI::App* cli = app.add_subcommand("referral", "Write the referral letter (診療情報提供書) as CDA R2 from a letter file and the storage");
    add_document_options(*cli, options->document);
    cli->add_option("--letter", options->letter, "The doctor's letter (TOML; README.md shows the format)")->required();
    return {cli, [options] { return run_referral(*options); }};
}

}  // namespace ssmix::packager
