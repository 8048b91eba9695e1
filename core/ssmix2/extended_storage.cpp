// core/ssmix2/extended_storage.cpp
#include "core/ssmix2/extended_storage.h"

#include <algorithm>
#include <random>
#include <stdexcept>

#include "core/base/durable_file.h"
#include "core/base/local_time.h"

namespace ssmix::ssmix2 {
namespace fs = std::filesystem;
namespace {

std::string folder_part(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || c == '_' || c == '/' || c == '\\' || c == '^' || u == 0x7f) ? '-' : c;
    }
    return out;
}

FileName content_name(const StoredDocument& d, std::string timestamp, Flag flag) {
    return FileName{d.patient_id, d.care_date, d.type.folder_name(), d.key, std::move(timestamp), d.department, flag};
}

void check(const StoredDocument& d) {
    if (!is_safe_patient_id(d.patient_id)) throw std::invalid_argument("patient ID '" + d.patient_id + "' cannot name a storage folder");
    if (!is_safe_name_part(d.key) || d.key.size() > 22) throw std::invalid_argument("specific key '" + d.key + "' is not 1-22 of A-Z a-z 0-9 -");
    if (d.care_date != no_date && (d.care_date.size() != 8 || d.care_date.find_first_not_of("0123456789") != std::string::npos))
        throw std::invalid_argument("care date '" + d.care_date + "' is not YYYYMMDD or -");
}

std::string storage_relative(const fs::path& root, const fs::path& path) { return path.lexically_relative(root).generic_string(); }

std::vector<std::string> rename_flags(const fs::path& root, const std::vector<fs::path>& versions, Flag from_1, bool also_2) {
    std::vector<std::string> renamed;
    for (const auto& folder : versions) {
        auto name = parse_file_name(folder.filename().string());
        if (!name || (name->flag != Flag::current && !(also_2 && name->flag == Flag::superseded))) continue;
        name->flag = from_1;
        const fs::path target = folder.parent_path() / name->str();
        fs::rename(folder, target);
        sync_directory(folder.parent_path());
        renamed.push_back(storage_relative(root, folder) + " -> " + storage_relative(root, target));
    }
    return renamed;
}

}  // namespace

std::string DocumentType::folder_name() const {
    return folder_part(local_code) + "^" + folder_part(local_name) + "^" + folder_part(local_system) + "^" + folder_part(standard_code) +
           "^" + folder_part(standard_name) + "^" + folder_part(standard_system);
}

ExtendedStorage::ExtendedStorage(fs::path root) : root_(std::move(root)) {}

std::vector<fs::path> document_versions(const fs::path& root, const StoredDocument& d) {
    std::vector<std::pair<std::string, fs::path>> found;
    const fs::path patient = root / hash_folders(d.patient_id) / d.patient_id;
    const std::string type = d.type.folder_name();
    std::error_code ec;
    for (const auto& date : fs::directory_iterator(patient, ec)) {
        for (const auto& entry : fs::directory_iterator(date.path() / type, ec)) {
            const auto name = parse_file_name(entry.path().filename().string());
            if (name && entry.is_directory() && name->patient_id == d.patient_id && name->order_number == d.key)
                found.emplace_back(name->timestamp, entry.path());
        }
    }
    std::sort(found.begin(), found.end());
    std::vector<fs::path> paths;
    for (auto& [time, path] : found) paths.push_back(std::move(path));
    return paths;
}

std::vector<fs::path> current_documents(const fs::path& root, const std::string& patient_id, const std::string& from, const std::string& to) {
    std::vector<fs::path> found;
    if (!is_safe_patient_id(patient_id)) return found;
    std::error_code ec;
    for (const auto& date : fs::directory_iterator(root / hash_folders(patient_id) / patient_id, ec)) {
        const std::string day = date.path().filename().string();
        if (day != no_date && ((!from.empty() && day < from) || (!to.empty() && day > to))) continue;
        for (const auto& type : fs::directory_iterator(date.path(), ec)) {
            for (const auto& content : fs::directory_iterator(type.path(), ec)) {
                const auto name = parse_file_name(content.path().filename().string());
                if (!name || name->flag != Flag::current || name->patient_id != patient_id || !content.is_directory()) continue;
                for (const auto& file : fs::directory_iterator(content.path(), ec))
                    if (file.path().filename().string().rfind("main_document", 0) == 0) found.push_back(file.path());
            }
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

DocumentOutcome ExtendedStorage::store(const StoredDocument& d, const std::string& main_file_name, ByteView bytes) {
    check(d);
    const fs::path patient = root_ / hash_folders(d.patient_id) / d.patient_id;
    create_directories_durable(patient);
    DirectoryLock lock(patient);
    const auto versions = document_versions(root_, d);
    for (const auto& folder : versions) {
        const auto name = parse_file_name(folder.filename().string());
        if (name->flag != Flag::current) continue;
        std::error_code ec;
        const fs::path current = folder / main_file_name;
        if (fs::file_size(current, ec) == bytes.size() && !ec && read_file(current) == Bytes(bytes.begin(), bytes.end()))
            return {true, storage_relative(root_, current), {}};
    }

    std::string timestamp = local_timestamp_ms();
    for (const auto& folder : versions)   // a later timestamp than any earlier version's
        if (const auto name = parse_file_name(folder.filename().string()); name->timestamp >= timestamp) timestamp = next_millisecond(name->timestamp);
    const FileName name = content_name(d, timestamp, Flag::current);
    const fs::path type_folder = root_ / name.folder();
    create_directories_durable(type_folder);
    static thread_local std::mt19937_64 random{std::random_device{}()};
    const fs::path staging = type_folder / (".staged-" + std::to_string(random()));
    const fs::path final_folder = type_folder / name.str();
    try {
        fs::create_directory(staging);
        write_file_atomic(staging / main_file_name, bytes);
        sync_directory(staging);
        fs::rename(staging, final_folder);
        sync_directory(type_folder);
    } catch (...) {
        std::error_code ec;
        fs::remove_all(staging, ec);
        throw;
    }
    DocumentOutcome outcome{false, storage_relative(root_, final_folder / main_file_name), {}};
    std::vector<fs::path> older;
    for (const auto& folder : versions)
        if (folder != final_folder) older.push_back(folder);
    outcome.renamed = rename_flags(root_, older, Flag::superseded, false);
    return outcome;
}

std::vector<std::string> ExtendedStorage::remove(const StoredDocument& d) {
    check(d);
    const fs::path patient = root_ / hash_folders(d.patient_id) / d.patient_id;
    if (!fs::exists(patient)) return {};
    DirectoryLock lock(patient);
    return rename_flags(root_, document_versions(root_, d), Flag::deleted, true);
}

}  // namespace ssmix::ssmix2
