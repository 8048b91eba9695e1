// sample-data/generator/phantom.cpp — shapes are ellipses in millimetres; noise from a fixed
// linear congruential generator so the data are reproducible.
#include "sample-data/generator/phantom.h"

#include <algorithm>
#include <cmath>

namespace ssmix::sample {
namespace {

struct Noise {
    std::uint32_t state;
    double next() {   // about -1 .. 1
        state = state * 1664525u + 1013904223u;
        return static_cast<double>(state >> 8) / static_cast<double>(1u << 23) - 1.0;
    }
};

bool inside(double x, double y, double cx, double cy, double rx, double ry) {
    const double dx = (x - cx) / rx, dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1.0;
}

template <class Shape>
std::vector<std::int16_t> render(int size, double field_mm, std::uint32_t seed, Shape shape) {
    std::vector<std::int16_t> pixels(static_cast<std::size_t>(size) * size);
    Noise noise{seed};
    const double mm = field_mm / size;
    for (int row = 0; row < size; ++row) {
        for (int col = 0; col < size; ++col) {
            const double x = (col + 0.5) * mm - field_mm / 2;
            const double y = (row + 0.5) * mm - field_mm / 2;
            double hu = shape(x, y);
            if (hu > -990) hu += 12 * noise.next();
            pixels[static_cast<std::size_t>(row) * size + col] = static_cast<std::int16_t>(std::lround(std::clamp(hu, -1024.0, 3071.0)));
        }
    }
    return pixels;
}

}  // namespace

std::vector<std::int16_t> chest_ct_slice(int size, double field_mm, double z_mm, const Nodule& nodule) {
    const double nodule_r2 = nodule.diameter_mm * nodule.diameter_mm / 4 - (z_mm - nodule.z_mm) * (z_mm - nodule.z_mm);
    const double nodule_r = nodule_r2 > 0 ? std::sqrt(nodule_r2) : 0;
    const double lung_scale = std::sqrt(std::max(0.0, 1.0 - (z_mm / 160.0) * (z_mm / 160.0)));
    const double heart_z = (z_mm + 30) / 70.0;   // the heart is an ellipsoid: round in a radiograph too
    const double heart_scale = std::sqrt(std::max(0.0, 1.0 - heart_z * heart_z));
    return render(size, field_mm, static_cast<std::uint32_t>(z_mm * 10 + 7), [&](double x, double y) {
        if (y > 120 && y < 135 && std::abs(x) < 200) return 250.0;                       // table
        if (!inside(x, y, 0, 0, 160, 110)) return -1000.0;                                 // air
        if (!inside(x, y, 0, 0, 150, 100)) return -100.0;                                  // subcutaneous fat
        if (inside(x, y, 0, 70, 14, 14)) return inside(x, y, 0, 70, 7, 7) ? 350.0 : 800.0;   // vertebra
        if (inside(x, y, -8, 40, 11, 11)) return 200.0;                                    // descending aorta
        if (heart_scale > 0 && inside(x, y, 25, -10, 55 * heart_scale, 45 * heart_scale)) return 45.0;
        if (lung_scale > 0.05) {
            const bool lung = inside(x, y, -65, 0, 55 * lung_scale, 80 * lung_scale) ||
                              inside(x, y, 65, 0, 55 * lung_scale, 80 * lung_scale);
            if (lung) {
                if (nodule_r > 0 && inside(x, y, nodule.x_mm, nodule.y_mm, nodule_r, nodule_r)) return 35.0;
                // Vessel-like dots on a sheared lattice, so a projection through them stays smooth.
                const double vessel = std::sin((x + 0.37 * y + 0.21 * z_mm) * 0.35) * std::cos(y * 0.3);
                return vessel > 0.93 ? 40.0 : -850.0;
            }
        }
        if (inside(x, y, 0, -85, 25, 8)) return 700.0;                                     // sternum
        return 40.0;                                                                       // muscle, mediastinum
    });
}

std::vector<std::int16_t> head_ct_slice(int size, double field_mm, double z_mm) {
    const double scale = std::sqrt(std::max(0.05, 1.0 - (z_mm / 90.0) * (z_mm / 90.0)));
    return render(size, field_mm, static_cast<std::uint32_t>(z_mm * 10 + 11), [&](double x, double y) {
        if (!inside(x, y, 0, 0, 75 * scale, 92 * scale)) return -1000.0;
        if (!inside(x, y, 0, 0, 70 * scale, 87 * scale)) return 40.0;     // scalp
        if (!inside(x, y, 0, 0, 64 * scale, 81 * scale)) return 1000.0;   // skull
        if (inside(x, y, -10, -5, 5 * scale, 22 * scale) || inside(x, y, 10, -5, 5 * scale, 22 * scale)) return 5.0;   // ventricles
        if (!inside(x, y, 0, 0, 58 * scale, 75 * scale)) return 38.0;     // grey matter
        return 28.0;                                                       // white matter
    });
}

std::vector<std::uint16_t> chest_radiograph(int size, double field_mm, const Nodule& nodule) {
    // Attenuation summed front to back through one CT slice per image row (at half the output
    // resolution, then doubled): mu in 1/mm proportional to (HU + 1000), water 0.02/mm.
    const int half = size / 2;
    const double mm = field_mm / half;
    std::vector<double> path(static_cast<std::size_t>(half) * half);
    for (int row = 0; row < half; ++row) {
        const double z = field_mm / 2 - (row + 0.5) * mm;   // head at the top
        const auto slice = chest_ct_slice(half, field_mm, z, nodule);
        for (int col = 0; col < half; ++col) {
            double sum = 0;
            for (int y = 0; y < half; ++y) sum += std::max(0.0, slice[static_cast<std::size_t>(y) * half + col] + 1000.0);
            path[static_cast<std::size_t>(row) * half + col] = sum / 1000.0 * 0.02 * mm;
        }
    }
    const double max_path = *std::max_element(path.begin(), path.end()) * 1.05;
    std::vector<std::uint16_t> pixels(static_cast<std::size_t>(size) * size);
    Noise noise{0x5eedu};
    for (int row = 0; row < size; ++row) {
        for (int col = 0; col < size; ++col) {
            const double r = std::min(half - 1.0, std::max(0.0, (row - 0.5) / 2)), c = std::min(half - 1.0, std::max(0.0, (col - 0.5) / 2));
            const int r0 = static_cast<int>(r), c0 = static_cast<int>(c);
            const int r1 = std::min(half - 1, r0 + 1), c1 = std::min(half - 1, c0 + 1);
            const double fr = r - r0, fc = c - c0;
            const auto at = [&](int rr, int cc) { return path[static_cast<std::size_t>(rr) * half + cc]; };
            const double p = (at(r0, c0) * (1 - fc) + at(r0, c1) * fc) * (1 - fr) + (at(r1, c0) * (1 - fc) + at(r1, c1) * fc) * fr;
            const double value = 4095 * p / max_path + 12 * noise.next();   // log-domain, as CR processing shows it
            pixels[static_cast<std::size_t>(row) * size + col] = static_cast<std::uint16_t>(std::clamp(value, 0.0, 4095.0));
        }
    }
    return pixels;
}

std::vector<std::uint8_t> kidney_ultrasound_frame(int width, int height, int frame, int frames, std::uint32_t seed) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height);
    Noise noise{seed + static_cast<std::uint32_t>(frame) * 7919u};
    const double pi = 3.14159265358979;
    const double breath = std::sin(2 * pi * frame / std::max(1, frames)) * 0.04;   // fraction of the depth
    const double apex_x = width / 2.0, apex_y = -0.1 * height, depth = 1.1 * height;
    for (int row = 0; row < height; ++row) {
        for (int col = 0; col < width; ++col) {
            const double dx = col - apex_x, dy = row - apex_y;
            const double angle = std::atan2(dx, dy), radius = std::sqrt(dx * dx + dy * dy) / depth;
            std::uint8_t level = 0;
            if (std::abs(angle) < 0.6 && radius > 0.12 && radius < 1.0) {
                // Along the beam: skin, liver, the kidney (an ellipse), fat behind it.
                const double u = angle / 0.6, v = radius;
                double echo = 70;                                                  // liver
                if (v < 0.2) echo = 110;                                           // skin and muscle
                const double ku = u / 0.8, kv = (v - 0.56 - breath) / 0.14;         // the long axis across the image
                const double k = ku * ku + kv * kv;
                const bool pyramid = k > 0.3 && k < 0.65 && std::cos(std::atan2(kv, ku) * 7) > 0.2;
                if (k < 1) echo = k < 0.3 ? 150 : (pyramid ? 30 : 62);               // sinus fat, pyramids, cortex
                else if (k < 1.15) echo = 140;                                     // capsule
                else if (v > 0.82) echo = 55;
                const double speckle = 0.55 + 0.45 * std::abs(noise.next()) + 0.3 * noise.next();
                const double gain = 1.0 - 0.35 * v;                                // attenuation with depth
                level = static_cast<std::uint8_t>(std::clamp(echo * speckle * gain * 1.6, 0.0, 255.0));
            }
            pixels[static_cast<std::size_t>(row) * width + col] = level;
        }
    }
    return pixels;
}

std::vector<std::uint8_t> swallow_frame(int width, int height, int frame, int frames) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height);
    Noise noise{static_cast<std::uint32_t>(frame * 31 + 3)};
    const double progress = frames > 1 ? static_cast<double>(frame) / (frames - 1) : 0;
    const double bolus_y = 0.15 + 0.75 * progress;   // fraction of the height
    for (int row = 0; row < height; ++row) {
        const double v = static_cast<double>(row) / height;
        for (int col = 0; col < width; ++col) {
            const double u = static_cast<double>(col) / width;
            double level = 170;                                                      // soft tissue of the neck
            if (u > 0.62 && u < 0.8 && std::fmod(v * 7, 1.0) > 0.12) level = 110;    // cervical vertebrae
            if (u > 0.42 && u < 0.52) level = 190;                                   // pharynx (air, brighter)
            if (u < 0.12 || u > 0.95) level = 235;                                   // outside the body
            const double dy = (v - bolus_y) / 0.06, dx = (u - 0.47) / 0.05;
            if (dx * dx + dy * dy < 1) level = 45;                                   // barium bolus (dark)
            if (v < bolus_y && u > 0.44 && u < 0.5 && progress > 0.3) level = std::min(level, 120.0);   // residue
            pixels[static_cast<std::size_t>(row) * width + col] =
                static_cast<std::uint8_t>(std::clamp(level + 6 * noise.next(), 0.0, 255.0));
        }
    }
    return pixels;
}

}  // namespace ssmix::sample
