// viewer-wasm/catalogue.cpp — keeps studies by date, series by number, instances by number
// then slice position, as radiologists expect to page through them.
#include "viewer-wasm/catalogue.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace ssmix::viewer {

Parsed<std::vector<DeferredSeries>> parse_deferred_series(std::string_view json, const std::string& file) {
    Parsed<std::vector<DeferredSeries>> result;
    const auto root = nlohmann::json::parse(json, nullptr, false);
    auto refuse = [&](std::string where, std::string message) {
        result.diagnostics.push_back(error({file, 0, std::move(where)}, "bundle.images", std::move(message)));
        return result;
    };
    if (!root.is_array()) return refuse("images", "the deferred series are not a list");
    std::vector<DeferredSeries> list;
    for (std::size_t i = 0; i < root.size(); ++i) {
        const auto& item = root[i];
        const std::string where = "images (deferred " + std::to_string(i) + ")";
        if (!item.is_object() || !item.value("group", nlohmann::json()).is_number_unsigned() ||
            !item.value("images", nlohmann::json()).is_number_unsigned() || !item.value("frames", nlohmann::json()).is_number_unsigned() ||
            !item.contains("first"))
            return refuse(where, "needs a group, a count of images and frames and a first image");
        auto first = dicom::parse_instance_index(item["first"].dump(), file);
        if (!first.value || first.value->size() != 1) return refuse(where, "its first image is not one image index entry");
        list.push_back({std::move(first.value->front()), item["images"].get<std::size_t>(), item["frames"].get<unsigned>(),
                        item["group"].get<int>()});
    }
    result.value = std::move(list);
    return result;
}

unsigned SeriesEntry::frame_count() const {
    unsigned total = deferred_frames;
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
    // A picked folder's copy of an indexed image is known by its UID only once its series is read.
    if (deferred_count_ > 0)
        for (auto& study : studies_)
            for (auto& series : study.series)
                if (series.uid.substr(0, series.uid.find('~')) == instance.series_uid) read_deferred(series);
    // The same image may come twice: from the viewer data and from the picked disc folder.
    // (The same UID in another patient's file is not the same image: it is listed too.)
    if (!instance.sop_instance_uid.empty() &&
        !instances_seen_.insert(instance.sop_instance_uid + '\x1f' + instance.patient_id + '\x1f' + instance.patient_name).second)
        return;
    insert_instance(series_for(instance, patient_index(instance)), path, instance);
}

SeriesEntry& Catalogue::series_for(const dicom::Instance& instance, std::size_t patient) {
    auto study = study_for(instance, patient);
    // A series UID another patient's files already use (a copying error elsewhere) is listed
    // apart, so that no image is ever shown in a series under the other patient's name.
    std::string series_uid = instance.series_uid;
    if (const auto owner = patient_index_of_series(series_uid); owner && *owner != patient) series_uid += "~" + std::to_string(patient);
    auto series = std::find_if(study->series.begin(), study->series.end(), [&](const SeriesEntry& s) { return s.uid == series_uid; });
    if (series == study->series.end()) {
        SeriesEntry added;
        added.uid = series_uid, added.modality = instance.modality, added.description = instance.series_description;
        added.number = instance.series_number;
        added.frame_of_reference = instance.frame_of_reference_uid;
        series = study->series.insert(std::upper_bound(study->series.begin(), study->series.end(), added,
                                                       [](const SeriesEntry& a, const SeriesEntry& b) { return a.number < b.number; }),
                                      added);
    }
    return *series;
}

void Catalogue::insert_instance(SeriesEntry& series, const std::string& path, const dicom::Instance& instance) {
    const InstanceEntry entry{path, instance.sop_instance_uid, instance.instance_number, instance.slice_location, instance.frames, instance.transfer_syntax_uid,
                              instance.pixel_spacing_row, instance.pixel_spacing_column, instance.image_position,
                              instance.image_orientation, instance.rows, instance.columns};
    const auto before = std::upper_bound(series.instances.begin(), series.instances.end(), entry,
                                         [](const InstanceEntry& a, const InstanceEntry& b) {
        if (a.instance_number != b.instance_number) return a.instance_number < b.instance_number;
        if (a.slice_location && b.slice_location && *a.slice_location != *b.slice_location) return *a.slice_location < *b.slice_location;
        return a.path < b.path;
    });
    series.instances.insert(before, entry);
}

void Catalogue::add_deferred(const DeferredSeries& deferred) {
    const dicom::Instance& instance = deferred.first.instance;
    if (!instance.has_image() || deferred.images == 0) return;
    SeriesEntry& series = series_for(instance, patient_index(instance));
    if (series.deferred_groups.empty()) ++deferred_count_, series.deferred_first_path = deferred.first.path;
    series.deferred_groups.push_back(deferred.group);
    series.deferred_frames += deferred.frames;
}

void Catalogue::read_deferred(SeriesEntry& series) const {
    if (series.deferred_groups.empty()) return;
    auto& self = const_cast<Catalogue&>(*this);   // see the header
    const auto groups = std::move(series.deferred_groups);
    series.deferred_groups.clear();
    series.deferred_frames = 0;
    --self.deferred_count_;
    for (const int group : groups) {
        const auto entries = read_group_ ? read_group_(group) : std::vector<dicom::IndexedInstance>{};
        for (const auto& entry : entries) {
            const dicom::Instance& instance = entry.instance;
            // The page hands back the group it listed; an image that does not belong here is not taken.
            if (!instance.has_image() || instance.series_uid != series.uid.substr(0, series.uid.find('~'))) continue;
            if (!instance.sop_instance_uid.empty() &&
                !self.instances_seen_.insert(instance.sop_instance_uid + '\x1f' + instance.patient_id + '\x1f' + instance.patient_name).second)
                continue;
            self.insert_instance(series, entry.path, instance);
        }
    }
}

void Catalogue::read_all_deferred() const {
    if (deferred_count_ == 0) return;
    for (const auto& study : studies_)
        for (const auto& series : study.series) read_deferred(const_cast<SeriesEntry&>(series));
}

const SeriesEntry* Catalogue::find_series(const std::string& uid) const {
    for (const auto& study : studies_)
        for (const auto& series : study.series)
            if (series.uid == uid) {
                read_deferred(const_cast<SeriesEntry&>(series));
                return &series;
            }
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

const InstanceEntry* instance_of_frame(const SeriesEntry& series, unsigned frame, unsigned* frame_in_file) {
    for (const auto& instance : series.instances) {
        if (frame < instance.frames) {
            if (frame_in_file) *frame_in_file = frame;
            return &instance;
        }
        frame -= instance.frames;
    }
    return nullptr;
}

std::optional<FrameLocation> Catalogue::locate(const std::string& series_uid, unsigned frame) const {
    const SeriesEntry* series = find_series(series_uid);
    unsigned in_file = 0;
    const InstanceEntry* instance = series ? instance_of_frame(*series, frame, &in_file) : nullptr;
    if (!instance) return std::nullopt;
    return FrameLocation{instance->path, in_file, instance->transfer_syntax_uid, instance->slice_location, instance->spacing_row,
                         instance->spacing_column};
}

std::optional<std::size_t> Catalogue::find_patient(const std::string& id, const std::string& name) const {
    for (std::size_t i = 0; i < patients_.size(); ++i)
        if (patients_[i].id == id && patients_[i].name == name) return i;
    return std::nullopt;
}

std::optional<Catalogue::ImageAt> Catalogue::find_image(const std::string& sop_uid, std::size_t patient) const {
    read_all_deferred();
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
    if (!selections.empty()) read_all_deferred();
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
        SeriesEntry keys;
        keys.uid = "key:" + selection.selection_uid, keys.modality = "KO", keys.description = selection.title;
        keys.number = -1, keys.key_series = true;
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
