// core/dicom/instance_index.cpp — nlohmann/json. A 1,000-slice CT has 1,000 entries in a file
// the browser loads (and the viewer parses) before anything else, so: short keys, empty and
// absent values left out, and each run of images of one series written as one group whose
// values all its images share are written once ({"shared": {...}, "images": [{...}, ...]}).
#include "core/dicom/instance_index.h"

#include <algorithm>
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
    visit("frameOfReference", x.frame_of_reference_uid);
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

template <class Visit>
void each_list(Instance& x, Visit visit) {
    visit("position", x.image_position);
    visit("orientation", x.image_orientation);
}

Json entry_json(const IndexedInstance& entry) {
    Instance x = entry.instance;
    Json j = {{"path", entry.path}};
    each_text(x, [&](const char* key, const std::string& value) { if (!value.empty()) j[key] = value; });
    each_number(x, [&](const char* key, auto value) { if (value != 0) j[key] = value; });
    each_optional(x, [&](const char* key, const std::optional<double>& value) { if (value) j[key] = *value; });
    each_list(x, [&](const char* key, const std::vector<double>& value) { if (!value.empty()) j[key] = value; });
    return j;
}

// Members of `images` (objects) with the same value in every one of them, the path excepted.
Json shared_members(const std::vector<Json>& images) {
    Json shared = Json::object();
    for (const auto& [key, value] : images.front().items()) {
        if (key == "path") continue;
        const bool everywhere = std::all_of(images.begin() + 1, images.end(), [&, &key = key, &value = value](const Json& j) {
            const auto it = j.find(key);
            return it != j.end() && *it == value;
        });
        if (everywhere) shared[key] = value;
    }
    return shared;
}

// An object's members onto `entry` (each by its key; unknown keys are ignored, "path" only when
// `with_path`). False when a value has the wrong kind; the rest are applied all the same.
bool apply_members(const Json& object, bool with_path, IndexedInstance& entry) {
    bool well_typed = true;
    for (const auto& [key, value] : object.items()) {
        if (key == "path") {
            if (!with_path) continue;
            if (value.is_string()) entry.path = value.get<std::string>();
            else well_typed = false;
            continue;
        }
        bool matched = false;
        each_text(entry.instance, [&, &key = key, &value = value](const char* name, std::string& member) {
            if (matched || key != name) return;
            matched = true;
            if (value.is_string()) member = value.get<std::string>();
            else well_typed = false;
        });
        each_number(entry.instance, [&, &key = key, &value = value](const char* name, auto& member) {
            using Number = std::remove_reference_t<decltype(member)>;
            if (matched || key != name) return;
            matched = true;
            const bool fits = value.is_number_integer() && (std::is_signed_v<Number> || value.template get<long long>() >= 0);
            if (fits) member = value.template get<Number>();
            else well_typed = false;
        });
        each_optional(entry.instance, [&, &key = key, &value = value](const char* name, std::optional<double>& member) {
            if (matched || key != name) return;
            matched = true;
            if (value.is_number()) member = value.get<double>();
            else well_typed = false;
        });
        each_list(entry.instance, [&, &key = key, &value = value](const char* name, std::vector<double>& member) {
            if (matched || key != name) return;
            matched = true;
            const bool numbers = value.is_array() && std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_number(); });
            if (numbers) member = value.get<std::vector<double>>();
            else well_typed = false;
        });
    }
    return well_typed;
}

// One image's own values over its group's (`entry` starts as the group's); what is wrong, or "".
std::string read_entry(const Json& image, IndexedInstance& entry) {
    const std::string incomplete = "an image entry needs a path and a SOP Instance UID";
    if (!image.is_object()) return incomplete;
    if (!apply_members(image, true, entry)) return "a value of the wrong kind in " + entry.path;
    if (entry.path.empty() || entry.instance.sop_instance_uid.empty()) return incomplete;   // the writer never leaves them out
    return {};
}

}  // namespace

std::string instance_index_json(const std::vector<IndexedInstance>& instances) {
    Json out = Json::array();
    for (std::size_t first = 0; first < instances.size();) {
        std::size_t end = first + 1;   // the run of images of one series (order kept as given)
        while (end < instances.size() && instances[end].instance.series_uid == instances[first].instance.series_uid) ++end;
        std::vector<Json> images;
        for (std::size_t i = first; i < end; ++i) images.push_back(entry_json(instances[i]));
        const Json shared = images.size() > 1 ? shared_members(images) : Json::object();
        Json group = {{"shared", shared}, {"images", Json::array()}};
        for (Json& image : images) {
            for (const auto& [key, value] : shared.items()) image.erase(key);
            group["images"].push_back(std::move(image));
        }
        out.push_back(std::move(group));
        first = end;
    }
    return out.dump();
}

Parsed<std::vector<IndexedInstance>> parse_instance_index(std::string_view json, const std::string& file) {
    Parsed<std::vector<IndexedInstance>> result;
    const auto refuse = [&](std::string where, std::string message) {
        result.diagnostics.push_back(error({file, 0, std::move(where)}, "bundle.images", std::move(message)));
        return result;
    };
    const Json root = Json::parse(json, nullptr, false);
    if (!root.is_array()) return refuse("images", "the image index is not a JSON array");
    std::vector<IndexedInstance> entries;
    for (std::size_t g = 0; g < root.size(); ++g) {
        const Json& group = root[g];
        const std::string where = "images[" + std::to_string(g) + "]";
        const auto shared = group.is_object() ? group.find("shared") : group.end();
        const auto images = group.is_object() ? group.find("images") : group.end();
        if (shared == group.end() || !shared->is_object() || images == group.end() || !images->is_array())
            return refuse(where, "a group needs \"shared\" values and a list of \"images\"");
        IndexedInstance shared_values;   // every image of the group starts from these
        if (!apply_members(*shared, false, shared_values)) return refuse(where + ".shared", "a shared value of the wrong kind");
        for (std::size_t i = 0; i < images->size(); ++i) {
            IndexedInstance entry = shared_values;
            if (std::string problem = read_entry((*images)[i], entry); !problem.empty())
                return refuse(where + ".images[" + std::to_string(i) + "]", std::move(problem));
            entries.push_back(std::move(entry));
        }
    }
    result.value = std::move(entries);
    return result;
}

}  // namespace ssmix::dicom
