// core/dicom/orientation.h — which way the patient lies in an image: the letters a viewer puts
// at the image's edges, from Image Orientation (Patient) (0020,0037), the directions of a row
// and of a column in the patient's coordinates (x towards the patient's left, y towards the
// back, z towards the head: PS3.3 C.7.6.2.1.1). The letters are DICOM's own (PS3.3
// C.7.6.1.1.1): R/L (right, left), A/P (anterior, posterior), H/F (head, foot); an oblique
// direction gets up to three, the largest component first.
#pragma once

#include <array>
#include <optional>
#include <string>

namespace ssmix::dicom {

// The letters of one direction in the patient's coordinates; "" for a null vector.
[[nodiscard]] std::string direction_letters(double x, double y, double z);

struct EdgeLetters {
    std::string left, right, top, bottom;
};

// The letters of the four edges of an image shown as stored (rows left to right, columns top
// to bottom); empty when the orientation is not two directions.
[[nodiscard]] std::optional<EdgeLetters> edge_letters(const std::array<double, 6>& orientation);

}  // namespace ssmix::dicom
