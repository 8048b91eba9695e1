// viewer-wasm/catalogue.h — the image studies on the disc: patient → studies → series →
// instances, built from the DICOM headers as they are read, ordered for display. A picked
// folder may hold other patients' images: every study belongs to the patient its own files
// name (Patient ID and name together), never to the disc's patient by default.
// A series of the bundle's image index may be listed from its first image and its count alone
// (add_deferred): its images are read from the index when first needed, so the start does
// not grow with the number of images on the disc.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/dicom/instance.h"
#include "core/dicom/instance_index.h"

namespace ssmix::viewer {

struct InstanceEntry {
    std::string path;             // disc path of the DICOM file
    std::string sop_uid;
    int instance_number = 0;
    std::optional<double> slice_location;
    unsigned frames = 1;
    std::string transfer_syntax_uid;
    std::optional<double> spacing_row, spacing_column;   // mm per pixel (Pixel Spacing)
    std::vector<double> position, orientation;           // Image Position / Orientation (Patient), empty when absent
    unsigned rows = 0, columns = 0;
};

struct SeriesEntry {
    std::string uid, modality, description;
    std::string frame_of_reference;         // of its first image: the coordinates its positions are in
    int number = 0;
    std::vector<InstanceEntry> instances;   // display order
    std::size_t key_images = 0;             // how many of them a Key Object Selection marks
    bool key_series = false;                // made of a selection's key images, not a series of the study
    std::vector<int> deferred_groups;       // image index groups not read yet (their images are not in `instances`)
    unsigned deferred_frames = 0;           // their frames
    std::string deferred_first_path;        // a file of them, to load ahead
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

// The instance holding frame `frame` of a series (frames counted across its files in display
// order), and the frame's index inside it; nullptr past the end.
[[nodiscard]] const InstanceEntry* instance_of_frame(const SeriesEntry& series, unsigned frame, unsigned* frame_in_file = nullptr);

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

// A series whose images only the bundle's image index lists (every image shares the identity
// of `first`: patient, study, series, modality, size): listed at once, read when first needed.
struct DeferredSeries {
    dicom::IndexedInstance first;
    std::size_t images = 0;
    unsigned frames = 0;
    int group = 0;                          // the index group, for ReadGroup
};

// The page's list of deferred series (web/loader.js, Module.ssmixManifestPart(2)):
// [{"group": n, "images": n, "frames": n, "first": <an image index of one group, one image>}].
[[nodiscard]] Parsed<std::vector<DeferredSeries>> parse_deferred_series(std::string_view json, const std::string& file);

class Catalogue {
public:
    // Reads one group of the image index (the viewer asks the page for it).
    using ReadGroup = std::function<std::vector<dicom::IndexedInstance>(int group)>;
    void set_group_reader(ReadGroup read) { read_group_ = std::move(read); }

    void add(const std::string& path, const dicom::Instance& instance);
    void add_deferred(const DeferredSeries& series);
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
    SeriesEntry& series_for(const dicom::Instance& instance, std::size_t patient);
    void insert_instance(SeriesEntry& series, const std::string& path, const dicom::Instance& instance);
    // Reads a deferred series' images now. The accessors are const, and reading changes nothing
    // they showed (identity, counts), so they may call it: `this` is never a const object.
    void read_deferred(SeriesEntry& series) const;
    void read_all_deferred() const;
    std::vector<StudyEntry>::iterator study_for(const dicom::Instance& instance, std::size_t patient);

    std::vector<StudyEntry> studies_;
    std::vector<PatientEntry> patients_;
    std::set<std::string> instances_seen_;   // SOP Instance UID with the patient
    ReadGroup read_group_;
    std::size_t deferred_count_ = 0;         // series with groups not read yet
};

}  // namespace ssmix::viewer
