// viewer-wasm/catalogue.h — the image studies on the disc: patient → studies → series →
// instances, built from the DICOM headers as they are read, ordered for display. A picked
// folder may hold other patients' images: every study belongs to the patient its own files
// name (Patient ID and name together), never to the disc's patient by default.
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

struct PatientEntry {
    std::string id, name, birth_date, sex;
};

struct StudyEntry {
    std::string uid, date, description;
    std::size_t patient = 0;                // index in Catalogue::patients()
    std::vector<SeriesEntry> series;        // by series number
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

    // Patient by patient (in the order first seen), each one's studies newest first.
    [[nodiscard]] const std::vector<StudyEntry>& studies() const { return studies_; }
    [[nodiscard]] const std::vector<PatientEntry>& patients() const { return patients_; }
    [[nodiscard]] const SeriesEntry* find_series(const std::string& uid) const;
    // The patient whose files make up the series (nullptr: no such series).
    [[nodiscard]] const PatientEntry* patient_of_series(const std::string& uid) const;
    [[nodiscard]] std::optional<std::size_t> patient_index_of_series(const std::string& uid) const;
    [[nodiscard]] std::optional<FrameLocation> locate(const std::string& series_uid, unsigned frame) const;

private:
    std::size_t patient_index(const dicom::Instance& instance);
    std::vector<StudyEntry>::iterator study_for(const dicom::Instance& instance, std::size_t patient);

    std::vector<StudyEntry> studies_;
    std::vector<PatientEntry> patients_;
    std::set<std::string> instances_seen_;   // SOP Instance UID with the patient
};

}  // namespace ssmix::viewer
