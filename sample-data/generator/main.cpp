// sample-data/generator/main.cpp — `ssmix-sample-dicom OUTDIR`: the sample patient's image
// studies (patient 9999013, the patient of the SS-MIX2 sample storage):
//   CT/    chest CT, 24 slices 256x256, Explicit VR Little Endian (uncompressed)
//   HEAD/  head CT, 8 slices 256x256, JPEG-LS lossless
//   VF/    swallowing study (嚥下造影), 12-frame fluoroscopy clip, JPEG baseline
// `ssmix-sample-dicom --thin-ct SLICES OUTDIR`: for benchmarks, one thin-slice chest CT study
// of SLICES 512x512 uncompressed slices (512 KiB each), in series of 500 (S1/, S2/, ...);
// `--thin-ct SLICES OUTDIR SIZE PER_SERIES`: slices of SIZE x SIZE in series of PER_SERIES
// (bench/viewer's start-up scaling: 10,000 small images make a disc in seconds).
#include <filesystem>
#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <string>

#include "sample-data/generator/dicom_factory.h"
#include "sample-data/generator/phantom.h"
#include "sample-data/generator/uid.h"

namespace {

using namespace ssmix::sample;

const PatientInfo sample_patient{"9999013", "Kanja^Taro=患者^太郎=カンジャ^タロウ", "19480405", "M"};

void write_thin_ct(const std::filesystem::path& out, int slices, int size, int per_series) {
    const StudyInfo study{uid_for("bench/study/thin-ct"), "20111216", "100000", "胸部CT 薄層", "A201112160001"};
    for (int i = 0; i < slices; ++i) {
        const int series_number = i / per_series + 1;
        const SeriesInfo series{uid_for("bench/series/thin-ct/" + std::to_string(series_number)), "CT",
                                "胸部 0.5mm 第" + std::to_string(series_number) + "部", series_number, "CHEST"};
        CtSlice slice;
        slice.size = size;
        slice.pixel_mm = 0.7 * 512 / size;
        slice.z_mm = -170 + 340.0 * i / std::max(1, slices - 1);
        slice.thickness_mm = 0.5;
        slice.instance = i % per_series + 1;
        slice.hu = chest_ct_slice(slice.size, slice.size * slice.pixel_mm, slice.z_mm);
        write_ct(out / ("S" + std::to_string(series_number)) / ("IM" + std::to_string(slice.instance)), sample_patient, study, series,
                 slice, Encoding::explicit_little);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if ((argc == 4 || argc == 6) && std::string(argv[1]) == "--thin-ct") {
        try {
            const int size = argc == 6 ? std::stoi(argv[4]) : 512, per_series = argc == 6 ? std::stoi(argv[5]) : 500;
            if (size < 16 || size > 1024 || per_series < 1) throw std::invalid_argument("SIZE must be 16..1024, PER_SERIES >= 1");
            write_thin_ct(argv[3], std::stoi(argv[2]), size, per_series);
            return 0;
        } catch (const std::exception& e) {
            std::cerr << "ssmix-sample-dicom: " << e.what() << '\n';
            return 1;
        }
    }
    if (argc != 2 || argv[1][0] == '-') {   // an option it does not know (--help) is not a folder name
        std::cerr << "usage: ssmix-sample-dicom OUTDIR | ssmix-sample-dicom --thin-ct SLICES OUTDIR [SIZE PER_SERIES]\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    const PatientInfo& patient = sample_patient;
    try {
        const StudyInfo chest{uid_for("sample/study/chest-ct"), "20111215", "093000", "胸部CT", "A201112150001"};
        const SeriesInfo chest_series{uid_for("sample/series/chest-ct/1"), "CT", "胸部 5mm", 2, "CHEST"};
        for (int i = 0; i < 24; ++i) {
            CtSlice slice;
            slice.size = 256;
            slice.pixel_mm = 1.5;
            slice.z_mm = -115 + 10.0 * i;
            slice.thickness_mm = 5;
            slice.instance = i + 1;
            slice.hu = chest_ct_slice(slice.size, slice.size * slice.pixel_mm, slice.z_mm);
            write_ct(out / "CT" / ("IM" + std::to_string(i + 1)), patient, chest, chest_series, slice, Encoding::explicit_little);
        }

        const StudyInfo head{uid_for("sample/study/head-ct"), "20111120", "141500", "頭部CT", "A201111200007"};
        const SeriesInfo head_series{uid_for("sample/series/head-ct/1"), "CT", "頭部 非造影", 3, "HEAD"};
        for (int i = 0; i < 8; ++i) {
            CtSlice slice;
            slice.size = 256;
            slice.pixel_mm = 0.9;
            slice.z_mm = -35 + 10.0 * i;
            slice.thickness_mm = 10;
            slice.instance = i + 1;
            slice.window_center = 40;
            slice.window_width = 80;
            slice.hu = head_ct_slice(slice.size, slice.size * slice.pixel_mm, slice.z_mm);
            write_ct(out / "HEAD" / ("IM" + std::to_string(i + 1)), patient, head, head_series, slice, Encoding::jpeg_ls_lossless);
        }

        const StudyInfo swallow{uid_for("sample/study/swallow"), "20111219", "101000", "嚥下造影検査", "A201112190003"};
        const SeriesInfo swallow_series{uid_for("sample/series/swallow/1"), "RF", "側面 バリウム", 1, "NECK"};
        std::vector<std::vector<std::uint8_t>> frames;
        for (int f = 0; f < 12; ++f) frames.push_back(swallow_frame(256, 256, f, 12));
        write_fluoroscopy(out / "VF" / "IM1", patient, swallow, swallow_series, frames, 256, 256, 66.7, Encoding::jpeg_baseline);
    } catch (const std::exception& e) {
        std::cerr << "ssmix-sample-dicom: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
