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
    std::string sop_uid;
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
    std::size_t key_images = 0;             // how many of them a Key Object Selection marks
    bool key_series = false;                // made of a selection's key images, not a series of the study
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

// A Key Object Selection: the images a radiologist marked, for one patient and study.
struct KeySelection {
    std::string selection_uid;              // the KOS's own SOP Instance UID
    std::string patient_id, patient_name, study_uid;
    std::string title;                      // what the key images are (the KOS's explanation, else its title); the list says キー画像 itself
    std::vector<std::string> sop_uids;
};

class Catalogue {
public:
    void add(const std::string& path, const dicom::Instance& instance);
    // The key images of every selection seen so far (again after more files were read): a
    // series of their own at the head of the study, and a count on each series holding them.
    // Only images of the selection's own patient are ever taken.
    void set_key_images(const std::vector<KeySelection>& selections);
    // The series and frame of an image by its SOP Instance UID within a patient (nullopt: not here).
    struct ImageAt {
        std::string series_uid;
        unsigned frame = 0;
    };
    [[nodiscard]] std::optional<ImageAt> find_image(const std::string& sop_uid, std::size_t patient) const;

    // Patient by patient (in the order first seen), each one's studies newest first.
    [[nodiscard]] const std::vector<StudyEntry>& studies() const { return studies_; }
    [[nodiscard]] const std::vector<PatientEntry>& patients() const { return patients_; }
    [[nodiscard]] const SeriesEntry* find_series(const std::string& uid) const;
    // The patient whose files make up the series (nullptr: no such series).
    [[nodiscard]] const PatientEntry* patient_of_series(const std::string& uid) const;
    [[nodiscard]] std::optional<std::size_t> patient_index_of_series(const std::string& uid) const;
    [[nodiscard]] std::optional<FrameLocation> locate(const std::string& series_uid, unsigned frame) const;
    // The patient index of an ID and name (as the files spell them), if any study has it.
    [[nodiscard]] std::optional<std::size_t> find_patient(const std::string& id, const std::string& name) const;

private:
    std::size_t patient_index(const dicom::Instance& instance);
    std::vector<StudyEntry>::iterator study_for(const dicom::Instance& instance, std::size_t patient);

    std::vector<StudyEntry> studies_;
    std::vector<PatientEntry> patients_;
    std::set<std::string> instances_seen_;   // SOP Instance UID with the patient
};

}  // namespace ssmix::viewer
