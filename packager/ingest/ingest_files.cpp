// packager/ingest/ingest_files.cpp — messages are stored in groups (one flush per group, not per
// message); the files of a group stay in memory until it is stored.
#include "packager/ingest/ingest_files.h"

#include <optional>

#include "core/base/durable_file.h"
#include "packager/support/console.h"
#include "packager/support/input_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

std::size_t IngestSummary::failed() const {
    const auto count = [&](IngestStatus status) {
        const auto it = messages.find(status);
        return it == messages.end() ? std::size_t{0} : it->second;
    };
    return count(IngestStatus::unreadable) + count(IngestStatus::rejected) + count_errors(problems);
}

IngestSummary ingest_files(const IngestRequest& request, const IngestEvents& events) {
    IngestSummary summary;
    summary.rejected_folder = request.rejected.empty() ? request.storage.parent_path() / "rejected" : request.rejected;
    std::optional<IngestPipeline> pipeline;
    if (!request.storage.empty()) pipeline.emplace(request.storage, summary.rejected_folder, request.transactions);
    InputFiles input = gather_files(request.inputs);
    summary.problems = std::move(input.diagnostics);

    constexpr std::size_t group_messages = 256;
    std::vector<Bytes> group_files;
    std::vector<IngestPipeline::Incoming> group;
    auto store_group = [&] {
        const auto results = pipeline->ingest_batch(group);
        for (std::size_t i = 0; i < results.size(); ++i) {
            ++summary.messages[results[i].status];
            events.message(results[i], group[i].source);
        }
        group.clear();
        group_files.clear();
    };
    Progress progress("Ingesting");
    for (std::size_t i = 0; i < input.files.size(); ++i) {
        progress.update(i + 1, input.files.size());
        const fs::path& file = input.files[i];
        Bytes bytes;
        try {
            bytes = read_file(file);
        } catch (const std::exception& e) {
            summary.problems.push_back(error({file.string(), 0, ""}, "input.unreadable", e.what()));
            continue;
        }
        if (looks_like_xml(bytes)) {
            auto result = ingest_document(request.extended, request.remove_documents, file, bytes);
            summary.problems.insert(summary.problems.end(), result.diagnostics.begin(), result.diagnostics.end());
            if (!result.ok) continue;
            ++summary.documents[result.action];
            events.document(file, result);
            continue;
        }
        if (!pipeline) {
            summary.problems.push_back(error({file.string(), 0, ""}, "ingest.message.no_storage", "HL7 messages: give --storage DIR"));
            continue;
        }
        group_files.push_back(std::move(bytes));
        const auto messages = split_messages(group_files.back());
        for (std::size_t n = 0; n < messages.size(); ++n)
            group.push_back({messages[n], messages.size() == 1 ? file.string() : file.string() + "#" + std::to_string(n + 1), {}});
        if (group.size() >= group_messages) store_group();
    }
    if (!group.empty()) store_group();
    return summary;
}

}  // namespace ssmix::packager
