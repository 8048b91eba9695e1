// packager/commands/ingest_command.cpp — `ssmix ingest`: HL7 message files (one message each, or
// MLLP-framed streams) into the standardized storage, CDA documents (any file that starts
// with '<') into the extended storage, with a summary.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "packager/commands/command.h"
#include "packager/ingest/ingest_files.h"
#include "packager/support/console.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct IngestOptions {
    IngestRequest request;
    bool json = false;
};

int run_ingest(const IngestOptions& options) {
    const IngestRequest& request = options.request;
    if (request.storage.empty() && request.extended.empty()) {
        std::cerr << "ssmix ingest: give --storage (HL7 messages) and/or --extended (CDA documents)\n";
        return exit_usage;
    }
    for (const auto* folder : {&request.storage, &request.extended}) {
        if (!folder->empty() && fs::exists(*folder) && !fs::is_directory(*folder)) {
            std::cerr << "ssmix ingest: " << folder->string() << " must name a folder\n";
            return exit_usage;
        }
    }
    auto messages_json = nlohmann::ordered_json::array();
    auto documents_json = nlohmann::ordered_json::array();
    IngestEvents events;
    events.message = [&](const IngestResult& result, const std::string& source) {
        if (options.json) {
            nlohmann::ordered_json entry = {{"source", source}, {"status", to_string(result.status)},
                                            {"dataType", result.data_type}, {"controlId", result.control_id},
                                            {"path", result.stored_path}, {"renamed", result.renamed},
                                            {"diagnostics", diagnostics_json(result.diagnostics)}};
            if (result.rejected_copy) entry["rejectedCopy"] = result.rejected_copy->string();
            messages_json.push_back(std::move(entry));
            return;
        }
        print_diagnostics(result.diagnostics);
        if (result.status == IngestStatus::unreadable || result.status == IngestStatus::rejected)
            std::cerr << source << ": " << to_string(result.status) << "; kept in "
                      << (result.rejected_copy ? result.rejected_copy->string() : std::string("(nowhere: see above)")) << "\n";
    };
    events.document = [&](const fs::path& file, const DocumentIngestResult& result) {
        if (options.json) {
            documents_json.push_back({{"source", file.string()}, {"status", result.action}, {"path", result.path}, {"renamed", result.renamed}});
            return;
        }
        std::cout << file.string() << ": " << result.action << (result.path.empty() ? "" : " as " + result.path) << "\n";
        for (const auto& rename : result.renamed) std::cout << "  " << rename << "\n";
    };

    IngestSummary summary = ingest_files(request, events);
    auto count = [&](IngestStatus status) { return summary.messages[status]; };
    const std::string rejected = fs::absolute(summary.rejected_folder).string();
    if (options.json) {
        std::cout << nlohmann::ordered_json{{"ok", summary.failed() == 0},
                                            {"storage", request.storage.empty() ? "" : fs::absolute(request.storage).string()},
                                            {"extended", request.extended.empty() ? "" : fs::absolute(request.extended).string()},
                                            {"rejectedFolder", rejected},
                                            {"stored", count(IngestStatus::stored)},
                                            {"cancelled", count(IngestStatus::cancelled)},
                                            {"duplicates", count(IngestStatus::duplicate)},
                                            {"unreadable", count(IngestStatus::unreadable)},
                                            {"rejected", count(IngestStatus::rejected)},
                                            {"messages", messages_json},
                                            {"documents", documents_json},
                                            {"diagnostics", diagnostics_json(summary.problems)}}
                         .dump(2)
                  << '\n';
    } else {
        print_diagnostics(summary.problems);
        if (!request.storage.empty())
            std::cout << "Ingested into " << fs::absolute(request.storage).string() << ": " << count(IngestStatus::stored) << " stored, "
                      << count(IngestStatus::cancelled) << " cancellations, " << count(IngestStatus::duplicate) << " already stored, "
                      << count(IngestStatus::unreadable) + count(IngestStatus::rejected) << " rejected (kept in " << rejected << ")\n";
        if (!request.extended.empty())
            std::cout << "Documents in " << fs::absolute(request.extended).string() << ": " << summary.documents["stored"] << " stored, "
                      << summary.documents["duplicate"] << " already stored, " << summary.documents["deleted"] << " deleted\n";
    }
    return summary.failed() == 0 ? exit_ok : exit_data_problem;
}

}  // namespace

Command add_ingest_command(CLI::App& app) {
    auto options = std::make_shared<IngestOptions>();
    CLI::App* cli = app.add_subcommand("ingest", "Store HL7 v2.5 messages in the SS-MIX2 standardized storage, CDA documents in the extended storage");
    cli->add_option("--storage", options->request.storage, "Root folder of the standardized storage (created if missing)");
    cli->add_option("--extended", options->request.extended, "Root folder of the extended storage, for CDA documents (created if missing)");
    cli->add_flag("--delete", options->request.remove_documents, "Mark the given CDA documents (every version) deleted in the extended storage");
    cli->add_option("--rejected", options->request.rejected,
                    "Folder for messages that cannot be stored, each with a .reason.txt (default: <storage>/../rejected)");
    cli->add_option("--transactions", options->request.transactions.root,
                    "Also append every stored message to an SS-MIX2 transaction storage in this folder");
    cli->add_option("--facility-id", options->request.transactions.facility_id, "Facility ID (10 characters) for the transaction headers")
        ->check([](const std::string& id) { return id.size() == 10 ? std::string() : std::string("must be 10 characters"); });
    cli->add_option("paths", options->request.inputs, "Message files (one message each, or MLLP-framed), CDA documents (.xml) or folders")->required();
    cli->add_flag("--json", options->json, "Print the result of every message as JSON");
    return {cli, [options] { return run_ingest(*options); }};
}

}  // namespace ssmix::packager
