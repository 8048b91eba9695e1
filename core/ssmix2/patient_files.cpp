// core/ssmix2/patient_files.cpp — a prefix match on <hash>/<ID>/, then the file names decide.
#include "core/ssmix2/patient_files.h"

#include <algorithm>
#include <tuple>

namespace ssmix::ssmix2 {

std::vector<PatientFile> patient_files(const FileSource& storage, const std::string& patient_id, const PatientFileOptions& options) {
    std::vector<PatientFile> found;
    if (!is_safe_patient_id(patient_id)) return found;
    const std::string folder = options.prefix + hash_folders(patient_id) + "/" + patient_id + "/";
    for (const auto& entry : storage.list()) {
        if (!entry.path.starts_with(folder)) continue;
        const auto name = parse_file_name(entry.path.substr(entry.path.rfind('/') + 1));
        if (!name || name->patient_id != patient_id) continue;
        const bool wanted = name->flag == Flag::current || (options.include_history && name->flag == Flag::superseded);
        const bool dated = name->care_date != no_date;
        const bool in_period = !dated || ((options.from.empty() || name->care_date >= options.from) &&
                                          (options.to.empty() || name->care_date <= options.to));
        if (wanted && in_period) found.push_back({entry.path, *name});
    }
    std::sort(found.begin(), found.end(), [](const PatientFile& a, const PatientFile& b) {
        return std::tie(a.name.care_date, a.name.timestamp, a.path) < std::tie(b.name.care_date, b.name.timestamp, b.path);
    });
    return found;
}

}  // namespace ssmix::ssmix2
