// packager/ingest/ingest_pipeline.cpp — the order of checks decides the answer: unreadable before
// rejected, encoding before naming, naming before any disk write.
#include "packager/ingest/ingest_pipeline.h"

#include <cstdio>
#include <cctype>
#include <system_error>

#include "core/base/durable_file.h"
#include "core/hl7/field.h"
#include "core/hl7/parse.h"
#include "core/ssmix2/message_rules.h"
#include "core/base/local_time.h"
#include "core/ssmix2/plan.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

std::string safe_file_part(const std::string& text) {
    std::string out;
    for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_';
    return out.substr(0, 80);
}

}  // namespace

const char* to_string(IngestStatus status) {
    switch (status) {
        case IngestStatus::stored: return "stored";
        case IngestStatus::cancelled: return "cancelled";
        case IngestStatus::duplicate: return "duplicate";
        case IngestStatus::unreadable: return "unreadable";
        case IngestStatus::rejected: return "rejected";
    }
    return "rejected";
}

IngestPipeline::IngestPipeline(fs::path storage, fs::path rejected, TransactionOptions transactions)
    : storage_(std::move(storage)), rejected_(std::move(rejected)) {
    if (!transactions.root.empty()) transactions_.emplace(transactions.root, transactions.facility_id);
}

IngestPipeline::Checked IngestPipeline::check(ByteView message, const std::string& source) {
    Checked checked;
    checked.source = source;
    IngestResult& result = checked.result;
    auto parsed = hl7::parse_message(message, source);
    result.diagnostics = parsed.diagnostics;
    if (!parsed.value) {
        result.status = IngestStatus::unreadable;
        keep_rejected(message, source, result);
        return checked;
    }
    const hl7::Message& m = *parsed.value;
    result.control_id = m.field("MSH", 10).text();

    auto encoding = hl7::check_encoding(m);
    result.diagnostics.insert(result.diagnostics.end(), encoding.begin(), encoding.end());
    auto plan = ssmix2::plan_storage(m);
    result.diagnostics.insert(result.diagnostics.end(), plan.diagnostics.begin(), plan.diagnostics.end());
    if (plan.value) {
        result.data_type = plan.value->name.data_type;
        auto rules = ssmix2::check_message_rules(m, *plan.value->row, ssmix2::ingest_severities);
        result.diagnostics.insert(result.diagnostics.end(), rules.begin(), rules.end());
    }

    // Errors so far (invalid bytes, a JIS run left open, no care date, a broken segment
    // structure ...) keep it out of the storage; warnings (an empty required field) do not.
    bool blocked = !plan.value;
    for (const auto& d : result.diagnostics) blocked = blocked || d.severity == Severity::error;
    if (blocked) {
        result.status = IngestStatus::rejected;
        keep_rejected(message, source, result);
        return checked;
    }
    checked.plan = std::move(*plan.value);
    return checked;
}

void IngestPipeline::finish(Checked& checked, ByteView message, const ssmix2::StoreOutcome* outcome, const std::string& failure) {
    IngestResult& result = checked.result;
    if (outcome) {
        try {
            // The transaction storage records what reached the standardized storage, once.
            if (transactions_ && !outcome->duplicate) transactions_->append(*checked.plan, message, local_timestamp_ms());
        } catch (const std::exception& e) {
            result.diagnostics.push_back(warning({result.stored_path, 0, ""}, "storage.transaction_failed", e.what()));
        }
        result.stored_path = outcome->path;
        result.renamed = outcome->renamed;
        result.status = outcome->duplicate ? IngestStatus::duplicate
                        : checked.plan->action == ssmix2::Action::cancel ? IngestStatus::cancelled
                                                                          : IngestStatus::stored;
        return;
    }
    result.diagnostics.push_back(error({checked.source, 0, ""}, "storage.write_failed", failure));
    result.status = IngestStatus::rejected;
    keep_rejected(message, checked.source, result);
}

std::vector<IngestResult> IngestPipeline::ingest_batch(const std::vector<Incoming>& batch) {
    struct Work {
        Checked checked;
        std::optional<ssmix2::StagedMessage> staged;
        std::optional<ssmix2::StoreOutcome> outcome;
        std::string failure;
    };
    std::vector<Work> work(batch.size());
    bool any_staged = false;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (batch[i].decided) {
            work[i].checked.result = *batch[i].decided;
            continue;
        }
        work[i].checked = check(batch[i].message, batch[i].source);
        if (!work[i].checked.plan) continue;
        try {
            work[i].staged = storage_.stage(*work[i].checked.plan, batch[i].message);
            any_staged = true;
        } catch (const std::exception& e) {
            work[i].failure = e.what();
        }
    }
    // One flush makes every staged file durable; the renames follow; a second flush makes the
    // renames durable. If a flush fails, no message of the batch counts as stored.
    std::string batch_failure;
    if (any_staged) {
        try {
            storage_.sync();
            for (auto& w : work) {
                if (!w.staged) continue;
                try {
                    w.outcome = storage_.commit(*w.staged);
                } catch (const std::exception& e) {
                    w.failure = e.what();
                }
            }
            storage_.sync();
        } catch (const std::exception& e) {
            batch_failure = e.what();
        }
    }
    std::vector<IngestResult> results;
    results.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        Work& w = work[i];
        if (w.checked.plan) {
            const std::string failure = !batch_failure.empty() ? batch_failure
                                        : w.outcome             ? std::string()
                                        : !w.failure.empty()    ? w.failure
                                                                : std::string("not stored");
            finish(w.checked, batch[i].message, failure.empty() ? &*w.outcome : nullptr, failure);
        }
        results.push_back(std::move(w.checked.result));
    }
    return results;
}

void IngestPipeline::keep_rejected(ByteView message, const std::string& source, IngestResult& result) {
    try {
        create_directories_durable(rejected_);
        const std::string stem = local_timestamp_ms() + "_" + safe_file_part(fs::path(source).filename().string());
        fs::path target = rejected_ / (stem + ".hl7");
        for (int n = 2; fs::exists(target); ++n) target = rejected_ / (stem + "_" + std::to_string(n) + ".hl7");
        std::string reason = "source: " + source + "\nresult: " + to_string(result.status) + "\n";
        for (const auto& d : result.diagnostics) reason += to_string(d) + "\n";
        write_file_atomic(target, message);
        write_file_atomic(fs::path(target).replace_extension(".reason.txt"), as_bytes(reason));
        result.rejected_copy = target;
    } catch (const std::exception& e) {
        result.diagnostics.push_back(error({source, 0, ""}, "storage.reject_failed",
                                           std::string("could not keep the message in the rejected folder: ") + e.what()));
    }
}

std::vector<ByteView> split_messages(ByteView bytes) {
    std::size_t first = 0;
    while (first < bytes.size() && (bytes[first] == '\r' || bytes[first] == '\n' || bytes[first] == ' ')) ++first;
    if (first >= bytes.size() || bytes[first] != 0x0B) return {bytes};
    std::vector<ByteView> messages;
    std::size_t at = first;
    while (at < bytes.size()) {
        if (bytes[at] != 0x0B) {
            ++at;
            continue;
        }
        std::size_t end = at + 1;
        while (end < bytes.size() && bytes[end] != 0x1C) ++end;
        messages.push_back(bytes.subspan(at + 1, end - at - 1));
        at = end + 1;
    }
    return messages;
}

}  // namespace ssmix::packager
