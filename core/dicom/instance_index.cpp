// core/dicom/instance_index.cpp — nlohmann/json; short keys, since a 1,000-slice CT has 1,000
// entries in a file the browser loads before anything else. Empty and absent values are left out.
#include "core/dicom/instance_index.h"

#include <type_traits>

#include <nlohmann/json.hpp>

namespace ssmix::dicom {
namespace {

using Json = nlohmann::json;

// One table for both directions: key, and the member it holds.
template <class Visit>
void each_text(Instance& x, Visit visit) {
    visit("sopClass", x.sop_class_uid);
    visit("sop", x.sop_instance_uid);
    visit("study", x.study_uid);
    visit("series", x.series_uid);
    visit("syntax", x.transfer_syntax_uid);
    visit("syntaxName", x.transfer_syntax_name);
    visit("patientId", x.patient_id);
    visit("patientName", x.patient_name);
    visit("birthDate", x.patient_birth_date);
    visit("sex", x.patient_sex);
    visit("studyDate", x.study_date);
    visit("studyTime", x.study_time);
    visit("studyDescription", x.study_description);
    visit("accession", x.accession_number);
    visit("seriesDescription", x.series_description);
    visit("modality", x.modality);
    visit("charset", x.specific_character_set);
    visit("photometric", x.photometric_interpretation);
}

template <class Visit>
void each_number(Instance& x, Visit visit) {
    visit("seriesNumber", x.series_number);
    visit("instanceNumber", x.instance_number);
    visit("rows", x.rows);
    visit("columns", x.columns);
    visit("frames", x.frames);
    visit("bitsAllocated", x.bits_allocated);
    visit("bitsStored", x.bits_stored);
    visit("samples", x.samples_per_pixel);
}

template <class Visit>
void each_optional(Instance& x, Visit visit) {
    visit("sliceLocation", x.slice_location);
    visit("spacingRow", x.pixel_spacing_row);
    visit("spacingColumn", x.pixel_spacing_column);
}

}  // namespace

std::string instance_index_json(const std::vector<IndexedInstance>& instances) {
    Json out = Json::array();
    for (const auto& entry : instances) {
        Instance x = entry.instance;
        Json j = {{"path", entry.path}};
        each_text(x, [&](const char* key, const std::string& value) { if (!value.empty()) j[key] = value; });
        each_number(x, [&](const char* key, auto value) { if (value != 0) j[key] = value; });
        each_optional(x, [&](const char* key, const std::optional<double>& value) { if (value) j[key] = *value; });
        out.push_back(std::move(j));
    }
    return out.dump();
}

Parsed<std::vector<IndexedInstance>> parse_instance_index(std::string_view json, const std::string& file) {
    Parsed<std::vector<IndexedInstance>> result;
    const Json root = Json::parse(json, nullptr, false);
    if (!root.is_array()) {
        result.diagnostics.push_back(error({file, 0, "images"}, "bundle.images", "the image index is not a JSON array"));
        return result;
    }
    std::vector<IndexedInstance> entries;
    for (std::size_t i = 0; i < root.size(); ++i) {
        const Json& j = root[i];
        const std::string where = "images[" + std::to_string(i) + "]";
        if (!j.is_object() || !j.contains("path") || !j["path"].is_string() || !j.contains("sop")) {
            result.diagnostics.push_back(error({file, 0, where}, "bundle.images", "an image entry needs a path and a SOP Instance UID"));
            return result;
        }
        IndexedInstance entry{j["path"].get<std::string>(), {}};
        bool well_typed = true;
        each_text(entry.instance, [&](const char* key, std::string& value) {
            if (!j.contains(key)) return;
            if (j[key].is_string()) value = j[key].get<std::string>();
            else well_typed = false;
        });
        each_number(entry.instance, [&](const char* key, auto& value) {
            using Number = std::remove_reference_t<decltype(value)>;
            if (!j.contains(key)) return;
            const bool fits = j[key].is_number_integer() && (std::is_signed_v<Number> || j[key].get<long long>() >= 0);
            if (fits) value = j[key].get<Number>();
            else well_typed = false;
        });
        each_optional(entry.instance, [&](const char* key, std::optional<double>& value) {
            if (!j.contains(key)) return;
            if (j[key].is_number()) value = j[key].get<double>();
            else well_typed = false;
        });
        if (!well_typed) {
            result.diagnostics.push_back(error({file, 0, where}, "bundle.images", "a value of the wrong kind in " + entry.path));
            return result;
        }
        if (entry.path.empty() || entry.instance.sop_instance_uid.empty()) {   // the writer never leaves them out
            result.diagnostics.push_back(error({file, 0, where}, "bundle.images", "an image entry needs a path and a SOP Instance UID"));
            return result;
        }
        entries.push_back(std::move(entry));
    }
    result.value = std::move(entries);
    return result;
}

}  // namespace ssmix::dicom
