// packager/commands/clins_command.cpp — `ssmix clins`: a patient's 6情報 (conditions, allergies and
// drug contraindications, laboratory and infection results; prescriptions on request) as JP-CLINS
// JP_Bundle_CLINS collections, one kind per bundle as the national service takes them, from
// the current versions (condition flag 1) in the standardized storage.
#include <chrono>
#include <iostream>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "core/clinical/build.h"
#include "core/fhir/clins_bundle.h"
#include "core/fhir/values.h"
#include "packager/commands/command.h"
#include "packager/documents/document_output.h"
#include "packager/support/console.h"
#include "packager/support/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

constexpr const char* command_name = "ssmix clins";

struct ClinsOptions {
    fs::path storage;
    std::string patient, from, to;
    std::string institution_code;
    std::string kind = "all";
    fs::path output;
};

// --kind all: one file per kind beside -o, "out.json" -> "out.conditions.json" ...
fs::path path_for(const fs::path& output, fhir::ClinsKind kind) {
    fs::path path = output;
    return path.replace_extension("." + std::string(fhir::kind_name(kind)) + ".json");
}

int run_clins(const ClinsOptions& options) {
    if (!fs::is_directory(options.storage)) {
        std::cerr << command_name << ": " << options.storage.string() << " is not a folder\n";
        return exit_data_problem;
    }
    if (!options.from.empty() && !options.to.empty() && options.from > options.to) {
        std::cerr << command_name << ": --from " << options.from << " is after --to " << options.to << "\n";
        return exit_usage;
    }
    DiskFiles files(options.storage);
    const auto record = clinical::build_record(files, options.patient, {"", options.from, options.to, false});
    print_diagnostics(record.diagnostics);
    if (record.sources.empty()) {
        std::cerr << command_name << ": no data for patient " << options.patient << " in " << options.storage.string() << "\n";
        return exit_data_problem;
    }

    using fhir::ClinsKind;
    std::vector<ClinsKind> kinds;
    if (options.kind == "all") kinds = {ClinsKind::conditions, ClinsKind::allergies, ClinsKind::labs};
    for (const auto kind : {ClinsKind::conditions, ClinsKind::allergies, ClinsKind::labs, ClinsKind::prescriptions})
        if (options.kind == fhir::kind_name(kind)) kinds = {kind};

    const fhir::ClinsContext context{options.institution_code, fhir::jst_instant(std::chrono::system_clock::now()), options.from, options.to};
    int written = 0;
    for (const auto kind : kinds) {
        if (!fhir::has_any(record, kind)) {
            std::cout << "No " << fhir::kind_name(kind) << " for patient " << options.patient << " in this period: no bundle\n";
            continue;
        }
        const fs::path path = options.kind == "all" ? path_for(options.output, kind) : options.output;
        const std::string json = fhir::write_clins_bundle(record, kind, context);
        try {
            write_file_atomic(path, as_bytes(json));
        } catch (const std::exception& e) {
            std::cerr << command_name << ": cannot write " << path.string() << ": " << e.what() << "\n";
            return exit_data_problem;
        }
        std::cout << "Written: " << path.string() << " (" << json.size() << " bytes, " << fhir::kind_name(kind) << ")\n";
        ++written;
    }
    if (written == 0) {
        std::cerr << command_name << ": nothing of the asked kind for patient " << options.patient << "; nothing was written\n";
        return exit_data_problem;
    }
    return exit_ok;
}

}  // namespace

Command add_clins_command(CLI::App& app) {
    auto options = std::make_shared<ClinsOptions>();
    CLI::App* cli = app.add_subcommand("clins", "Write a patient's 6情報 as JP-CLINS FHIR bundles (JP_Bundle_CLINS) from the storage");
    cli->footer(
        "Each bundle holds the Patient and one kind of data, as the national service (電子カルテ情報共有サービス) takes them:\n"
        "conditions (PPR-01 PRB), allergies incl. drug contraindications (ADT-00 AL1, ADT-61 IAM), labs incl. infection results\n"
        "(OML-11 OBX, JLAC10). Only current versions (condition flag 1) are read, so a cancelled or superseded order never\n"
        "appears. With --kind all (default) the files are named after -o: out.json -> out.conditions.json, out.allergies.json,\n"
        "out.labs.json. --kind prescriptions writes MedicationRequests (RXE/TQ1/RXR); JP-CLINS 1.5.2 does not accept them as a\n"
        "bundle's kind (rule R02142): the service takes prescriptions only inside documents (ssmix referral --format fhir).");
    cli->add_option("--storage", options->storage, "Root folder of the standardized storage")->required();
    cli->add_option("--patient", options->patient, "Patient ID")->required();
    cli->add_option("--institution-code", options->institution_code, "The sending institution's 10-digit 医療機関コード")
        ->required()
        ->check([](const std::string& code) {
            return fhir::is_institution_code(code) ? std::string() : std::string("must be a 10-digit 医療機関コード (2 prefecture + 1 fee table (1-3) + 7)");
        });
    cli->add_option("--from", options->from, "First care date (YYYYMMDD)")->check(check_date);
    cli->add_option("--to", options->to, "Last care date (YYYYMMDD)")->check(check_date);
    cli->add_option("--kind", options->kind, "all (default), conditions, allergies, labs or prescriptions")
        ->check(CLI::IsMember({"all", "conditions", "allergies", "labs", "prescriptions"}));
    cli->add_option("-o,--output", options->output, "The bundle to write (JSON); with --kind all, the stem of the files")->required();
    return {cli, [options] { return run_clins(*options); }};
}

}  // namespace ssmix::packager
