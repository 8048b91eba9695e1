// sample-data/generator/patient_images.cpp — geometry: CT 0.7 mm pixels (358 mm field), slices
// 2.5 mm apart centred on the chest; CR 1024x1024 at 0.42 mm (430 mm detector); ultrasound
// 640x480 at 20 frames/s.
#include "sample-data/generator/patient_images.h"

#include <iostream>

#include "sample-data/generator/dicom_factory.h"
#include "sample-data/generator/patient_messages.h"
#include "sample-data/generator/phantom.h"
#include "sample-data/generator/uid.h"

namespace ssmix::sample {
namespace {

// The nodule the letter describes: right upper lobe (the patient's right is the image's left,
// x < 0), about 8 mm.
constexpr Nodule right_upper_lobe_nodule{-70, -15, 75, 8};

Encoding encoding_of(const StudyDescription& s) {
    if (s.encoding == "jpeg-ls-lossless") return Encoding::jpeg_ls_lossless;
    if (s.encoding == "jpeg-baseline") return Encoding::jpeg_baseline;
    return Encoding::explicit_little;
}

}  // namespace

std::vector<std::string> study_uids(const SampleDescription& d) {
    std::vector<std::string> uids;
    for (std::size_t i = 0; i < d.studies.size(); ++i)
        uids.push_back(uid_for("sample-patient/" + d.patient.id + "/study/" + std::to_string(i + 1) + "/" + d.studies[i].kind));
    return uids;
}

int frame_count(const StudyDescription& s) {
    if (s.kind == "chest-ct") return s.slices;
    if (s.kind == "kidney-us") return s.frames;
    return 1;
}

void write_patient_images(const SampleDescription& d, const std::vector<std::string>& uids, const std::filesystem::path& out) {
    const auto& p = d.patient;
    const PatientInfo patient{p.id, p.family_romaji + "^" + p.given_romaji + "=" + p.family + "^" + p.given + "=" + p.family_kana + "^" + p.given_kana,
                              p.birth_date, p.sex};
    const std::string referring = d.hospital.doctor_family + "^" + d.hospital.doctor_given;
    for (std::size_t i = 0; i < d.studies.size(); ++i) {
        const StudyDescription& s = d.studies[i];
        StudyInfo study{uids[i], s.performed, s.time, s.description, accession_number(s, i), d.hospital.name, referring};
        const SeriesInfo series{uid_for(uids[i] + "/series/1"), s.modality, s.code_name, 1,
                                s.kind == "kidney-us" ? "KIDNEY" : "CHEST"};
        const std::filesystem::path folder = out / ("ST" + std::to_string(i + 1));
        std::cerr << "  " << s.description << " (" << s.modality << ", " << frame_count(s) << (frame_count(s) > 1 ? " frames" : " frame")
                  << ", " << s.encoding << ")\n";
        if (s.kind == "chest-ct") {
            for (int n = 0; n < s.slices; ++n) {
                CtSlice slice;
                slice.size = 512;
                slice.pixel_mm = 0.7;
                slice.thickness_mm = 2.5;
                slice.z_mm = 2.5 * (n - (s.slices - 1) / 2.0);
                slice.instance = n + 1;
                slice.hu = chest_ct_slice(slice.size, slice.size * slice.pixel_mm, slice.z_mm, right_upper_lobe_nodule);
                write_ct(folder / ("IM" + std::to_string(n + 1)), patient, study, series, slice, encoding_of(s));
            }
        } else if (s.kind == "chest-cr") {
            constexpr int size = 1024;
            constexpr double pixel_mm = 0.42;
            write_cr(folder / "IM1", patient, study, series, chest_radiograph(size, size * pixel_mm, right_upper_lobe_nodule), size,
                     pixel_mm, encoding_of(s));
        } else {
            std::vector<std::vector<std::uint8_t>> frames;
            for (int f = 0; f < s.frames; ++f) frames.push_back(kidney_ultrasound_frame(640, 480, f, s.frames, d.seed));
            write_ultrasound(folder / "IM1", patient, study, series, frames, 640, 480, 50, encoding_of(s));
        }
    }
}

}  // namespace ssmix::sample
