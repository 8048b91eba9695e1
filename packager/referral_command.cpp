// packager/referral_command.cpp — `ssmix referral`: the referral letter (診療情報提供書) as CDA
// R2, from the doctor's letter file and the patient's record in the storage.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/cda/referral.h"
#include "packager/command.h"
#include "packager/console.h"
#include "packager/document_output.h"
#include "packager/letter_file.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct ReferralOptions {
    RecordRequest record;
    fs::path letter;
    fs::path revises;
    DocumentDelivery delivery;
};

int run_referral(const ReferralOptions& options) {
    const auto letter = read_letter_file(options.letter);
    print_diagnostics(letter.diagnostics);
    if (!letter.value) {
        std::cerr << "ssmix referral: the letter file has problems (see above); nothing was written\n";
        return exit_data_problem;
    }
    auto context = new_write_context();
    if (!options.revises.empty() && !revise("ssmix referral", options.revises, options.record.patient, context)) return exit_data_problem;
    const auto record = load_record("ssmix referral", options.record);
    if (!record) return exit_data_problem;
    const std::string xml = cda::write_referral(*record, *letter.value, context);
    return deliver_document("ssmix referral", xml, options.record.patient, options.delivery);
}

}  // namespace

Command add_referral_command(CLI::App& app) {
    auto options = std::make_shared<ReferralOptions>();
    CLI::App* cli = app.add_subcommand("referral", "Write the referral letter (診療情報提供書) as CDA R2 from a letter file and the storage");
    cli->add_option("--storage", options->record.storage, "Root folder of the standardized storage")->required();
    cli->add_option("--patient", options->record.patient, "Patient ID")->required();
    cli->add_option("--letter", options->letter, "The doctor's letter (TOML; README.md shows the format)")->required();
    cli->add_option("-o,--output", options->delivery.output, "The CDA document to write (XML)")->required();
    cli->add_option("--extended", options->delivery.extended, "Also keep it in this SS-MIX2 extended storage");
    cli->add_option("--revises", options->revises, "An earlier version this document corrects (same setId, next version)");
    return {cli, [options] { return run_referral(*options); }};
}

}  // namespace ssmix::packager
