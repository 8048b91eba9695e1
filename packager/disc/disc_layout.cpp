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

}  // namespace ssmix::packager
