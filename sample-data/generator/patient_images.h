// sample-data/generator/patient_images.h — the sample patient's DICOM studies, one folder per
// description.studies entry: a chest CT (512x512 slices with the lung nodule the letter names,
// correct geometry and Hounsfield units), a chest CR (the projection of the same phantom) and a
// kidney ultrasound clip, each in the transfer syntax the description asks for.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sample-data/generator/patient_description.h"

namespace ssmix::sample {

// The Study Instance UID of each study, fixed by the patient ID and the study's place.
[[nodiscard]] std::vector<std::string> study_uids(const SampleDescription& description);

// The number of frames (CT slices, ultrasound frames; 1 for a radiograph) a study's one series holds.
[[nodiscard]] int frame_count(const StudyDescription& study);

void write_patient_images(const SampleDescription& description, const std::vector<std::string>& uids,
                          const std::filesystem::path& out);

}  // namespace ssmix::sample
