// packager/ingest_command.cpp — `ssmix ingest`: HL7 message files (one message each, or
// MLLP-framed streams) into the standardized storage, with a summary.
#include <iostream>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "packager/command.h"
#include "packager/console.h"
#include "packager/ingest_pipeline.h"
#include "packager/input_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct IngestOptions {
    fs::path storage;
    fs::path rejected;
    std::vector<fs::path> inputs;
    TransactionOptions transactions;
    bool json = false;
};

int run_ingest(const IngestOptions& options) {
    const fs::path rejected = options.rejected.empty() ? options.storage.parent_path() / "rejected" : options.rejected;
    if (options.storage.empty() || (fs::exists(options.storage) && !fs::is_directory(options.storage))) {
        std::cerr << "ssmix ingest: --storage must name a folder\n";
        return exit_usage;
    }
    IngestPipeline pipeline(options.storage, rejected, options.transactions);
    InputFiles input = gather_files(options.inputs);
    std::vector<Diagnostic> problems = input.diagnostics;

    std::map<IngestStatus, std::size_t> counts;
    auto results_json = nlohmann::ordered_json::array();
    auto report = [&](const IngestResult& result, const std::string& source) {
        ++counts[result.status];
        const bool failed = result.status == IngestStatus::unreadable || result.status == IngestStatus::rejected;
        if (options.json) {
            nlohmann::ordered_json entry = {{"source", source}, {"status", to_string(result.status)},
                                            {"dataType", result.data_type}, {"controlId", result.control_id},
                                            {"path", result.stored_path}, {"renamed", result.renamed},
                                            {"diagnostics", diagnostics_json(result.diagnostics)}};
            if (result.rejected_copy) entry["rejectedCopy"] = result.rejected_copy->string();
            results_json.push_back(std::move(entry));
        } else {
            print_diagnostics(result.diagnostics);
            if (failed)
                std::cerr << source << ": " << to_string(result.status) << "; kept in "
                          << (result.rejected_copy ? result.rejected_copy->string() : std::string("(nowhere: see above)")) << "\n";
        }
    };

    // Messages are stored in groups (one flush per group, not per message); the files of a
    // group stay in memory until it is stored.
    constexpr std::size_t group_messages = 256;
    std::vector<Bytes> group_files;
    std::vector<IngestPipeline::Incoming> group;
    auto store_group = [&] {
        const auto results = pipeline.ingest_batch(group);
        for (std::size_t i = 0; i < results.size(); ++i) report(results[i], group[i].source);
        group.clear();
        group_files.clear();
    };
    Progress progress("Ingesting");
    for (std::size_t i = 0; i < input.files.size(); ++i) {
        progress.update(i + 1, input.files.size());
        const fs::path& file = input.files[i];
        try {
            group_files.push_back(read_file(file));
        } catch (const std::exception& e) {
            problems.push_back(error({file.string(), 0, ""}, "input.unreadable", e.what()));
            continue;
        }
        const auto messages = split_messages(group_files.back());
        for (std::size_t n = 0; n < messages.size(); ++n)
            group.push_back({messages[n], messages.size() == 1 ? file.string() : file.string() + "#" + std::to_string(n + 1), {}});
        if (group.size() >= group_messages) store_group();
    }
    if (!group.empty()) store_group();
    const std::size_t failed = counts[IngestStatus::unreadable] + counts[IngestStatus::rejected] + count_errors(problems);
    if (options.json) {
        std::cout << nlohmann::ordered_json{{"ok", failed == 0},
                                            {"storage", fs::absolute(options.storage).string()},
                                            {"rejectedFolder", fs::absolute(rejected).string()},
                                            {"stored", counts[IngestStatus::stored]},
                                            {"cancelled", counts[IngestStatus::cancelled]},
                                            {"duplicates", counts[IngestStatus::duplicate]},
                                            {"unreadable", counts[IngestStatus::unreadable]},
                                            {"rejected", counts[IngestStatus::rejected]},
                                            {"messages", results_json},
                                            {"diagnostics", diagnostics_json(problems)}}
                         .dump(2)
                  << '\n';
    } else {
        print_diagnostics(problems);
        std::cout << "Ingested into " << fs::absolute(options.storage).string() << ": " << counts[IngestStatus::stored]
                  << " stored, " << counts[IngestStatus::cancelled] << " cancellations, " << counts[IngestStatus::duplicate]
                  << " already stored, " << counts[IngestStatus::unreadable] + counts[IngestStatus::rejected]
                  << " rejected (kept in " << fs::absolute(rejected).string() << ")\n";
    }
    return failed == 0 ? exit_ok : exit_data_problem;
}

}  // namespace

Command add_ingest_command(CLI::App& app) {
    auto options = std::make_shared<IngestOptions>();
    CLI::App* cli = app.add_subcommand("ingest", "Store HL7 v2.5 messages (files or folders) in an SS-MIX2 standardized storage");
    cli->add_option("--storage", options->storage, "Root folder of the standardized storage (created if missing)")->required();
    cli->add_option("--rejected", options->rejected,
                    "Folder for messages that cannot be stored, each with a .reason.txt (default: <storage>/../rejected)");
    cli->add_option("--transactions", options->transactions.root,
                    "Also append every stored message to an SS-MIX2 transaction storage in this folder");
    cli->add_option("--facility-id", options->transactions.facility_id, "Facility ID (10 characters) for the transaction headers")
        ->check([](const std::string& id) { return id.size() == 10 ? std::string() : std::string("must be 10 characters"); });
    cli->add_option("paths", options->inputs, "Message files (one message each, or MLLP-framed) or folders")->required();
    cli->add_flag("--json", options->json, "Print the result of every message as JSON");
    return {cli, [options] { return run_ingest(*options); }};
}

}  // namespace ssmix::packager
