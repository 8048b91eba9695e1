// viewer-wasm/catalogue.h — the image studies on the disc: patient → studies → series →
// instances, built from the DICOM headers as they are read, ordered for display.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/dicom/instance.h"

namespace ssmix::viewer {

struct InstanceEntry {
    std::string path;             // disc path of the DICOM file
    int instance_number = 0;
    std::optional<double> slice_location;
    unsigned frames = 1;
    std::string transfer_syntax_uid;
    std::optional<double> spacing_row, spacing_column;   // mm per pixel (Pixel Spacing)
};

struct SeriesEntry {
    std::string uid, modality, description;
    int number = 0;
    std::vector<InstanceEntry> instances;   // display order
    [[nodiscard]] unsigned frame_count() const;
};

struct StudyEntry {
    std::string uid, date, description;
    std::vector<SeriesEntry> series;        // by series number
};

struct PatientEntry {
    std::string id, name, birth_date, sex;
};

// A frame of a series: which file, and which frame inside it.
struct FrameLocation {
    std::string path;
    unsigned frame_in_file = 0;
    std::string transfer_syntax_uid;
    std::optional<double> slice_location;                // mm
    std::optional<double> spacing_row, spacing_column;   // mm per pixel
};

class Catalogue {
public:
    void add(const std::string& path, const dicom::Instance& instance);

    [[nodiscard]] const std::vector<StudyEntry>& studies() const { return studies_; }
    [[nodiscard]] const PatientEntry& patient() const { return patient_; }
    [[nodiscard]] const SeriesEntry* find_series(const std::string& uid) const;
    [[nodiscard]] std::optional<FrameLocation> locate(const std::string& series_uid, unsigned frame) const;

private:
    std::vector<StudyEntry> studies_;
    PatientEntry patient_;
    std::set<std::string> instances_seen_;   // SOP Instance UIDs
};

}  // namespace ssmix::viewer
