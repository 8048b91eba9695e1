// packager/commands/referral_command.cpp — `ssmix referral`: the referral letter (診療情報提供書) as CDA
// R2, as a JP-CLINS FHIR document (JP_Bundle_eReferral), or both, from the doctor's letter file
// and the patient's record in the storage.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "core/cda/referral.h"
#include "core/clinical/build.h"
#include "core/fhir/referral_bundle.h"
#include "core/fhir/values.h"
#include "packager/commands/command.h"
#include "packager/documents/document_output.h"
#include "packager/documents/letter_file.h"
#include "packager/support/console.h"
#include "packager/support/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

constexpr const char* command_name = "ssmix referral";

struct ReferralOptions {
    DocumentRequest document;
    fs::path letter;
    std::string format = "cda";
};

// With --format both, the bundle sits beside the CDA file: letter.xml -> letter.json.
fs::path bundle_path_beside(const fs::path& cda) { return fs::path(cda).replace_extension(".json"); }

// The earlier FHIR version a revision replaces; nullopt (and a message) when it cannot be used.
std::optional<fhir::EarlierVersion> read_earlier_bundle(const fs::path& path, const std::string& patient) {
    std::string text;
    try {
        const Bytes bytes = read_file(path);
        text.assign(bytes.begin(), bytes.end());
    } catch (const std::exception& e) {
        std::cerr << command_name << ": cannot read " << path.string() << ": " << e.what() << "\n";
        return std::nullopt;
    }
    std::string why;
    auto earlier = fhir::read_earlier_version(text, why);
    if (!earlier) {
        std::cerr << command_name << ": " << path.string() << " is not an earlier FHIR letter: " << why << "\n";
        return std::nullopt;
    }
    if (earlier->patient_id != patient) {
        std::cerr << command_name << ": " << path.string() << " is not about patient " << patient << "\n";
        return std::nullopt;
    }
    return earlier;
}

int write_bundle(const fs::path& path, const std::string& json) {
    try {
        write_file_atomic(path, as_bytes(json));
    } catch (const std::exception& e) {
        std::cerr << command_name << ": cannot write " << path.string() << ": " << e.what() << "\n";
        return exit_data_problem;
    }
    std::cout << "Written: " << path.string() << " (" << json.size() << " bytes, FHIR JP_Bundle_eReferral)\n";
    return exit_ok;
}

void warn_about_recipient(const cda::ReferralLetter& letter) {
    if (letter.to.institution.code.empty())
        std::cerr << command_name << ": note: the letter names no 医療機関コード for the recipient; the FHIR bundle says it is unknown\n";
}

int run_fhir_only(const ReferralOptions& options, const cda::ReferralLetter& letter) {
    const DocumentRequest& request = options.document;
    fhir::DocumentContext context;
    context.instant = fhir::jst_instant(std::chrono::system_clock::now());
    if (!request.revises.empty()) {
        const auto earlier = read_earlier_bundle(request.revises, request.patient);
        if (!earlier) return exit_data_problem;
        context.version = earlier->version + 1;
        context.replaces = earlier->composition_identifier;
    }
    if (!fs::is_directory(request.storage)) {
        std::cerr << command_name << ": " << request.storage.string() << " is not a folder\n";
        return exit_data_problem;
    }
    DiskFiles files(request.storage);
    const auto record = clinical::build_record(files, request.patient);
    print_diagnostics(record.diagnostics);
    if (record.sources.empty()) {
        std::cerr << command_name << ": no data for patient " << request.patient << " in " << request.storage.string() << "\n";
        return exit_data_problem;
    }
    warn_about_recipient(letter);
    return write_bundle(request.output, fhir::write_referral_bundle(record, letter, context));
}

int run_both(const ReferralOptions& options, const cda::ReferralLetter& letter) {
    const DocumentRequest& request = options.document;
    std::optional<fhir::EarlierVersion> earlier;
    if (!request.revises.empty() && fs::exists(bundle_path_beside(request.revises))) {
        earlier = read_earlier_bundle(bundle_path_beside(request.revises), request.patient);
        if (!earlier) return exit_data_problem;
    }
    // The CDA goes first, through the shared steps; the bundle is made from the same record and
    // points to the CDA file just written.
    std::optional<clinical::ClinicalRecord> record;
    std::string xml;
    cda::WriteContext cda_context;
    const int status = make_document(command_name, request, [&](const clinical::ClinicalRecord& r, const cda::WriteContext& c) {
        record = r;
        cda_context = c;
        xml = cda::write_referral(r, letter, c);
        return xml;
    });
    if (status != exit_ok || !record) return status;
    fhir::DocumentContext context;
    context.instant = fhir::jst_instant(std::chrono::system_clock::now());
    context.version = earlier ? earlier->version + 1 : cda_context.version;
    if (earlier) context.replaces = earlier->composition_identifier;
    context.cda = fhir::link_cda(request.output.filename().string(), xml, cda_context.document_id);
    warn_about_recipient(letter);
    return write_bundle(bundle_path_beside(request.output), fhir::write_referral_bundle(*record, letter, context));
}

int run_referral(const ReferralOptions& options) {
    const auto letter = read_letter_file(options.letter);
    print_diagnostics(letter.diagnostics);
    if (!letter.value) {
        std::cerr << "ssmix referral: the letter file has problems (see above); nothing was written\n";
        return exit_data_problem;
    }
    if (options.format != "cda" && !fhir::is_institution_code(letter.value->from.code)) {
        std::cerr << command_name << ": the FHIR letter needs the sender's 10-digit 医療機関コード ([from] code = \""
                  << letter.value->from.code << "\" is not one); nothing was written\n";
        return exit_data_problem;
    }
    if (options.format == "fhir") {
        if (!options.document.extended.empty()) {
            std::cerr << command_name << ": --extended keeps CDA documents; use --format both to keep the CDA form there\n";
            return exit_usage;
        }
        return run_fhir_only(options, *letter.value);
    }
    if (options.format == "both") {
        if (options.document.output.extension() == ".json") {
            std::cerr << command_name << ": with --format both, -o names the CDA file (.xml); the bundle is written beside it as .json\n";
            return exit_usage;
        }
        return run_both(options, *letter.value);
    }
    return make_document(command_name, options.document, [&](const clinical::ClinicalRecord& record, const cda::WriteContext& context) {
        return cda::write_referral(record, *letter.value, context);
    });
}

}  // namespace

Command add_referral_command(CLI::App& app) {
    auto options = std::make_shared<ReferralOptions>();
    CLI::App* cli = app.add_subcommand("referral", "Write the referral letter (診療情報提供書) as CDA R2 and/or as a JP-CLINS FHIR document");
    add_document_options(*cli, options->document);
    cli->add_option("--letter", options->letter, "The doctor's letter (TOML; README.md shows the format)")->required();
    cli->add_option("--format", options->format,
                    "cda (default): CDA R2 XML to -o. fhir: a JP_Bundle_eReferral JSON document to -o (--revises then names the earlier "
                    "bundle). both: CDA to -o and the bundle beside it with .json, pointing to the CDA file (--revises names the earlier CDA; "
                    "its .json beside it, if there, is the FHIR version replaced)")
        ->check(CLI::IsMember({"cda", "fhir", "both"}));
    return {cli, [options] { return run_referral(*options); }};
}

}  // namespace ssmix::packager
