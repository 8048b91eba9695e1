// core/ssmix2/storage_check.cpp — path checks first (cheap), then content, then versions.
#include "core/ssmix2/storage_check.h"

#include <map>

#include "core/hl7/field.h"
#include "core/hl7/parse.h"
#include "core/hl7/timestamp.h"
#include "core/ssmix2/classify.h"
#include "core/ssmix2/message_rules.h"
#include "core/ssmix2/naming.h"
#include "core/ssmix2/plan.h"

namespace ssmix::ssmix2 {
namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto slash = path.find('/', start);
        parts.push_back(path.substr(start, slash - start));
        if (slash == std::string::npos) return parts;
        start = slash + 1;
    }
}

bool is_date8(const std::string& text) {
    const auto t = hl7::parse_timestamp(text);
    return text.size() == 8 && t && t->has_date();
}

// The file name's timestamp, YYYYMMDDHHMMSSFFF (research §1.3 #5): at least a real date and
// time to the second in digits. (Its length alone is checked separately, as a warning.)
bool is_real_timestamp(const std::string& digits) {
    if (digits.size() < 14) return false;
    for (char c : digits)
        if (c < '0' || c > '9') return false;
    const auto t = hl7::parse_timestamp(digits.substr(0, 14));
    // The 24-47 o'clock quirk (research §1.8) belongs to message fields, not to the name.
    return t && t->has_date() && !t->hour_past_midnight;
}

bool is_hidden(const std::vector<std::string>& parts) {
    for (const auto& part : parts)
        if (part.starts_with(".")) return true;
    return false;
}

class Checker {
public:
    Checker(FileSource& storage, const std::string& root) : storage_(storage), root_(root) {}

    StorageCheck run() {
        for (const auto& entry : storage_.list()) check_file(entry.path);
        check_versions();
        return std::move(result_);
    }

private:
    std::string display(const std::string& path) const { return root_.empty() ? path : root_ + "/" + path; }

    void add(const std::string& path, std::uint32_t line, std::string where, std::string code, std::string message,
             Severity severity = Severity::error) {
        result_.findings.push_back({severity, {display(path), line, std::move(where)}, std::move(code), std::move(message)});
    }

    void check_file(const std::string& path) {
        const auto parts = split_path(path);
        const std::string& file = parts.back();
        // Every file in the storage is a message named as research §1.3 says; a hidden file (or
        // one in a hidden folder) is not, and ours (.staged-*.tmp) mean a write never finished.
        if (is_hidden(parts)) {
            add(path, 0, "", "check.file.hidden",
                "hidden or temporary file inside the storage (left by an interrupted write?); it is not an SS-MIX2 message file");
            return;
        }
        ++result_.files;
        if (parts.size() != 6) {
            add(path, 0, "", "check.path.depth",
                "file is " + std::to_string(parts.size() - 1) +
                    " folders deep; SS-MIX2 puts messages at <ID[0:3]>/<ID[3:6]>/<ID>/<date>/<type>/");
            return;
        }
        const auto name = parse_file_name(file);
        if (!name) {
            add(path, 0, "", "check.name.invalid",
                "file name is not <ID>_<date>_<type>_<order no>_<timestamp>_<department>_<flag 0|1|2>");
            return;
        }
        check_path_against_name(path, parts, *name);
        check_content(path, *name);
        // Versions of a record live in one folder; a misplaced copy was reported above.
        versions_[path.substr(0, path.rfind('/')) + "/" + name->record_key()].push_back({path, *name});
    }

    void check_path_against_name(const std::string& path, const std::vector<std::string>& parts, const FileName& name) {
        const std::string expected_hash = hash_folders(parts[2]);
        if (parts[0] + "/" + parts[1] != expected_hash)
            add(path, 0, "", "check.path.hash_folders",
                "folders " + parts[0] + "/" + parts[1] + " do not match patient folder " + parts[2] + " (expected " + expected_hash + ")");
        if (name.patient_id != parts[2])
            add(path, 0, "", "check.name.patient", "patient ID in the file name (" + name.patient_id + ") is not the folder's (" + parts[2] + ")");
        if (name.care_date != parts[3])
            add(path, 0, "", "check.name.care_date", "care date in the file name (" + name.care_date + ") is not the folder's (" + parts[3] + ")");
        if (name.data_type != parts[4])
            add(path, 0, "", "check.name.data_type", "data type in the file name (" + name.data_type + ") is not the folder's (" + parts[4] + ")");
        if (parts[3] != no_date && !is_date8(parts[3]))
            add(path, 0, "", "check.path.care_date", "date folder \"" + parts[3] + "\" is neither YYYYMMDD nor \"-\"");
        if (!is_data_type_code(parts[4])) {
            add(path, 0, "", "check.path.data_type", "\"" + parts[4] + "\" is not an SS-MIX2 data type");
        } else if (is_dateless(parts[4]) != (parts[3] == no_date)) {
            add(path, 0, "", "check.path.care_date",
                parts[4] + (is_dateless(parts[4]) ? " has no care date and belongs under \"-\"" : " needs a care date folder, not \"-\""));
        }
        // Real storages write 15 digits too (NHO samples, research §1.3), so only the length is
        // a warning; a month 13 or a 30 February is no timestamp at all.
        if (!is_real_timestamp(name.timestamp))
            add(path, 0, "", "check.name.timestamp",
                "timestamp \"" + name.timestamp + "\" is not a date and time (YYYYMMDDHHMMSSFFF)");
        else if (name.timestamp.size() != 17)
            add(path, 0, "", "check.name.timestamp", "timestamp \"" + name.timestamp + "\" is not 17 digits (YYYYMMDDHHMMSSFFF)",
                Severity::warning);
    }

    void check_content(const std::string& path, const FileName& name) {
        FileRead read = storage_.read(path);
        if (read.status != ReadStatus::ready) {
            add(path, 0, "", "check.file.unreadable", read.diagnostics.empty() ? "cannot read the file" : read.diagnostics[0].message);
            return;
        }
        auto parsed = hl7::parse_message(read.bytes, display(path));
        result_.findings.insert(result_.findings.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
        if (!parsed.value) return;
        const hl7::Message& m = *parsed.value;
        // The decoder reads half-width kana, CP932 extras, ESC ( J and ESC $ @ with a warning so
        // that ingest keeps the hospital's text; the guideline allows none of them (research
        // §2.1: ASCII and JIS X 0208 only), so the validator reports each as an error.
        for (auto& d : hl7::check_encoding(m)) {
            d.severity = Severity::error;
            result_.findings.push_back(std::move(d));
        }

        auto classified = classify(m);
        result_.findings.insert(result_.findings.end(), classified.diagnostics.begin(), classified.diagnostics.end());
        if (!classified.value) return;
        const DataTypeRow& row = **classified.value;
        if (row.code != name.data_type)
            add(path, 1, "MSH-9", "check.content.data_type",
                "the message is " + std::string(row.code) + " (" + m.message_type() + ") but is stored as " + name.data_type);
        const std::string patient = m.field("PID", 3).component(1).text();
        if (patient != name.patient_id)
            add(path, m.segment("PID") ? m.segment("PID")->number : 0, "PID-3", "check.content.patient",
                "PID-3 is \"" + patient + "\" but the file is stored for patient " + name.patient_id);
        auto date = care_date(m, row);
        if (date.value && *date.value != name.care_date)
            add(path, 0, std::string(row.care_date_field), "check.content.care_date",
                std::string(row.care_date_field) + " gives care date " + *date.value + " but the file is stored under " + name.care_date);
        for (auto& d : date.diagnostics) result_.findings.push_back(d);
        auto rules = check_message_rules(m, row, check_severities);
        result_.findings.insert(result_.findings.end(), rules.begin(), rules.end());
    }

    void check_versions() {
        for (const auto& [folder_and_key, files] : versions_) {
            std::size_t current = 0;
            for (const auto& f : files) current += f.second.flag == Flag::current;
            if (current > 1)
                for (const auto& f : files)
                    if (f.second.flag == Flag::current)
                        add(f.first, 0, "", "check.versions.several_current",
                            std::to_string(current) + " current (flag 1) versions of record " + f.second.record_key() +
                                "; older ones should be flag 2");
        }
    }

    FileSource& storage_;
    std::string root_;
    StorageCheck result_;
    std::map<std::string, std::vector<std::pair<std::string, FileName>>> versions_;
};

}  // namespace

StorageCheck check_storage(FileSource& storage, const std::string& display_root) { return Checker(storage, display_root).run(); }

}  // namespace ssmix::ssmix2
