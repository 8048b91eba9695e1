// packager/commands/provide_command.cpp — `ssmix provide`: the data-provision document (診療データ提供書)
// as CDA R2: a patient's problems, allergies, prescriptions, laboratory results and imaging
// and physiological tests for a period.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/cda/header.h"
#include "core/cda/provision.h"
#include "packager/commands/command.h"
#include "packager/support/console.h"
#include "packager/documents/document_output.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct ProvideOptions {
    DocumentRequest document;
    cda::Institution institution;
};

int run_provide(const ProvideOptions& options) {
    const auto& period = options.document;
    return make_document("ssmix provide", period, [&](const clinical::ClinicalRecord& record, const cda::WriteContext& context) {
        std::cout << "Period " << (period.from.empty() ? "(all)" : period.from) << " - " << (period.to.empty() ? "(all)" : period.to) << ": "
                  << record.problems.size() << " problems, " << record.allergies.size() << " allergies, " << record.prescriptions.size()
                  << " prescription orders, " << record.lab_results.size() << " laboratory results, " << record.imaging.size()
                  << " imaging and physiological tests\n";
        return cda::write_provision(record, {options.institution, period.from, period.to}, context);
    });
}

}  // namespace

Command add_provide_command(CLI::App& app) {
    auto options = std::make_shared<ProvideOptions>();
    CLI::App* cli = app.add_subcommand("provide", "Write the data-provision document (診療データ提供書) as CDA R2 for a period");
    add_document_options(*cli, options->document);
    cli->add_option("--from", options->document.from, "First care date (YYYYMMDD)")->check(check_date);
    cli->add_option("--to", options->document.to, "Last care date (YYYYMMDD)")->check(check_date);
    cli->add_option("--institution", options->institution.name, "The providing institution's name")->required();
    cli->add_option("--institution-code", options->institution.code, "Its 10-digit 医療機関コード (for the ids in the document)")
        ->required()
        ->check([](const std::string& code) { return cda::is_institution_code(code) ? std::string() : std::string("must be 10 digits"); });
    return {cli, [options] { return run_provide(*options); }};
}

}  // namespace ssmix::packager
