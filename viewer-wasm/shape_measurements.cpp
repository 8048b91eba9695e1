// viewer-wasm/shape_measurements.cpp — see shape_measurements.h.
#include "viewer-wasm/shape_measurements.h"

#include "viewer-wasm/outlined_text.h"

#include <cmath>
#include <cstdio>

namespace ssmix::viewer {
namespace {

constexpr ImU32 colour = IM_COL32(255, 235, 130, 255);   // as the distance line and the text

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, std::fabs(value) >= 100 ? "%.0f" : "%.1f", value);
    return text;
}

}  // namespace

void ShapeMeasurements::set_angle(float x1, float y1, float x2, float y2, float x3, float y3, dicom::PixelSpacing spacing) {
    AngleMeasurement a{{x1, x2, x3}, {y1, y2, y3}, 3, dicom::angle_degrees(x1, y1, x2, y2, x3, y3, spacing)};
    angle_ = a;
}

void ShapeMeasurements::set_region(float cx, float cy, float rx, float ry, const dicom::ModalityFrame* values,
                                   std::optional<dicom::PixelSpacing> spacing, std::string unit) {
    RegionMeasurement r{cx, cy, std::fabs(rx), std::fabs(ry), std::nullopt, std::move(unit), spacing.has_value()};
    if (values) r.stats = dicom::ellipse_stats(*values, r.cx, r.cy, r.rx, r.ry, spacing.value_or(dicom::PixelSpacing{}));
    region_ = std::move(r);
}

void ShapeMeasurements::frame_changed(const dicom::ModalityFrame* values, std::optional<dicom::PixelSpacing> spacing, std::string unit) {
    if (region_) set_region(region_->cx, region_->cy, region_->rx, region_->ry, values, spacing, std::move(unit));
    if (angle_ && angle_->points == 3)
        angle_->degrees = dicom::angle_degrees(angle_->x[0], angle_->y[0], angle_->x[1], angle_->y[1], angle_->x[2], angle_->y[2],
                                               spacing.value_or(dicom::PixelSpacing{}));
}

void ShapeMeasurements::take_angle_input(const ToImage& to_image, dicom::PixelSpacing spacing) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 at = to_image(io.MousePos);
    if (angle_ && angle_->points == 2) {   // the first arm is drawn: the pointer carries the second
        angle_->x[2] = at.x, angle_->y[2] = at.y;
        angle_->degrees = dicom::angle_degrees(angle_->x[0], angle_->y[0], angle_->x[1], angle_->y[1], at.x, at.y, spacing);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) angle_->points = 3;
        return;
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        const ImVec2 from = to_image(io.MouseClickedPos[ImGuiMouseButton_Left]);
        angle_ = AngleMeasurement{{from.x, at.x, at.x}, {from.y, at.y, at.y}, 1, std::nullopt};
    } else if (angle_ && angle_->points == 1 && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        angle_->points = 2;
    }
}

void ShapeMeasurements::take_region_input(const ToImage& to_image, const std::function<const dicom::ModalityFrame*()>& values,
                                          std::optional<dicom::PixelSpacing> spacing, const std::string& unit) {
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left)) return;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 a = to_image(io.MouseClickedPos[ImGuiMouseButton_Left]), b = to_image(io.MousePos);
    set_region((a.x + b.x) / 2, (a.y + b.y) / 2, (b.x - a.x) / 2, (b.y - a.y) / 2, values(), spacing, unit);
}

void ShapeMeasurements::draw(ImDrawList* draw, const ToScreen& to_screen, Language language) const {
    if (angle_ && angle_->points >= 1) {
        const ImVec2 a = to_screen(angle_->x[0], angle_->y[0]), vertex = to_screen(angle_->x[1], angle_->y[1]);
        draw->AddLine(a, vertex, colour, 2.0f);
        if (angle_->points >= 2) draw->AddLine(vertex, to_screen(angle_->x[2], angle_->y[2]), colour, 2.0f);
        for (int i = 0; i < std::min(angle_->points + 1, 3); ++i) draw->AddCircleFilled(to_screen(angle_->x[i], angle_->y[i]), 3, colour);
        if (angle_->degrees) outlined_text(draw, ImVec2(vertex.x + 8, vertex.y + 8), number(*angle_->degrees) + "°");
    }
    if (region_) {
        const ImVec2 centre = to_screen(region_->cx, region_->cy);
        // Through to_screen: a plane's pixels may be drawn taller than wide (MPR).
        const float rx = to_screen(region_->cx + region_->rx, region_->cy).x - centre.x;
        const float ry = to_screen(region_->cx, region_->cy + region_->ry).y - centre.y;
        constexpr int segments = 64;   // ImGui 1.86 has no ellipse: a closed polyline
        ImVec2 points[segments];
        for (int i = 0; i < segments; ++i) {
            const float t = 2 * 3.14159265f * static_cast<float>(i) / segments;
            points[i] = ImVec2(centre.x + rx * std::cos(t), centre.y + ry * std::sin(t));
        }
        draw->AddPolyline(points, segments, colour, ImDrawFlags_Closed, 2.0f);
        if (const auto& s = region_->stats) {
            const std::string unit = region_->unit.empty() ? "" : " " + region_->unit;
            const ImVec2 at(centre.x + rx + 8, centre.y - ImGui::GetTextLineHeight());
            outlined_text(draw, at, std::string(text(Text::region_mean, language)) + " " + number(s->mean) + unit + "  SD " + number(s->sd));
            outlined_text(draw, ImVec2(at.x, at.y + ImGui::GetTextLineHeight()),
                     std::string(text(Text::region_min, language)) + " " + number(s->min) + "  " + std::string(text(Text::region_max, language)) +
                         " " + number(s->max) + "  " + std::string(text(Text::region_area, language)) + " " + number(s->area_mm2) +
                         (region_->area_in_mm ? " mm²" : " px²"));
        }
    }
}

}  // namespace ssmix::viewer
