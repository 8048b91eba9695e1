// core/dicom/instance.h — what the viewer and the packager need to know about one DICOM
// instance without decoding its pixels: identity (UIDs), patient, study, series, geometry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/dicom/dataset.h"

namespace ssmix::dicom {

struct Instance {
    std::string sop_class_uid, sop_instance_uid, study_uid, series_uid;
    std::string transfer_syntax_uid, transfer_syntax_name;
    bool part10 = false;          // a file meta header names its transfer syntax and instance
    std::string patient_id, patient_name, patient_birth_date, patient_sex;
    std::string study_date, study_time, study_description, accession_number;
    std::string series_description, modality;
    std::string specific_character_set;
    int series_number = 0, instance_number = 0;
    unsigned rows = 0, columns = 0, frames = 0;   // frames = 0 when there is no image
    unsigned bits_allocated = 0, bits_stored = 0, samples_per_pixel = 0;
    std::string photometric_interpretation;
    std::optional<double> slice_location;          // mm: Slice Location, else Image Position z
    std::optional<double> pixel_spacing_row, pixel_spacing_column;   // mm
    // Where the image lies, for comparing series: Image Position (Patient) (x, y, z in mm) and
    // Image Orientation (Patient) (row then column direction cosines), empty when absent or
    // malformed; and the Frame of Reference the coordinates are in.
    std::vector<double> image_position, image_orientation;
    std::string frame_of_reference_uid;

    [[nodiscard]] bool has_image() const { return frames > 0 && rows > 0 && columns > 0; }
};

// Reads the header. An error only when the identity (SOP Instance UID) is missing.
[[nodiscard]] Parsed<Instance> describe(const Dataset& dataset);

}  // namespace ssmix::dicom
