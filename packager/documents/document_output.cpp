// packager/documents/document_output.cpp
#include "packager/documents/document_output.h"

#include <algorithm>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "core/base/local_time.h"
#include "core/base/uid.h"
#include "core/cda/extended_record.h"
#include "core/cda/reader.h"
#include "core/clinical/build.h"
#include "core/clinical/dates.h"
#include "core/ssmix2/extended_storage.h"
#include "packager/documents/cda_file.h"
#include "packager/support/console.h"
#include "packager/support/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

std::optional<clinical::ClinicalRecord> load_record(const std::string& command, const DocumentRequest& request) {
    if (!fs::is_directory(request.storage)) {
        std::cerr << command << ": " << request.storage.string() << " is not a folder\n";
        return std::nullopt;
    }
    DiskFiles files(request.storage);
    auto record = clinical::build_record(files, request.patient, {"", request.from, request.to, false});
    print_diagnostics(record.diagnostics);
    if (record.sources.empty()) {
        std::cerr << command << ": no data for patient " << request.patient << " in " << request.storage.string() << "\n";
        return std::nullopt;
    }
    return record;
}

cda::WriteContext new_write_context() {
    cda::WriteContext context;
    context.document_id = random_uuid_oid();
    // Dated in Japan time, as the FHIR form of the same letter is: the receiving physician sees
    // the same date on both, whatever zone the hospital's server is set to.
    context.time = format_time(std::chrono::system_clock::now(), Zone::japan, "%Y%m%d%H%M%S") + "+0900";
    return context;
}

bool revise(const std::string& command, const fs::path& earlier, const std::string& patient_id, cda::WriteContext& context) {
    const auto old = read_cda_file(earlier).document;
    print_diagnostics(old.diagnostics);
    if (!old.value) return false;
    const auto& ids = old.value->patient.ids;
    if (std::none_of(ids.begin(), ids.end(), [&](const cda::Identifier& id) { return id.extension == patient_id; })) {
        std::cerr << command << ": " << earlier.string() << " is not about patient " << patient_id << "\n";
        return false;
    }
    context.replaces = old.value->id;
    context.set_id = old.value->set_id.root.empty() ? old.value->id : old.value->set_id;
    const std::string& version = old.value->version;
    const bool numeric = !version.empty() && version.size() < 6 && version.find_first_not_of("0123456789") == std::string::npos;
    context.version = (numeric ? std::stoi(version) : 1) + 1;
    return true;
}

int deliver_document(const std::string& command, const std::string& xml, const DocumentRequest& request) {
    const auto check = cda::read_document(as_bytes(xml), request.output.string());
    if (!check.value || check.has_errors()) {   // a bug of ours, never the user's input: say so plainly
        print_diagnostics(check.diagnostics);
        std::cerr << command << ": the document made is not readable CDA (a bug in ssmix); nothing was written\n";
        return exit_data_problem;
    }
    try {
        write_file_atomic(request.output, as_bytes(xml));
    } catch (const std::exception& e) {
        std::cerr << command << ": cannot write " << request.output.string() << ": " << e.what() << "\n";
        return exit_data_problem;
    }
    std::cout << "Written: " << request.output.string() << " (" << xml.size() << " bytes)\n";
    if (request.extended.empty()) return exit_ok;

    std::string why;
    const auto record = cda::extended_record(*check.value, why, request.patient);
    if (!record) {
        std::cerr << command << ": cannot keep the document in the extended storage: " << why << "\n";
        return exit_data_problem;
    }
    try {
        ssmix2::ExtendedStorage storage(request.extended);
        const auto outcome = storage.store(*record, "main_document.xml", as_bytes(xml));
        std::cout << "Extended storage: " << (request.extended / outcome.path).string() << "\n";
        for (const auto& rename : outcome.renamed) std::cout << "  earlier version: " << rename << "\n";
    } catch (const std::exception& e) {
        std::cerr << command << ": cannot store in " << request.extended.string() << ": " << e.what() << "\n";
        return exit_data_problem;
    }
    return exit_ok;
}

}  // namespace

void add_document_options(CLI::App& cli, DocumentRequest& request) {
    cli.add_option("--storage", request.storage, "Root folder of the standardized storage")->required();
    cli.add_option("--patient", request.patient, "Patient ID")->required();
    cli.add_option("-o,--output", request.output, "The CDA document to write (XML)")->required();
    cli.add_option("--extended", request.extended, "Also keep it in this SS-MIX2 extended storage");
    cli.add_option("--revises", request.revises, "An earlier version this document corrects (same setId, next version)");
}

int make_document(const std::string& command, const DocumentRequest& request, const DocumentWriter& write) {
    auto context = new_write_context();
    if (!request.revises.empty() && !revise(command, request.revises, request.patient, context)) return exit_data_problem;
    const auto record = load_record(command, request);
    if (!record) return exit_data_problem;
    return deliver_document(command, write(*record, context), request);
}

std::string check_date(const std::string& text) {
    const bool ok = text.size() == 8 && clinical::parse_date(text);
    return ok ? std::string() : std::string("must be a date as YYYYMMDD");
}

}  // namespace ssmix::packager
