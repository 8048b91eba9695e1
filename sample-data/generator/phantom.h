// sample-data/generator/phantom.h — synthetic but anatomically plausible images: a chest CT
// slice and a head CT slice in Hounsfield units (air -1000, fat -100, soft tissue 40, blood
// with contrast 200, bone 700-1000), and a lateral swallowing-study (嚥下造影) fluoroscopy
// frame. Deterministic: the same arguments give the same pixels.
#pragma once

#include <cstdint>
#include <vector>

namespace ssmix::sample {

// size x size pixels covering field_mm, at table position z_mm (0 = mid-chest / mid-brain).
[[nodiscard]] std::vector<std::int16_t> chest_ct_slice(int size, double field_mm, double z_mm);
[[nodiscard]] std::vector<std::int16_t> head_ct_slice(int size, double field_mm, double z_mm);

// 8-bit fluoroscopy, frame `frame` of `frames`: the contrast bolus travels down the pharynx.
[[nodiscard]] std::vector<std::uint8_t> swallow_frame(int width, int height, int frame, int frames);

}  // namespace ssmix::sample
