// sample-data/generator/phantom.h — synthetic but anatomically plausible images: a chest CT
// slice and a head CT slice in Hounsfield units (air -1000, fat -100, soft tissue 40, blood
// with contrast 200, bone 700-1000), and a lateral swallowing-study (嚥下造影) fluoroscopy
// frame. Deterministic: the same arguments give the same pixels.
#pragma once

#include <cstdint>
#include <vector>

namespace ssmix::sample {

// A round solid lesion (a lung nodule) in millimetres, in the chest phantom's coordinates.
struct Nodule {
    double x_mm = 0, y_mm = 0, z_mm = 0, diameter_mm = 0;
};

// size x size pixels covering field_mm, at table position z_mm (0 = mid-chest / mid-brain).
[[nodiscard]] std::vector<std::int16_t> chest_ct_slice(int size, double field_mm, double z_mm, const Nodule& nodule = {});
[[nodiscard]] std::vector<std::int16_t> head_ct_slice(int size, double field_mm, double z_mm);

// A chest radiograph (PA) as the projection of the chest phantom: rows x columns 12-bit values
// covering field_mm square, bone and soft tissue bright, lungs dark, as a CR shows them.
[[nodiscard]] std::vector<std::uint16_t> chest_radiograph(int size, double field_mm, const Nodule& nodule);

// 8-bit B-mode frame of a kidney's long axis in a sector scan, frame `frame` of `frames`: the
// kidney moves with breathing; speckle from `seed`.
[[nodiscard]] std::vector<std::uint8_t> kidney_ultrasound_frame(int width, int height, int frame, int frames, std::uint32_t seed);

// 8-bit fluoroscopy, frame `frame` of `frames`: the contrast bolus travels down the pharynx.
[[nodiscard]] std::vector<std::uint8_t> swallow_frame(int width, int height, int frame, int frames);

}  // namespace ssmix::sample
