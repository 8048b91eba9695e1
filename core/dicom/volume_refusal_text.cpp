// core/dicom/volume_refusal_text.cpp — the sentence the viewer shows beside the disabled MPR
// button, in Japanese and English, with the numbers that made the refusal.
#include <cstdio>

#include "core/dicom/volume_geometry.h"

namespace ssmix::dicom {
namespace {

// snprintf, not std::to_chars(double): the WebAssembly build's library lacks the latter.
std::string number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}
std::string ordinal(std::size_t index) { return std::to_string(index + 1); }
std::string mebibytes(double bytes) { return number(bytes / (1024.0 * 1024.0), 0); }

}  // namespace

RefusalText refusal_text(const VolumeRefusal& r) {
    const std::string n = ordinal(r.slice), m = ordinal(r.other);
    switch (r.problem) {
        case VolumeProblem::too_few_slices:
            return {"スライスが " + number(r.found, 0) + " 枚しかありません（MPR には " + number(r.expected, 0) + " 枚以上必要です）。",
                    "Only " + number(r.found, 0) + " slices; MPR needs at least " + number(r.expected, 0) + "."};
        case VolumeProblem::missing_geometry:
            return {n + " 枚目に位置・向き・画素間隔の情報がありません。",
                    "Slice " + n + " has no position, orientation or pixel spacing."};
        case VolumeProblem::rows_differ:
            return {n + " 枚目の行数 " + number(r.found, 0) + " が 1 枚目の " + number(r.expected, 0) + " と異なります。",
                    "Slice " + n + " has " + number(r.found, 0) + " rows, the first slice " + number(r.expected, 0) + "."};
        case VolumeProblem::columns_differ:
            return {n + " 枚目の列数 " + number(r.found, 0) + " が 1 枚目の " + number(r.expected, 0) + " と異なります。",
                    "Slice " + n + " has " + number(r.found, 0) + " columns, the first slice " + number(r.expected, 0) + "."};
        case VolumeProblem::pixel_spacing_differs:
            return {n + " 枚目の画素間隔 " + number(r.found, 4) + " mm が 1 枚目の " + number(r.expected, 4) + " mm と異なります。",
                    "Slice " + n + " has a pixel spacing of " + number(r.found, 4) + " mm, the first slice " + number(r.expected, 4) + " mm."};
        case VolumeProblem::orientation_invalid:
            return {n + " 枚目の画像の向き（Image Orientation）が正しくありません。",
                    "Slice " + n + " has an invalid Image Orientation (Patient)."};
        case VolumeProblem::orientation_differs:
            return {n + " 枚目の向きが 1 枚目と " + number(r.found, 2) + "° 異なります（スライスが平行ではありません）。",
                    "Slice " + n + " is turned " + number(r.found, 2) + "° from the first slice (the slices are not parallel)."};
        case VolumeProblem::positions_coincide:
            return {n + " 枚目と " + m + " 枚目が同じ位置にあります（重複または別の撮像が混在しています）。",
                    "Slices " + n + " and " + m + " lie at the same position (repeated, or another acquisition mixed in)."};
        case VolumeProblem::uneven_spacing:
            return {m + " 枚目と " + n + " 枚目の間隔が " + number(r.found, 2) + " mm で、他の " + number(r.expected, 2) +
                        " mm と異なります（欠けたスライスまたは不等間隔）。",
                    "The gap between slices " + m + " and " + n + " is " + number(r.found, 2) + " mm, the others " + number(r.expected, 2) +
                        " mm (a missing slice, or uneven spacing)."};
        case VolumeProblem::tilted_stack:
            return {"スライスの並びが面に垂直ではありません（ガントリ傾斜など、" + number(r.found, 1) + "°）。",
                    "The slices are not stacked square to their plane (gantry tilt or shear, " + number(r.found, 1) + "°)."};
        case VolumeProblem::too_large:
            return {"画像が大きすぎます（縮小しても " + mebibytes(r.found) + " MiB、上限 " + mebibytes(r.expected) + " MiB）。",
                    "The series is too large (" + mebibytes(r.found) + " MiB even reduced, the limit is " + mebibytes(r.expected) + " MiB)."};
        case VolumeProblem::slice_unreadable:
            return {n + " 枚目の画像を読めません（白黒画像でないか、大きさが異なります）。",
                    "Slice " + n + " cannot be read into the volume (not greyscale, or another size)."};
        case VolumeProblem::out_of_memory:
            return {"メモリが足りません（" + mebibytes(r.found) + " MiB を確保できません）。",
                    "Not enough memory (" + mebibytes(r.found) + " MiB could not be allocated)."};
    }
    return {"MPR を使えません。", "MPR is not available."};
}

}  // namespace ssmix::dicom
