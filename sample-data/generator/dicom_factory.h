// sample-data/generator/dicom_factory.h — writes DICOM Part 10 files for the sample patient
// with DCMTK: the patient, study and series modules, CT or fluoroscopy image pixels, and the
// transfer syntax asked for (DCMTK's own JPEG and JPEG-LS encoders do the compression).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ssmix::sample {

struct PatientInfo {
    std::string id, name, birth_date, sex;   // name as a DICOM PN with '=' groups, UTF-8
};

struct StudyInfo {
    std::string uid, date, time, description, accession;
    std::string institution = "登呂病院";
    std::string referring_physician = "医師^一郎";
};

struct SeriesInfo {
    std::string uid, modality, description;
    int number = 1;
    std::string body_part;   // (0018,0015); unpaired parts, so Laterality stays absent
};

enum class Encoding { explicit_little, jpeg_baseline, jpeg_ls_lossless };

struct CtSlice {
    std::vector<std::int16_t> hu;   // rows x columns Hounsfield units
    int size = 0;
    double pixel_mm = 0, z_mm = 0, thickness_mm = 0;
    int instance = 1;
    double window_center = 40, window_width = 400;
};

void write_ct(const std::filesystem::path& file, const PatientInfo&, const StudyInfo&, const SeriesInfo&,
              const CtSlice& slice, Encoding encoding);

// Computed Radiography: 12-bit MONOCHROME2, square, pixel_mm apart, PA view.
void write_cr(const std::filesystem::path& file, const PatientInfo&, const StudyInfo&, const SeriesInfo&,
              const std::vector<std::uint16_t>& pixels, int size, double pixel_mm, Encoding encoding);

// Ultrasound Multi-frame: 8-bit MONOCHROME2 B-mode frames, frame_time_ms apart.
void write_ultrasound(const std::filesystem::path& file, const PatientInfo&, const StudyInfo&, const SeriesInfo&,
                      const std::vector<std::vector<std::uint8_t>>& frames, int width, int height, double frame_time_ms,
                      Encoding encoding);

// 8-bit MONOCHROME2 multi-frame X-ray fluoroscopy (XRF).
void write_fluoroscopy(const std::filesystem::path& file, const PatientInfo&, const StudyInfo&, const SeriesInfo&,
                       const std::vector<std::vector<std::uint8_t>>& frames, int width, int height,
                       double frame_time_ms, Encoding encoding);

}  // namespace ssmix::sample
