// viewer-wasm/slice_sync.cpp — positions from Image Position (Patient) projected on the slice
// normal (the cross product of the row and column directions of Image Orientation (Patient)).
#include "viewer-wasm/slice_sync.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ssmix::viewer {
namespace {

using Vector = std::array<double, 3>;

std::optional<Vector> normal(const std::array<double, 6>& o) {
    Vector n{o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
    const double length = std::sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    if (!(length > 1e-6)) return std::nullopt;
    for (double& c : n) c /= length;
    return n;
}

std::optional<Vector> normal(const InstanceEntry& instance) {
    if (instance.orientation.size() != 6) return std::nullopt;
    std::array<double, 6> o{};
    std::copy(instance.orientation.begin(), instance.orientation.end(), o.begin());
    return normal(o);
}

double dot(const Vector& a, const Vector& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

Vector point(const std::vector<double>& position) { return {position[0], position[1], position[2]}; }

// Planes within about 10° of each other are one stack direction for scrolling together.
constexpr double parallel = 0.985;

}  // namespace

std::optional<double> position_along_normal(const InstanceEntry& instance) {
    const auto n = normal(instance);
    if (!n || instance.position.size() != 3) return std::nullopt;
    return dot(*n, point(instance.position));
}

const char* plane_name(const InstanceEntry& instance) {
    if (instance.orientation.size() != 6) return "";
    std::array<double, 6> o{};
    std::copy(instance.orientation.begin(), instance.orientation.end(), o.begin());
    return plane_name(o);
}

const char* plane_name(const std::array<double, 6>& orientation) {
    const auto n = normal(orientation);
    if (!n) return "";
    const double x = std::abs((*n)[0]), y = std::abs((*n)[1]), z = std::abs((*n)[2]);
    if (z >= x && z >= y) return "axial";
    return y >= x ? "coronal" : "sagittal";
}

SliceMatch match_slice(const SeriesEntry& source, unsigned source_frame, const SeriesEntry& target) {
    const InstanceEntry* from = instance_of_frame(source, source_frame);
    const auto from_normal = from && from->frames == 1 ? normal(*from) : std::nullopt;   // a multi-frame file's frames have no position here
    if (!from_normal || from->position.size() != 3) return {std::nullopt, Text::sync_no_position};
    std::optional<unsigned> best;
    double best_distance = 0;
    bool any_position = false;
    unsigned frame = 0;
    for (const auto& instance : target.instances) {
        const auto n = instance.frames == 1 ? normal(instance) : std::nullopt;
        if (n && instance.position.size() == 3) {
            any_position = true;
            if (std::abs(dot(*n, *from_normal)) >= parallel) {
                // The distance of the source slice's corner from this slice's plane.
                const double distance = std::abs(dot(*n, point(from->position)) - dot(*n, point(instance.position)));
                if (!best || distance < best_distance) best = frame, best_distance = distance;
            }
        }
        frame += instance.frames;
    }
    if (!any_position) return {std::nullopt, Text::sync_no_position};
    if (!best) return {std::nullopt, Text::sync_not_parallel};
    const bool shared = !source.frame_of_reference.empty() && source.frame_of_reference == target.frame_of_reference;
    return {best, shared ? std::nullopt : std::optional<Text>(Text::sync_other_frame_of_reference)};
}

}  // namespace ssmix::viewer
