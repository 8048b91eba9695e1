// packager/provide_command.cpp — `ssmix provide`: the data-provision document (診療データ提供書)
// as CDA R2: a patient's prescriptions and laboratory results for a period.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/cda/header.h"
#include "core/cda/provision.h"
#include "packager/command.h"
#include "packager/console.h"
#include "packager/document_output.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct ProvideOptions {
    RecordRequest record;
    cda::Institution institution;
    fs::path revises;
    DocumentDelivery delivery;
};

int run_provide(const ProvideOptions& options) {
    auto context = new_write_context();
    if (!options.revises.empty() && !revise("ssmix provide", options.revises, options.record.patient, context)) return exit_data_problem;
    const auto record = load_record("ssmix provide", options.record);
    if (!record) return exit_data_problem;
    const cda::Provision provision{options.institution, options.record.from, options.record.to};
    const std::string xml = cda::write_provision(*record, provision, context);
    std::cout << "Period " << (options.record.from.empty() ? "(all)" : options.record.from) << " - "
              << (options.record.to.empty() ? "(all)" : options.record.to) << ": " << record->prescriptions.size() << " prescription orders, "
              << record->lab_results.size() << " laboratory results\n";
    return deliver_document("ssmix provide", xml, options.record.patient, options.delivery);
}

}  // namespace

Command add_provide_command(CLI::App& app) {
    auto options = std::make_shared<ProvideOptions>();
    CLI::App* cli = app.add_subcommand("provide", "Write the data-provision document (診療データ提供書) as CDA R2 for a period");
    cli->add_option("--storage", options->record.storage, "Root folder of the standardized storage")->required();
    cli->add_option("--patient", options->record.patient, "Patient ID")->required();
    cli->add_option("--from", options->record.from, "First care date (YYYYMMDD)")->check(check_date);
    cli->add_option("--to", options->record.to, "Last care date (YYYYMMDD)")->check(check_date);
    cli->add_option("--institution", options->institution.name, "The providing institution's name")->required();
    cli->add_option("--institution-code", options->institution.code, "Its 10-digit 医療機関コード (for the ids in the document)")
        ->required()
        ->check([](const std::string& code) { return cda::is_institution_code(code) ? std::string() : std::string("must be 10 digits"); });
    cli->add_option("-o,--output", options->delivery.output, "The CDA document to write (XML)")->required();
    cli->add_option("--extended", options->delivery.extended, "Also keep it in this SS-MIX2 extended storage");
    cli->add_option("--revises", options->revises, "An earlier version this document corrects (same setId, next version)");
    return {cli, [options] { return run_provide(*options); }};
}

}  // namespace ssmix::packager
