// packager/disc/disc_layout.cpp — deterministic numbering of patients, studies, series, images.
#include "packager/disc/disc_layout.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <tuple>

namespace ssmix::packager {
namespace {

std::string numbered(const char* prefix, std::size_t number) {
    char name[16];
    const int digits = 8 - static_cast<int>(std::char_traits<char>::length(prefix));
    std::snprintf(name, sizeof name, "%s%0*zu", prefix, digits, number);
    return name;
}

bool is_level1_character(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

std::vector<std::string> assign_dicom_paths(const std::vector<const dicom::Instance*>& instances) {
    std::vector<std::size_t> order(instances.size());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](std::size_t i) {
        const auto& x = *instances[i];
        return std::tie(x.patient_id, x.study_date, x.study_uid, x.series_number, x.series_uid, x.instance_number,
                        x.sop_instance_uid);
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

    std::map<std::string, std::string> patient_dirs, study_dirs, series_dirs;
    std::map<std::string, std::size_t> studies_in_patient, series_in_study, images_in_series;
    std::vector<std::string> paths(instances.size());
    for (std::size_t i : order) {
        const auto& x = *instances[i];
        auto& patient = patient_dirs[x.patient_id];
        if (patient.empty()) patient = "DICOM/" + numbered("P", patient_dirs.size());
        auto& study = study_dirs[x.study_uid];
        if (study.empty()) study = patient + "/" + numbered("ST", ++studies_in_patient[patient]);
        auto& series = series_dirs[x.series_uid];
        if (series.empty()) series = study + "/" + numbered("SE", ++series_in_study[study]);
        paths[i] = series + "/" + numbered("IM", ++images_in_series[series]);
    }
    return paths;
}

bool is_level1_path(std::string_view path) {
    if (path.empty()) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        const std::size_t dot = part.find('.');
        const std::string_view stem = part.substr(0, dot);
        const std::string_view extension = dot == std::string_view::npos ? std::string_view{} : part.substr(dot + 1);
        if (stem.empty() || stem.size() > 8 || extension.size() > 3) return false;
        if (dot != std::string_view::npos && extension.empty()) return false;
        if (!std::all_of(stem.begin(), stem.end(), is_level1_character)) return false;
        if (!std::all_of(extension.begin(), extension.end(), is_level1_character)) return false;
        start = end + 1;
    }
    return true;
}

}  // namespace ssmix::packager
