// viewer-wasm/shape_measurements.h — the angle (three points, the second the vertex, as on PACS
// workstations) and the elliptical region (mean, SD, min, max in the modality's units, area in
// mm²) measured on the image shown, besides ImageView's distance. Values from core/dicom's
// measurements; this class keeps the shapes, takes the mouse and draws them.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/dicom/measurements.h"
#include "imgui.h"
#include "viewer-wasm/ui_text.h"

namespace ssmix::viewer {

struct AngleMeasurement {
    float x[3] = {}, y[3] = {};   // image pixels; [1] is the vertex
    int points = 0;               // 2 while the third point is being placed
    std::optional<double> degrees;
};

struct RegionMeasurement {
    float cx = 0, cy = 0, rx = 0, ry = 0;   // image pixels
    std::optional<dicom::RegionStats> stats;
    std::string unit;                        // "HU" for CT, empty for values without a unit
    bool area_in_mm = true;                  // false without Pixel Spacing: the area is in pixels
};

class ShapeMeasurements {
public:
    void set_angle(float x1, float y1, float x2, float y2, float x3, float y3, dicom::PixelSpacing spacing);
    // spacing empty: the file has no Pixel Spacing (a pixel counts as 1 x 1, the area in pixels).
    void set_region(float cx, float cy, float rx, float ry, const dicom::ModalityFrame* values,
                    std::optional<dicom::PixelSpacing> spacing, std::string unit);
    // A new frame under the same shapes: the region's statistics are those of the new frame.
    void frame_changed(const dicom::ModalityFrame* values, std::optional<dicom::PixelSpacing> spacing, std::string unit);
    void clear() { angle_.reset(), region_.reset(); }

    // Mouse on the image (hovered this frame). Angle: a left-drag draws the first arm to the
    // vertex, a click places the third point. Region: a left-drag spans the ellipse's box.
    using ToImage = std::function<ImVec2(ImVec2)>;
    void take_angle_input(const ToImage& to_image, dicom::PixelSpacing spacing);
    void take_region_input(const ToImage& to_image, const std::function<const dicom::ModalityFrame*()>& values,
                           std::optional<dicom::PixelSpacing> spacing, const std::string& unit);

    using ToScreen = std::function<ImVec2(float, float)>;
    void draw(ImDrawList* draw, const ToScreen& to_screen, Language language) const;

    [[nodiscard]] const std::optional<AngleMeasurement>& angle() const { return angle_; }
    [[nodiscard]] const std::optional<RegionMeasurement>& region() const { return region_; }

private:
    std::optional<AngleMeasurement> angle_;
    std::optional<RegionMeasurement> region_;
};

}  // namespace ssmix::viewer
