// viewer-wasm/catalogue.cpp — keeps studies by date, series by number, instances by number
// then slice position, as radiologists expect to page through them.
#include "viewer-wasm/catalogue.h"

#include <algorithm>

namespace ssmix::viewer {

unsigned SeriesEntry::frame_count() const {
    unsigned total = 0;
    for (const auto& instance : instances) total += instance.frames;
    return total;
}

std::size_t Catalogue::patient_index(const dicom::Instance& instance) {
    if (const auto known = find_patient(instance.patient_id, instance.patient_name)) return *known;
    patients_.push_back({instance.patient_id, instance.patient_name, instance.patient_birth_date, instance.patient_sex});
    return patients_.size() - 1;
}

// Studies, series and images are each inserted at their place (after their equals), not
// sorted again after every file: a 1,000-slice series from the image index is listed at start.
std::vector<StudyEntry>::iterator Catalogue::study_for(const dicom::Instance& instance, std::size_t patient) {
    auto study = std::find_if(studies_.begin(), studies_.end(), [&](const StudyEntry& s) { return s.uid == instance.study_uid && s.patient == patient; });
    if (study != studies_.end()) return study;
    const StudyEntry added{instance.study_uid, instance.study_date, instance.study_description, patient, {}};
    return studies_.insert(std::upper_bound(studies_.begin(), studies_.end(), added,
                                            [](const StudyEntry& a, const StudyEntry& b) {
                                                return a.patient != b.patient ? a.patient < b.patient : a.date > b.date;
                                            }),
                           added);
}

void Catalogue::add(const std::string& path, const dicom::Instance& instance) {
    if (!instance.has_image()) return;
    // The same image may come twice: from the viewer data and from the picked disc folder.
    // (The same UID in another patient's file is not the same image: it is listed too.)
    if (!instance.sop_instance_uid.empty() &&
        !instances_seen_.insert(instance.sop_instance_uid + '\x1f' + instance.patient_id + '\x1f' + instance.patient_name).second)
        return;
    const std::size_t patient = patient_index(instance);
    auto study = study_for(instance, patient);
    // A series UID another patient's files already use (a copying error elsewhere) is listed
    // apart, so that no image is ever shown in a series under the other patient's name.
    std::string series_uid = instance.series_uid;
    if (const auto owner = patient_index_of_series(series_uid); owner && *owner != patient) series_uid += "~" + std::to_string(patient);
    auto series = std::find_if(study->series.begin(), study->series.end(), [&](const SeriesEntry& s) { return s.uid == series_uid; });
    if (series == study->series.end()) {
        const SeriesEntry added{series_uid, instance.modality, instance.series_description, instance.series_number, {}};
        series = study->series.insert(std::upper_bound(study->series.begin(), study->series.end(), added,
                                                       [](const SeriesEntry& a, const SeriesEntry& b) { return a.number < b.number; }),
                                      added);
    }
    const InstanceEntry entry{path, instance.sop_instance_uid, instance.instance_number, instance.slice_location, instance.frames, instance.transfer_syntax_uid,
                              instance.pixel_spacing_row, instance.pixel_spacing_column};
    const auto before = std::upper_bound(series->instances.begin(), series->instances.end(), entry,
                                         [](const InstanceEntry& a, const InstanceEntry& b) {
        if (a.instance_number != b.instance_number) return a.instance_number < b.instance_number;
        if (a.slice_location && b.slice_location && *a.slice_location != *b.slice_location) return *a.slice_location < *b.slice_location;
        return a.path < b.path;
    });
    series->instances.insert(before, entry);
}

const SeriesEntry* Catalogue::find_series(const std::string& uid) const {
    for (const auto& study : studies_)
        for (const auto& series : study.series)
            if (series.uid == uid) return &series;
    return nullptr;
}

std::optional<std::size_t> Catalogue::patient_index_of_series(const std::string& uid) const {
    for (const auto& study : studies_)
        for (const auto& series : study.series)
            if (series.uid == uid) return study.patient;
    return std::nullopt;
}

const PatientEntry* Catalogue::patient_of_series(const std::string& uid) const {
    const auto index = patient_index_of_series(uid);
    return index ? &patients_[*index] : nullptr;
}

std::optional<FrameLocation> Catalogue::locate(const std::string& series_uid, unsigned frame) const {
    const SeriesEntry* series = find_series(series_uid);
    if (!series) return std::nullopt;
    for (const auto& instance : series->instances) {
        if (frame < instance.frames)
            return FrameLocation{instance.path, frame, instance.transfer_syntax_uid, instance.slice_location, instance.spacing_row,
                                 instance.spacing_column};
        frame -= instance.frames;
    }
    return std::nullopt;
}

std::optional<std::size_t> Catalogue::find_patient(const std::string& id, const std::string& name) const {
    for (std::size_t i = 0; i < patients_.size(); ++i)
        if (patients_[i].id == id && patients_[i].name == name) return i;
    return std::nullopt;
}

std::optional<Catalogue::ImageAt> Catalogue::find_image(const std::string& sop_uid, std::size_t patient) const {
    for (const auto& study : studies_) {
        if (study.patient != patient) continue;
        for (const auto& series : study.series) {
            if (series.key_series) continue;
            unsigned frame = 0;
            for (const auto& instance : series.instances) {
                if (instance.sop_uid == sop_uid) return ImageAt{series.uid, frame};
                frame += instance.frames;
            }
        }
    }
    return std::nullopt;
}

void Catalogue::set_key_images(const std::vector<KeySelection>& selections) {
    for (auto& study : studies_) {
        std::erase_if(study.series, [](const SeriesEntry& s) { return s.key_series; });
        for (auto& series : study.series) series.key_images = 0;
    }
    for (const auto& selection : selections) {
        const auto patient = find_patient(selection.patient_id, selection.patient_name);
        if (!patient) continue;
        // Listed in the selection's own study, else in the study of its first image (a
        // selection may name images of other studies of the same patient, never of another).
        StudyEntry* home = nullptr;
        SeriesEntry keys{"key:" + selection.selection_uid, "KO", selection.title, -1, {}, 0, true};
        for (const auto& uid : selection.sop_uids)
            for (auto& study : studies_) {
                if (study.patient != *patient) continue;
                for (auto& series : study.series) {
                    if (series.key_series) continue;   // an earlier selection's
                    auto instance = std::find_if(series.instances.begin(), series.instances.end(), [&](const InstanceEntry& i) { return i.sop_uid == uid; });
                    if (instance == series.instances.end()) continue;
                    keys.instances.push_back(*instance);
                    ++series.key_images;
                    if (!home || study.uid == selection.study_uid) home = &study;
                }
            }
        keys.key_images = keys.instances.size();
        if (home) home->series.insert(home->series.begin(), std::move(keys));
    }
}

}  // namespace ssmix::viewer
