// packager/ingest_command.cpp — `ssmix ingest`: HL7 message files (one message each, or
// MLLP-framed streams) into the standardized storage, CDA documents (any file that starts
// with '<') into the extended storage, with a summary.
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "core/cda/extended_record.h"
#include "core/cda/reader.h"
#include "core/ssmix2/extended_storage.h"
#include "packager/command.h"
#include "packager/console.h"
#include "packager/ingest_pipeline.h"
#include "packager/input_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct IngestOptions {
    fs::path storage, extended;
    bool delete_documents = false;
    fs::path rejected;
    std::vector<fs::path> inputs;
    TransactionOptions transactions;
    bool json = false;
};

bool is_xml(ByteView bytes) {
    std::size_t at = bytes.size() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;   // UTF-8 BOM
    while (at < bytes.size() && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\r' || bytes[at] == '\n')) ++at;
    return at < bytes.size() && bytes[at] == '<';
}

// One CDA document into the extended storage (or, with --delete, every version of it marked
// deleted). Problems become diagnostics naming the file; the file itself is never changed.
struct DocumentResult {
    bool ok = false;
    std::string action, path;
    std::vector<std::string> renamed;
};
DocumentResult ingest_document(const IngestOptions& options, const fs::path& file, ByteView bytes, std::vector<Diagnostic>& problems) {
    if (options.extended.empty()) {
        problems.push_back(error({file.string(), 0, ""}, "ingest.document.no_extended", "a CDA document: give --extended DIR to keep it in the extended storage"));
        return {};
    }
    auto parsed = cda::read_document(bytes, file.string());
    for (auto& d : parsed.diagnostics) problems.push_back(std::move(d));
    if (!parsed.value) return {};
    std::string why;
    const auto record = cda::extended_record(*parsed.value, why);
    if (!record) {
        problems.push_back(error({file.string(), 0, "/ClinicalDocument/recordTarget"}, "ingest.document.no_patient", why));
        return {};
    }
    try {
        ssmix2::ExtendedStorage storage(options.extended);
        if (options.delete_documents) {
            auto renamed = storage.remove(*record);
            return {true, renamed.empty() ? "not stored" : "deleted", "", std::move(renamed)};
        }
        const std::string extension = file.extension().empty() ? ".xml" : file.extension().string();
        const auto outcome = storage.store(*record, "main_document" + extension, bytes);
        return {true, outcome.duplicate ? "duplicate" : "stored", outcome.path, outcome.renamed};
    } catch (const std::exception& e) {
        problems.push_back(error({file.string(), 0, ""}, "ingest.document.store_failed", std::string("cannot store: ") + e.what()));
        return {};
    }
}

int run_ingest(const IngestOptions& options) {
    const fs::path rejected = options.rejected.empty() ? options.storage.parent_path() / "rejected" : options.rejected;
    if (options.storage.empty() && options.extended.empty()) {
        std::cerr << "ssmix ingest: give --storage (HL7 messages) and/or --extended (CDA documents)\n";
        return exit_usage;
    }
    for (const auto* folder : {&options.storage, &options.extended}) {
        if (!folder->empty() && fs::exists(*folder) && !fs::is_directory(*folder)) {
            std::cerr << "ssmix ingest: " << folder->string() << " must name a folder\n";
            return exit_usage;
        }
    }
    std::optional<IngestPipeline> pipeline;
    if (!options.storage.empty()) pipeline.emplace(options.storage, rejected, options.transactions);
    InputFiles input = gather_files(options.inputs);
    std::vector<Diagnostic> problems = input.diagnostics;
    std::map<std::string, std::size_t> document_counts;
    auto documents_json = nlohmann::ordered_json::array();

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
        const auto results = pipeline->ingest_batch(group);
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
        if (is_xml(group_files.back())) {
            const auto result = ingest_document(options, file, group_files.back(), problems);
            group_files.pop_back();
            if (!result.ok) continue;
            ++document_counts[result.action];
            if (options.json) {
                documents_json.push_back({{"source", file.string()}, {"status", result.action}, {"path", result.path}, {"renamed", result.renamed}});
            } else {
                std::cout << file.string() << ": " << result.action << (result.path.empty() ? "" : " as " + result.path) << "\n";
                for (const auto& rename : result.renamed) std::cout << "  " << rename << "\n";
            }
            continue;
        }
        if (!pipeline) {
            problems.push_back(error({file.string(), 0, ""}, "ingest.message.no_storage", "HL7 messages: give --storage DIR"));
            group_files.pop_back();
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
                                            {"storage", options.storage.empty() ? "" : fs::absolute(options.storage).string()},
                                            {"extended", options.extended.empty() ? "" : fs::absolute(options.extended).string()},
                                            {"rejectedFolder", fs::absolute(rejected).string()},
                                            {"stored", counts[IngestStatus::stored]},
                                            {"cancelled", counts[IngestStatus::cancelled]},
                                            {"duplicates", counts[IngestStatus::duplicate]},
                                            {"unreadable", counts[IngestStatus::unreadable]},
                                            {"rejected", counts[IngestStatus::rejected]},
                                            {"messages", results_json},
                                            {"documents", documents_json},
                                            {"diagnostics", diagnostics_json(problems)}}
                         .dump(2)
                  << '\n';
    } else {
        print_diagnostics(problems);
        if (pipeline)
            std::cout << "Ingested into " << fs::absolute(options.storage).string() << ": " << counts[IngestStatus::stored]
                      << " stored, " << counts[IngestStatus::cancelled] << " cancellations, " << counts[IngestStatus::duplicate]
                      << " already stored, " << counts[IngestStatus::unreadable] + counts[IngestStatus::rejected]
                      << " rejected (kept in " << fs::absolute(rejected).string() << ")\n";
        if (!options.extended.empty())
            std::cout << "Documents in " << fs::absolute(options.extended).string() << ": " << document_counts["stored"] << " stored, "
                      << document_counts["duplicate"] << " already stored, " << document_counts["deleted"] << " deleted\n";
    }
    return failed == 0 ? exit_ok : exit_data_problem;
}

}  // namespace

Command add_ingest_command(CLI::App& app) {
    auto options = std::make_shared<IngestOptions>();
    CLI::App* cli = app.add_subcommand("ingest", "Store HL7 v2.5 messages in the SS-MIX2 standardized storage, CDA documents in the extended storage");
    cli->add_option("--storage", options->storage, "Root folder of the standardized storage (created if missing)");
    cli->add_option("--extended", options->extended, "Root folder of the extended storage, for CDA documents (created if missing)");
    cli->add_flag("--delete", options->delete_documents, "Mark the given CDA documents (every version) deleted in the extended storage");
    cli->add_option("--rejected", options->rejected,
                    "Folder for messages that cannot be stored, each with a .reason.txt (default: <storage>/../rejected)");
    cli->add_option("--transactions", options->transactions.root,
                    "Also append every stored message to an SS-MIX2 transaction storage in this folder");
    cli->add_option("--facility-id", options->transactions.facility_id, "Facility ID (10 characters) for the transaction headers")
        ->check([](const std::string& id) { return id.size() == 10 ? std::string() : std::string("must be 10 characters"); });
    cli->add_option("paths", options->inputs, "Message files (one message each, or MLLP-framed), CDA documents (.xml) or folders")->required();
    cli->add_flag("--json", options->json, "Print the result of every message as JSON");
    return {cli, [options] { return run_ingest(*options); }};
}

}  // namespace ssmix::packager
