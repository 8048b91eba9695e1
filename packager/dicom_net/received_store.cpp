// packager/dicom_net/received_store.cpp — core/dicom writes the Part 10 bytes (a fresh meta
// header for the transfer syntax the dataset came in), core/base's write_file_atomic makes them
// durable.
#include "packager/dicom_net/received_store.h"

#include <cstdio>

#include "core/base/durable_file.h"
#include "core/base/local_time.h"
#include "core/dicom/disc_encoding.h"
#include "core/dicom/instance.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

const char* to_string(StoredInstance::Outcome outcome) {
    switch (outcome) {
        case StoredInstance::Outcome::stored: return "stored";
        case StoredInstance::Outcome::duplicate: return "duplicate";
        case StoredInstance::Outcome::rejected: return "rejected";
    }
    return "?";
}

std::string safe_folder_name(const std::string& patient_id) {
    if (patient_id.empty()) return "UNKNOWN";
    std::string out;
    for (const unsigned char c : patient_id) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

bool is_uid(const std::string& text) {
    if (text.empty() || text.size() > 64) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = std::min(text.find('.', start), text.size());
        const std::string_view part(text.data() + start, end - start);
        if (part.empty() || part.find_first_not_of("0123456789") != std::string_view::npos || (part.size() > 1 && part[0] == '0'))
            return false;
        if (end == text.size()) return true;
        start = end + 1;
    }
}

ReceivedStore::ReceivedStore(fs::path root, Durability durability, fs::path rejected)
    : root_(std::move(root)), rejected_(rejected.empty() ? root_.parent_path() / "rejected" : std::move(rejected)), durability_(durability) {
    create_directories_durable(root_);
}

StoredInstance ReceivedStore::store(dicom::Dataset& dataset, const std::string& affected_sop_class, const std::string& affected_sop_instance) {
    StoredInstance result;
    auto reject = [&](std::uint16_t status, std::string problem) {
        result.status = status;
        result.problem = std::move(problem);
        keep_rejected(dataset, result);
        return result;
    };
    auto described = dicom::describe(dataset);
    if (!described.value) return reject(store_cannot_understand, "no SOP Instance UID (0008,0018) in the dataset");
    const dicom::Instance& x = *described.value;
    result.patient_id = x.patient_id;
    result.study_uid = x.study_uid;
    result.series_uid = x.series_uid;
    result.sop_class_uid = x.sop_class_uid;
    result.sop_instance_uid = x.sop_instance_uid;
    result.transfer_syntax_uid = x.transfer_syntax_uid;
    if (!affected_sop_instance.empty() && affected_sop_instance != x.sop_instance_uid)
        return reject(store_does_not_match, "the dataset's SOP Instance UID " + x.sop_instance_uid + " is not the command's " + affected_sop_instance);
    if (!affected_sop_class.empty() && affected_sop_class != x.sop_class_uid)
        return reject(store_does_not_match, "the dataset's SOP Class UID " + x.sop_class_uid + " is not the command's " + affected_sop_class);
    for (const auto& [uid, tag] : {std::pair{x.sop_instance_uid, "SOP Instance UID (0008,0018)"}, std::pair{x.study_uid, "Study Instance UID (0020,000D)"},
                                   std::pair{x.series_uid, "Series Instance UID (0020,000E)"}})
        if (!is_uid(uid)) return reject(store_cannot_understand, std::string(tag) + " \"" + uid + "\" is not a valid UID");

    const fs::path relative = fs::path(safe_folder_name(x.patient_id)) / x.study_uid / x.series_uid / (x.sop_instance_uid + ".dcm");
    const fs::path target = root_ / relative;
    result.path = relative.generic_string();
    const bool deferred = durability_ == Durability::at_flush;
    {
        const std::lock_guard lock(mutex_);
        if (fs::exists(target) || pending_.count(target)) {
            result.outcome = StoredInstance::Outcome::duplicate;
            result.status = store_success;
            return result;
        }
    }
    auto bytes = dicom::write_part10(dataset, true);
    if (!bytes.value) return reject(store_cannot_understand, bytes.diagnostics.front().message);
    try {
        if (deferred) {
            fs::create_directories(target.parent_path());
            const fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".partial");
            write_file(temporary, *bytes.value);
            const std::lock_guard lock(mutex_);
            pending_[target] = temporary;
        } else {
            create_directories_durable(target.parent_path());
            write_file_atomic(target, *bytes.value);
        }
    } catch (const std::exception& e) {
        result.status = store_out_of_resources;
        result.problem = std::string("cannot write the file: ") + e.what();
        return result;
    }
    result.outcome = StoredInstance::Outcome::stored;
    result.status = store_success;
    return result;
}

void ReceivedStore::flush() {
    const std::lock_guard lock(mutex_);
    if (pending_.empty()) return;
    sync_file_system(root_);   // the data of every temporary file
    for (const auto& [target, temporary] : pending_) fs::rename(temporary, target);
    sync_file_system(root_);   // and now their names
    pending_.clear();
}

// The dataset as it came, and why it was refused; a dataset that cannot even be written is
// named in the reason file only.
void ReceivedStore::keep_rejected(dicom::Dataset& dataset, StoredInstance& result) {
    result.outcome = StoredInstance::Outcome::rejected;
    try {
        create_directories_durable(rejected_);
        const std::string uid = is_uid(result.sop_instance_uid) ? result.sop_instance_uid : "unknown";
        const fs::path stem = rejected_ / (local_timestamp_ms() + "_" + uid);
        auto bytes = dicom::write_part10(dataset, true);
        if (bytes.value) write_file_atomic(fs::path(stem.string() + ".dcm"), *bytes.value);
        const std::string reason = result.problem + "\n";
        write_file_atomic(fs::path(stem.string() + ".reason.txt"), as_bytes(reason));
        result.path = fs::relative(fs::path(stem.string() + ".dcm"), root_.parent_path()).generic_string();
    } catch (const std::exception& e) {
        result.problem += std::string(" (and it could not be kept: ") + e.what() + ")";
    }
}

}  // namespace ssmix::packager
