// viewer-wasm/image_panel.cpp
#include "viewer-wasm/image_panel.h"

#include <tuple>

#include <cstdio>
#include <string>

#include "core/clinical/dates.h"
#include "core/dicom/text.h"
#include "imgui.h"
#include "viewer-wasm/slice_sync.h"

namespace ssmix::viewer {

void ImagePanel::label(std::string_view utf8) {
    fonts_.need(utf8);
    ImGui::TextUnformatted(utf8.data(), utf8.data() + utf8.size());
}

// One row of buttons: the file's own window, the CT presets, inversion, fit.
void ImagePanel::draw_tools(Language language) {
    ImageView& view = views_.active();
    const auto button = [this](const std::string& caption, const char* id) {
        const std::string label_id = caption + "##" + id;
        fonts_.need(label_id);
        const bool pressed = ImGui::SmallButton(label_id.c_str());
        ImGui::SameLine();
        return pressed;
    };
    if (button(std::string(text(Text::window_file, language)), "window-file")) view.reset_window();
    if (view.modality() == "CT")
        for (const auto& preset : window_presets)
            if (button(std::string(text(preset.name, language)), preset.id)) view.set_window({preset.center, preset.width});
    bool inverted = view.inverted();
    const std::string invert = std::string(text(Text::invert, language)) + "##invert";
    fonts_.need(invert);
    if (ImGui::Checkbox(invert.c_str(), &inverted)) view.set_inverted(inverted);
    ImGui::SameLine();
    if (const auto* frame = view.rendered(); frame && frame->has_overlays) {   // only for a file that has them
        bool overlays = view.overlays();
        const std::string label = std::string(text(Text::overlays, language)) + "##overlays";
        fonts_.need(label);
        if (ImGui::Checkbox(label.c_str(), &overlays)) view.set_overlays(overlays);
        ImGui::SameLine();
    }
    // The measuring tools, one at a time (ticking one unticks the others): distance, angle, region.
    for (const auto& [tool, name, id] : {std::tuple{MeasureTool::distance, Text::measure, "##measure"},
                                         std::tuple{MeasureTool::angle, Text::measure_angle, "##angle"},
                                         std::tuple{MeasureTool::region, Text::measure_region, "##region"}}) {
        bool on = view.tool() == tool;
        const std::string label = std::string(text(name, language)) + id;
        fonts_.need(label);
        if (ImGui::Checkbox(label.c_str(), &on)) view.set_tool(on ? tool : MeasureTool::none);
        ImGui::SameLine();
    }
    fonts_.need("°²");   // in the measurements' labels
    const std::string tags = std::string(text(Text::tags, language)) + "##tags";
    fonts_.need(tags);
    ImGui::Checkbox(tags.c_str(), &show_tags_);
    ImGui::SameLine();
    if (button(std::string(text(Text::fit, language)), "fit")) view.fit();
    if (view.frame_count() > 1 && button(std::string(text(view.playing() ? Text::stop : Text::play, language)), "cine"))
        view.set_playing(!view.playing());
    ImGui::NewLine();
}

// 1, 2 or 4 views, and whether they move together.
void ImagePanel::draw_layout_tools(Language language) {
    for (const auto& [layout, name, id] : {std::tuple{Layout::one, Text::layout_one, "##layout-1x1"},
                                           std::tuple{Layout::two, Text::layout_two, "##layout-1x2"},
                                           std::tuple{Layout::four, Text::layout_four, "##layout-2x2"}}) {
        const std::string caption = std::string(text(name, language)) + id;
        fonts_.need(caption);
        if (ImGui::RadioButton(caption.c_str(), views_.layout() == layout)) views_.set_layout(layout);
        ImGui::SameLine();
    }
    if (views_.shown() > 1 && !views_.mpr()) {
        bool linked = views_.linked();
        const std::string caption = std::string(text(Text::linked, language)) + "##linked";
        fonts_.need(caption);
        if (ImGui::Checkbox(caption.c_str(), &linked)) views_.set_linked(linked);
        ImGui::SameLine();
    }
    draw_mpr_tools(language);
    ImGui::NewLine();
}

// MPR: started from the active view's CT or MR series (or why it cannot be), left again, and
// the slab thickness of the maximum intensity projection.
void ImagePanel::draw_mpr_tools(Language language) {
    const auto caption = [&](Text id, const char* key) {
        std::string label = std::string(text(id, language)) + key;
        fonts_.need(label);
        return label;
    };
    if (Mpr* mpr = views_.mpr()) {
        if (ImGui::SmallButton(caption(Text::mpr_leave, "##mpr-leave").c_str())) views_.set_layout(Layout::one);
        ImGui::SameLine();
        float slab = static_cast<float>(mpr->slab_mm());
        const std::string label = caption(Text::mpr_slab, "");
        label_inline(label);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (ImGui::SliderFloat("##mpr-slab", &slab, 0, 50, "%.0f mm")) mpr->set_slab_mm(slab);
        ImGui::SameLine();
        return;
    }
    const ImageView& active = views_.active();
    if (active.series_uid().empty() || (active.modality() != "CT" && active.modality() != "MR")) return;
    const MprVerdict& verdict = views_.mpr_verdict(active.series_uid());
    if (!verdict.plan) ImGui::BeginDisabled();
    const bool start = ImGui::SmallButton(caption(Text::mpr_start, "##mpr").c_str());
    if (!verdict.plan) ImGui::EndDisabled();
    ImGui::SameLine();
    if (start && verdict.plan) views_.start_mpr(active.series_uid());
    if (!verdict.plan) {   // why not, beside the button
        const std::string& reason = language == Language::ja ? verdict.reason.ja : verdict.reason.en;
        fonts_.need(reason);
        ImGui::TextDisabled("%s", reason.c_str());
        ImGui::SameLine();
    }
}

void ImagePanel::label_inline(const std::string& utf8) {
    fonts_.need(utf8);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(utf8.c_str());
    ImGui::SameLine();
}

void ImagePanel::draw(Language language, std::optional<std::size_t> disc_patient) {
    ImageView& view = views_.active();
    disc_patient_ = disc_patient;
    view_rects_ = {};
    if (views_.shown() == 1) {
        switch (view.status()) {
            case ViewStatus::empty:
                label(text(Text::image_none_selected, language));
                return;
            case ViewStatus::error:
                label(text(Text::image_error, language));
                label(view.error_message());
                return;
            case ViewStatus::loading:
            case ViewStatus::shown:
                break;
        }
    }
    draw_layout_tools(language);
    const unsigned count = view.frame_count();
    std::string line = std::string(text(Text::frame, language)) + " " + std::to_string(view.frame() + 1) + " / " + std::to_string(count);
    if (const Mpr* mpr = views_.mpr(); mpr && mpr->status() == Mpr::Status::building)
        line = std::string(text(Text::mpr_building, language)) + " " + std::to_string(mpr->slices_read()) + " / " + std::to_string(mpr->slices_needed());
    if (const auto* frame = view.rendered(); frame && frame->window)
        line += "   " + std::string(text(Text::window_level, language)) + " " + std::to_string(static_cast<int>(frame->window->center)) +
                " / " + std::to_string(static_cast<int>(frame->window->width));
    label(line);
    draw_tools(language);
    if (count > 1) {
        int frame = static_cast<int>(view.frame());
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderInt("##frame", &frame, 0, static_cast<int>(count) - 1, "")) view.set_frame(static_cast<unsigned>(frame));
    }
    ImVec2 room = ImGui::GetContentRegionAvail();
    const float tag_height = show_tags_ ? room.y / 3 : 0;   // the tag browser takes the lower third
    if (show_tags_) room.y -= tag_height + ImGui::GetStyle().ItemSpacing.y;
    // Keys go to the active view while the pointer or the focus is on the images.
    const bool keys_here = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) || ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    const std::size_t columns = views_.shown() == 4 ? 2 : views_.shown(), rows = views_.shown() == 4 ? 2 : 1;
    const ImVec2 gap = ImGui::GetStyle().ItemSpacing;
    const float cell_width = (room.x - gap.x * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float cell_height = (room.y - gap.y * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (std::size_t i = 0; i < views_.shown(); ++i) {
        if (i % columns) ImGui::SameLine();
        draw_view(i, cell_width, cell_height, keys_here, language);
    }
    if (show_tags_) draw_tag_browser(tag_height);
}

// One view: its own child window (so a series can be dropped on it), framed in the accent
// colour when active and in red when it shows another patient's images than the disc's.
void ImagePanel::draw_view(std::size_t index, float width, float height, bool keys_here, Language language) {
    ImageView& view = views_.view(index);
    const bool several = views_.shown() > 1, active = index == views_.active_index();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool other_patient = !view.series_uid().empty() && catalogue_.patient_index_of_series(view.series_uid()) != disc_patient_;
    ImGui::BeginChild(("##view-" + std::to_string(index)).c_str(), ImVec2(width, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float inset = several ? 3 : 0;   // room for the frame
    if (inset > 0) ImGui::SetCursorPos(ImVec2(inset, inset));
    const float inner_width = width - 2 * inset, inner_height = height - 2 * inset;
    bool touched = false;
    if (view.status() == ViewStatus::error) {
        label(text(Text::image_error, language));
        label(view.error_message());
    } else if (view.series_uid().empty()) {
        fonts_.need(text(Text::viewport_drop_hint, language));
        ImGui::TextWrapped("%s", std::string(text(Text::viewport_drop_hint, language)).c_str());
    } else {
        ImageOverlay overlay = this->overlay(view, language);
        if (other_patient) overlay.top_left = "【" + std::string(text(Text::other_patient, language)) + "】" + overlay.top_left;
        if (const auto note = views_.note(index); note && several) overlay.note = text(*note, language);
        if (const Mpr* mpr = view.mpr(); mpr && mpr->plan() && (mpr->plan()->reduced_by > 1 || mpr->plan()->depth_reduced_by > 1))
            overlay.note = text(Text::mpr_reduced, language);
        for (const auto* t : {&overlay.top_left, &overlay.top_right, &overlay.bottom_left, &overlay.bottom_right, &overlay.note}) fonts_.need(*t);
        touched = view.draw(inner_width, inner_height, overlay, language, keys_here && active);
    }
    // A click anywhere on the view makes it the active one.
    if (ImGui::IsWindowHovered() && (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right))) touched = true;
    ImGui::EndChild();
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(series_payload))
            views_.show(index, std::string(static_cast<const char*>(payload->Data)));
        ImGui::EndDragDropTarget();
    }
    if (touched) views_.activate(index);
    view_rects_[index] = {at.x, at.y, width, height};
    if (!several && !other_patient) return;
    const ImU32 colour = other_patient ? IM_COL32(220, 40, 40, 255) : active ? IM_COL32(255, 190, 40, 255) : IM_COL32(90, 90, 90, 255);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x + 1, at.y + 1), ImVec2(at.x + width - 1, at.y + height - 1), colour, 0, 0, active ? 3.0f : 1.0f);
}

void ImagePanel::draw_tag_browser(float height) {
    const auto& rows = views_.active().tags();
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##tags", 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Tag", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("VR", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2);
    ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;   // only the visible rows are laid out: a file may have thousands
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& row = rows[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((std::string(static_cast<std::size_t>(row.depth) * 2, ' ') + row.tag).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.vr.c_str());
            ImGui::TableNextColumn();
            fonts_.need(row.value);
            ImGui::TextUnformatted(row.value.c_str());
        }
    ImGui::EndTable();
}

ImageOverlay ImagePanel::overlay(const ImageView& view, Language language) const {
    ImageOverlay overlay;
    if (const PatientEntry* patient = catalogue_.patient_of_series(view.series_uid()))
        overlay.top_left = dicom::display_person_name(patient->name) + "  " + patient->id;
    for (const auto& study : catalogue_.studies())
        for (const auto& series : study.series) {
            if (series.uid != view.series_uid()) continue;
            overlay.top_right = clinical::display_date(study.date) + "  " + study.description;
            overlay.bottom_left = series.modality + "  " + series.description + "  " + std::string(text(Text::frame, language)) + " " +
                                  std::to_string(view.frame() + 1) + "/" + std::to_string(view.frame_count());
        }
    if (const Mpr* mpr = view.mpr()) {   // a plane: which one, where, how thick
        // Named by the way it faces (a coronal acquisition's first plane is coronal).
        const std::string_view faces = plane_name(mpr->orientation(view.plane_kind()));
        const Text plane = faces == "axial" ? Text::plane_axial : faces == "coronal" ? Text::plane_coronal : Text::plane_sagittal;
        overlay.bottom_left = mpr->modality() + " MPR " + std::string(text(plane, language)) + "  " + std::to_string(view.frame() + 1) + "/" +
                              std::to_string(view.frame_count());
        if (mpr->slab_mm() > 0) overlay.bottom_left += "  MIP " + std::to_string(static_cast<int>(mpr->slab_mm() + 0.5)) + " mm";
    }
    char number[64];
    if (const auto& position = view.shown_location().slice_location) {
        std::snprintf(number, sizeof number, "  %s %.1f mm", std::string(text(Text::slice_position, language)).c_str(), *position);
        overlay.bottom_left += number;
    }
    if (const auto* frame = view.rendered(); frame && frame->slice_thickness) {
        std::snprintf(number, sizeof number, "  %s %.1f mm", std::string(text(Text::slice_thickness, language)).c_str(), *frame->slice_thickness);
        overlay.bottom_left += number;
    }
    if (const auto* frame = view.rendered(); frame && frame->window) {
        std::snprintf(number, sizeof number, "W %.0f  L %.0f", frame->window->width, frame->window->center);
        overlay.bottom_right = number;
    }
    if (view.zoom() > 1) {
        std::snprintf(number, sizeof number, "  x%.1f", view.zoom());
        overlay.bottom_right += number;
    }
    return overlay;
}

}  // namespace ssmix::viewer
