// core/dicom/orientation.cpp
#include "core/dicom/orientation.h"

#include <algorithm>
#include <cmath>

namespace ssmix::dicom {

std::string direction_letters(double x, double y, double z) {
    struct Axis {
        double value;
        char positive, negative;
    };
    std::array<Axis, 3> axes{{{x, 'L', 'R'}, {y, 'P', 'A'}, {z, 'H', 'F'}}};
    std::stable_sort(axes.begin(), axes.end(), [](const Axis& a, const Axis& b) { return std::abs(a.value) > std::abs(b.value); });
    std::string letters;
    // A component under a quarter of the vector is not named: an axial slice tilted by a
    // gantry angle still reads R/L and A/P.
    const double length = std::sqrt(x * x + y * y + z * z);
    for (const Axis& axis : axes)
        if (length > 0 && std::abs(axis.value) >= 0.25 * length) letters += axis.value > 0 ? axis.positive : axis.negative;
    return letters;
}

std::optional<EdgeLetters> edge_letters(const std::array<double, 6>& o) {
    const std::string right = direction_letters(o[0], o[1], o[2]), bottom = direction_letters(o[3], o[4], o[5]);
    if (right.empty() || bottom.empty()) return std::nullopt;
    return EdgeLetters{direction_letters(-o[0], -o[1], -o[2]), right, direction_letters(-o[3], -o[4], -o[5]), bottom};
}

}  // namespace ssmix::dicom
