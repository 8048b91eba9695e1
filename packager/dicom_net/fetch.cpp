// packager/dicom_net/fetch.cpp
#include "packager/dicom_net/fetch.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "core/clinical/dates.h"
#include "packager/dicom_net/receiver.h"
#include "packager/support/console.h"

namespace ssmix::packager {
namespace {

std::string study_line(const StudyAnswer& s) {
    std::string modalities;
    for (const auto& m : s.modalities) modalities += (modalities.empty() ? "" : "/") + m;
    return clinical::display_date(s.date) + " " + modalities + " " + s.description + " (" + s.study_uid + ")";
}

// The storage SCP a C-MOVE sends to, running for the duration of the fetch; it records what it
// stored per study.
class MoveReceiver {
public:
    MoveReceiver(const FetchRequest& request, ReceivedStore& store) {
        ReceiverSettings settings;
        settings.ae_title = request.network.calling_ae;
        settings.port = request.port;
        settings.timeout_seconds = request.network.timeout_seconds;
        settings.store = &store;
        settings.on_event = [this](const ReceiverEvent& event) {
            if (event.kind != "instance" || !event.instance) return;
            const std::lock_guard lock(mutex_);
            stored_[event.instance->study_uid].push_back(*event.instance);
        };
        receiver_.emplace(std::move(settings));
        thread_ = std::thread([this] { ok_ = receiver_->run(problem_); });
    }
    ~MoveReceiver() {
        receiver_->stop();
        thread_.join();
    }
    std::vector<StoredInstance> take(const std::string& study_uid) {
        const std::lock_guard lock(mutex_);
        return std::move(stored_[study_uid]);
    }
    // False (with the reason) when the port could not be opened; only known once run returned.
    [[nodiscard]] std::string problem() const { return ok_ ? std::string() : problem_; }

private:
    std::optional<Receiver> receiver_;
    std::thread thread_;
    std::mutex mutex_;
    std::map<std::string, std::vector<StoredInstance>> stored_;
    std::string problem_;
    std::atomic<bool> ok_{true};
};

}  // namespace

bool FetchResult::complete() const {
    if (count_errors(diagnostics) > 0 || studies.empty()) return false;
    return std::all_of(studies.begin(), studies.end(), [](const FetchedStudy& s) { return s.missing.empty() && s.received >= s.expected; });
}

FetchResult fetch_studies(const FetchRequest& request, const std::function<void(const std::string&)>& report) {
    FetchResult result;
    PacsClient pacs(request.peer, request.network);
    auto found = pacs.find_studies(request.query);
    result.diagnostics = found.diagnostics;
    if (!found.value) return result;
    // Patient safety: only the patient asked for, whatever the PACS's matching let through.
    std::vector<StudyAnswer> studies;
    for (auto& study : *found.value) {
        if (study.patient_id == request.query.patient_id) {
            studies.push_back(std::move(study));
            continue;
        }
        result.diagnostics.push_back(warning({request.peer.text(), 0, "(0010,0020)"}, "dicom.fetch.other_patient",
                                             "the PACS answered with a study of patient \"" + study.patient_id + "\" (" + study.patient_name +
                                                 "), not " + request.query.patient_id + ": not retrieved"));
    }
    if (studies.empty()) {
        result.diagnostics.push_back(error({request.peer.text(), 0, ""}, "dicom.fetch.nothing_found",
                                           "no study of patient " + request.query.patient_id + " matches on " + request.peer.text()));
        return result;
    }

    // The PACS keeps its copies, so the instances are flushed once, at the end, before anything is
    // claimed (each one flushed before its answer would make a large study several times slower).
    ReceivedStore store(request.output, Durability::at_flush);
    std::optional<MoveReceiver> receiver;
    if (request.method == RetrieveMethod::move) receiver.emplace(request, store);

    for (std::size_t n = 0; n < studies.size(); ++n) {
        FetchedStudy fetched;
        fetched.study = studies[n];
        const StudyAnswer& study = fetched.study;
        const std::string label = "study " + std::to_string(n + 1) + "/" + std::to_string(studies.size()) + " " + study_line(study);
        auto listed = pacs.find_instances(study.patient_id, study.study_uid);
        result.diagnostics.insert(result.diagnostics.end(), listed.diagnostics.begin(), listed.diagnostics.end());
        std::set<std::string> expected, classes;
        if (listed.value)
            for (const auto& i : *listed.value) expected.insert(i.sop_instance_uid), classes.insert(i.sop_class_uid);
        fetched.expected = !expected.empty() ? static_cast<unsigned>(expected.size()) : study.instances.value_or(0);

        Progress progress("Retrieving " + label);
        const auto on_progress = [&](const RetrieveProgress& p) { progress.update(p.completed + p.failed + p.warning, p.completed + p.failed + p.warning + p.remaining); };
        RetrieveOutcome outcome = request.method == RetrieveMethod::get
                                      ? pacs.get(study.patient_id, study.study_uid, {classes.begin(), classes.end()}, store, on_progress)
                                      : pacs.move(study.patient_id, study.study_uid, request.network.calling_ae, on_progress);
        if (receiver) outcome.stored = receiver->take(study.study_uid);
        result.diagnostics.insert(result.diagnostics.end(), outcome.diagnostics.begin(), outcome.diagnostics.end());
        fetched.last = outcome.last;

        std::set<std::string> received;
        for (const auto& s : outcome.stored) {
            if (s.outcome == StoredInstance::Outcome::rejected) {
                result.diagnostics.push_back(error({request.peer.text(), 0, s.sop_instance_uid}, "dicom.fetch.rejected",
                                                   "an instance the PACS sent could not be kept (" + s.problem + "); it is in " + s.path));
                continue;
            }
            if (s.patient_id != request.query.patient_id) {
                result.diagnostics.push_back(error({request.peer.text(), 0, s.sop_instance_uid}, "dicom.fetch.wrong_patient",
                                                   "the PACS sent an instance of patient \"" + s.patient_id + "\" for study " + study.study_uid +
                                                       "; it is kept apart in " + s.path + " and not counted"));
                continue;
            }
            received.insert(s.sop_instance_uid);
        }
        for (const auto& uid : outcome.failed_instances)
            result.diagnostics.push_back(error({request.peer.text(), 0, uid}, "dicom.fetch.failed_instance", "the PACS could not send this instance"));
        if (outcome.last.warning > 0)
            result.diagnostics.push_back(warning({request.peer.text(), 0, study.study_uid}, "dicom.fetch.warnings",
                                                 std::to_string(outcome.last.warning) + " instance(s) sent with a warning status"));
        fetched.received = static_cast<unsigned>(received.size());
        for (const auto& uid : expected)
            if (!received.count(uid)) fetched.missing.push_back(uid);
        if (fetched.received < fetched.expected || !fetched.missing.empty())
            result.diagnostics.push_back(error({request.peer.text(), 0, study.study_uid}, "dicom.fetch.incomplete",
                                               "received " + std::to_string(fetched.received) + " of the " + std::to_string(fetched.expected) +
                                                   " instances the PACS listed for " + study_line(study)));
        report(label + ": " + std::to_string(fetched.received) + " of " + std::to_string(fetched.expected) + " instances");
        result.studies.push_back(std::move(fetched));
    }
    receiver.reset();   // lets the last associations finish
    try {
        store.flush();
    } catch (const std::exception& e) {
        result.diagnostics.push_back(error({request.output.string(), 0, ""}, "dicom.fetch.flush", std::string("cannot flush the studies to disk: ") + e.what()));
    }
    return result;
}

}  // namespace ssmix::packager
