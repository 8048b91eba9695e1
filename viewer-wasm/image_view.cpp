// viewer-wasm/image_view.cpp — decode with core/dicom, upload as an RGBA texture, draw with
// ImGui. Mouse: wheel pages frames (Ctrl+wheel zooms), left-drag pans, right-drag changes the
// window (level/width), double-click fits; with a measuring tool, left-drag measures instead
// of panning; keys: up/down and Page Up/Down page frames, Escape removes the measurements.
#include "viewer-wasm/image_view.h"

#include <chrono>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "viewer-wasm/outlined_text.h"
#include "viewer-wasm/textures.h"

namespace ssmix::viewer {

ImageView::ImageView(FileSource& files, const Catalogue& catalogue) : files_(files), catalogue_(catalogue) {}

ImageView::~ImageView() {
    if (texture_) glDeleteTextures(1, &texture_);
}

bool ImageView::open(const std::string& series_uid) {
    if (!catalogue_.find_series(series_uid)) return false;
    mpr_.reset(), plane_.reset();
    series_uid_ = series_uid;
    measurement_.reset();
    shapes_.clear();
    playing_ = false;
    frame_ = 0;
    window_.reset();
    status_ = ViewStatus::loading;
    needs_render_ = true;
    return true;
}

void ImageView::close() {
    mpr_.reset(), plane_.reset();
    series_uid_.clear(), error_.clear(), loaded_path_.clear();
    dataset_.reset(), renderer_.reset(), rendered_.reset();
    measurement_.reset(), shapes_.clear(), window_.reset();
    frame_ = 0, playing_ = false, needs_render_ = false;
    status_ = ViewStatus::empty;
}

void ImageView::show_plane(std::shared_ptr<Mpr> mpr, dicom::PlaneKind kind) {
    series_uid_ = mpr->series_uid();
    mpr_ = std::move(mpr), plane_kind_ = kind;
    measurement_.reset(), shapes_.clear();
    playing_ = false;
    window_.reset();
    dataset_.reset(), renderer_.reset(), loaded_path_.clear();   // the volume holds the pixels now
    frame_ = mpr_->coordinate(kind);
    status_ = ViewStatus::loading;
    needs_render_ = true;
}

// The crosshair moved across this plane, or the slab changed, since it was made.
bool ImageView::plane_stale() const {
    return mpr_ && (mpr_->coordinate(plane_kind_) != frame_ || mpr_->slab_mm() != rendered_slab_mm_);
}

ViewStatus ImageView::status() const {
    if (status_ == ViewStatus::shown && plane_stale()) return ViewStatus::loading;
    return status_;
}

unsigned ImageView::frame_count() const {
    if (mpr_) return mpr_->count(plane_kind_);
    const SeriesEntry* series = catalogue_.find_series(series_uid_);
    return series ? series->frame_count() : 0;
}

void ImageView::set_frame(unsigned frame) {
    const unsigned count = frame_count();
    if (count == 0) return;
    frame = std::min(frame, count - 1);
    if (mpr_) mpr_->set_coordinate(plane_kind_, frame);
    if (frame == frame_ && status_ == ViewStatus::shown) return;
    frame_ = frame;
    status_ = ViewStatus::loading;
    needs_render_ = true;
}

void ImageView::set_window(dicom::Window window) {
    window_ = window;
    if (status_ != ViewStatus::empty) status_ = ViewStatus::loading;
    needs_render_ = true;
}

void ImageView::reset_window() {
    window_.reset();
    if (status_ != ViewStatus::empty) status_ = ViewStatus::loading;
    needs_render_ = true;
}

void ImageView::set_inverted(bool inverted) {
    if (inverted == inverted_) return;
    inverted_ = inverted;
    if (status_ != ViewStatus::empty) status_ = ViewStatus::loading;
    needs_render_ = true;
}

void ImageView::set_overlays(bool shown) {
    if (shown == overlays_) return;
    overlays_ = shown;
    if (status_ != ViewStatus::empty) status_ = ViewStatus::loading;
    needs_render_ = true;
}

const std::vector<dicom::TagRow>& ImageView::tags() {
    if (dataset_ && tags_path_ != loaded_path_) {
        tags_ = dicom::tag_rows(*dataset_);
        tags_path_ = loaded_path_;
    }
    if (!dataset_) tags_.clear();
    return tags_;
}

void ImageView::tick(double now_ms) {
    if (!playing_ || status_ != ViewStatus::shown || now_ms - last_step_ms_ < 1000 / frames_per_second) return;
    const unsigned count = frame_count();
    if (count < 2) return;
    last_step_ms_ = now_ms;
    set_frame((frame_ + 1) % count);
}

void ImageView::measure(float x1, float y1, float x2, float y2) {
    Measurement m{x1, y1, x2, y2, std::nullopt};
    const FrameLocation* location = status_ == ViewStatus::shown ? &shown_location_ : nullptr;   // the frame measured on
    if (location && location->spacing_row && location->spacing_column) {
        const double dx = (x2 - x1) * *location->spacing_column, dy = (y2 - y1) * *location->spacing_row;
        m.millimetres = std::sqrt(dx * dx + dy * dy);
    }
    measurement_ = m;
}

void ImageView::measure_angle(float x1, float y1, float x2, float y2, float x3, float y3) {
    shapes_.set_angle(x1, y1, x2, y2, x3, y3, spacing().value_or(dicom::PixelSpacing{}));
}

void ImageView::measure_region(float cx, float cy, float rx, float ry) {
    shapes_.set_region(cx, cy, rx, ry, modality_values(), spacing(), value_unit());
}

void ImageView::cancel_measurements() {
    measurement_.reset();
    shapes_.clear();
}

// Without Pixel Spacing, angles count a pixel as 1 x 1 (right for square pixels) and a region's
// area is in pixels.
std::optional<dicom::PixelSpacing> ImageView::spacing() const {
    if (status_ == ViewStatus::shown && shown_location_.spacing_row && shown_location_.spacing_column)
        return dicom::PixelSpacing{*shown_location_.spacing_row, *shown_location_.spacing_column};
    return std::nullopt;
}

const dicom::ModalityFrame* ImageView::modality_values() {
    if (!modality_read_ && status_ == ViewStatus::shown && plane_) {
        modality_ = dicom::ModalityFrame{plane_->width, plane_->height, {}};
        modality_->values.reserve(plane_->stored.size());
        for (const std::int16_t v : plane_->stored) modality_->values.push_back(plane_->mapping.value(v));
        modality_read_ = true;
    }
    if (!modality_read_ && renderer_ && status_ == ViewStatus::shown) modality_ = renderer_->modality_values(), modality_read_ = true;
    return modality_ ? &*modality_ : nullptr;
}

std::string ImageView::value_unit() const { return modality() == "CT" ? "HU" : ""; }

void ImageView::set_zoom(float zoom) { zoom_ = std::clamp(zoom, 1.0f, 8.0f); }

const std::string& ImageView::modality() const {
    static const std::string none;
    const SeriesEntry* series = catalogue_.find_series(series_uid_);
    return series ? series->modality : none;
}

void ImageView::fail(std::string message) {
    status_ = ViewStatus::error;
    error_ = std::move(message);
    needs_render_ = false;
}

void ImageView::update() {
    if (mpr_) return update_plane();
    if (!needs_render_ || series_uid_.empty()) return;
    const auto location = catalogue_.locate(series_uid_, frame_);
    if (!location) return fail("frame " + std::to_string(frame_) + " is not in the series");

    using Clock = std::chrono::steady_clock;
    const auto ms_since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
    const auto started = Clock::now();
    read_ms_ = 0;
    if (location->path != loaded_path_ || !dataset_) {
        FileRead read = files_.read(location->path);
        if (read.status == ReadStatus::pending) return;   // chunk still loading; next UI frame
        read_ms_ = ms_since(started);
        if (read.status != ReadStatus::ready)
            return fail(read.diagnostics.empty() ? location->path + ": missing" : to_string(read.diagnostics.front()));
        auto parsed = dicom::read_dataset(read.bytes, location->path);
        if (!parsed.value) return fail(to_string(parsed.diagnostics.front()));
        renderer_.reset();
        dataset_ = std::make_unique<dicom::Dataset>(std::move(*parsed.value));
        renderer_ = std::make_unique<dicom::FrameRenderer>(*dataset_);
        loaded_path_ = location->path;
    }
    renderer_->set_overlays(overlays_);
    auto rendered = renderer_->render(location->frame_in_file, window_);
    if (!rendered.value) return fail(to_string(rendered.diagnostics.front()));
    rendered_ = std::move(*rendered.value);
    if (inverted_)
        for (auto& p : rendered_->pixels) p = static_cast<std::uint8_t>(255 - p);
    shown_location_ = *location;
    // An enhanced image's frames each have their own position and pixel spacing.
    if (rendered_->position_z) shown_location_.slice_location = rendered_->position_z;
    if (rendered_->spacing_row) shown_location_.spacing_row = rendered_->spacing_row, shown_location_.spacing_column = rendered_->spacing_column;
    edges_ = rendered_->orientation ? dicom::edge_letters(*rendered_->orientation) : std::nullopt;
    upload_texture();
    modality_.reset(), modality_read_ = false;
    decode_ms_ = ms_since(started) - read_ms_;
    prefetch_neighbours();
    needs_render_ = false;
    status_ = ViewStatus::shown;
    error_.clear();
    // The shapes stay where they were drawn; the region's values become the new frame's.
    shapes_.frame_changed(shapes_.region() ? modality_values() : nullptr, spacing(), value_unit());
}

namespace {

// Each plane's colour, on its own view's frame and where the other planes show it.
ImU32 plane_colour(dicom::PlaneKind kind) {
    switch (kind) {
        case dicom::PlaneKind::axial: return IM_COL32(90, 170, 255, 255);
        case dicom::PlaneKind::coronal: return IM_COL32(90, 220, 120, 255);
        case dicom::PlaneKind::sagittal: return IM_COL32(255, 150, 70, 255);
    }
    return IM_COL32(255, 255, 255, 255);
}

}  // namespace

// A plane is made again when the crosshair moves across it (its own wheel, or a click on
// another plane), when the slab changes, or when the window does.
void ImageView::update_plane() {
    const dicom::Volume* volume = mpr_->volume();
    if (!volume) {
        if (mpr_->status() == Mpr::Status::failed) fail(mpr_->problem().ja);
        else status_ = ViewStatus::loading;
        return;
    }
    if (!needs_render_ && status_ == ViewStatus::shown && !plane_stale()) return;
    frame_ = mpr_->coordinate(plane_kind_);
    plane_ = dicom::reformat(*volume, plane_kind_, mpr_->crosshair(), mpr_->slab_mm());
    const dicom::Window window = window_.value_or(mpr_->file_window().value_or(dicom::Window{40, 400}));
    dicom::RenderedFrame frame;
    frame.width = plane_->width, frame.height = plane_->height, frame.channels = 1;
    frame.pixels = dicom::render_plane(*plane_, window);
    frame.window = window;
    frame.spacing_row = plane_->spacing.row, frame.spacing_column = plane_->spacing.column;
    if (inverted_)
        for (auto& p : frame.pixels) p = static_cast<std::uint8_t>(255 - p);
    rendered_ = std::move(frame);
    shown_location_ = {};
    shown_location_.slice_location = mpr_->position_mm(plane_kind_);
    shown_location_.spacing_row = plane_->spacing.row, shown_location_.spacing_column = plane_->spacing.column;
    edges_ = dicom::edge_letters(mpr_->orientation(plane_kind_));
    upload_texture();
    modality_.reset(), modality_read_ = false;
    rendered_slab_mm_ = mpr_->slab_mm();
    needs_render_ = false;
    status_ = ViewStatus::shown;
    error_.clear();
    shapes_.frame_changed(shapes_.region() ? modality_values() : nullptr, spacing(), value_unit());
}

// Where the other two planes cut this one, each in its plane's colour through the whole image.
void ImageView::draw_reference_lines(ImDrawList* draw, ImVec2 top_left, float scale, float scale_y) const {
    const dicom::Volume* volume = mpr_ ? mpr_->volume() : nullptr;
    if (!volume || !rendered_) return;
    const auto lines = dicom::reference_lines(*volume, plane_kind_, mpr_->crosshair());
    const float right = top_left.x + static_cast<float>(rendered_->width) * scale;
    const float bottom = top_left.y + static_cast<float>(rendered_->height) * scale_y;
    const float y = top_left.y + (static_cast<float>(lines.row) + 0.5f) * scale_y;
    const float x = top_left.x + (static_cast<float>(lines.column) + 0.5f) * scale;
    draw->AddLine(ImVec2(top_left.x, y), ImVec2(right, y), plane_colour(lines.across), 1.5f);
    draw->AddLine(ImVec2(x, top_left.y), ImVec2(x, bottom), plane_colour(lines.down), 1.5f);
}

// The files of the next slices (and the previous two) start loading while this one is looked
// at, so paging on does not wait for a chunk script.
void ImageView::prefetch_neighbours() {
    constexpr int ahead = 8, behind = 2;
    std::string last = shown_location_.path;
    for (int step = -behind; step <= ahead; ++step) {
        if (step == 0 || (step < 0 && frame_ < static_cast<unsigned>(-step))) continue;
        const auto near = catalogue_.locate(series_uid_, frame_ + step);
        if (near && near->path != last) files_.prefetch(near->path), last = near->path;
    }
}

// The rendered 8-bit pixels as they are (grey as a luminance texture: no conversion, a quarter
// of the bytes of RGBA).
void ImageView::upload_texture() {
    viewer::upload_texture(texture_, rendered_->width, rendered_->height, rendered_->channels, rendered_->pixels.data());
}

namespace {

// Text with a dark outline, readable on any part of an image.
// The scale bar's length: the longest round length that takes at most a quarter of the view.
double scale_bar_millimetres(double pixels_per_mm, float view_width) {
    double best = 0;
    for (const double mm : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0})
        if (mm * pixels_per_mm <= view_width / 4) best = mm;
    return best;
}

std::string length_text(const Measurement& m) {
    char text[64];
    if (m.millimetres) std::snprintf(text, sizeof text, "%.1f mm", *m.millimetres);
    else std::snprintf(text, sizeof text, "%.0f px", std::hypot(m.x2 - m.x1, m.y2 - m.y1));
    return text;
}

}  // namespace

bool ImageView::draw(float width, float height, const ImageOverlay& overlay, Language language, bool takes_keys) {
    if (!rendered_ || !texture_) return false;
    const ImVec2 panel = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##image-area", ImVec2(std::max(width, 1.0f), std::max(height, 1.0f)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    // A reformatted plane's rows may be further apart than its columns (slices 2.5 mm apart, pixels
    // 0.7 mm): drawn at their true proportions. Images from files are drawn pixel for pixel.
    const float aspect = mpr_ && rendered_->spacing_row && rendered_->spacing_column && *rendered_->spacing_column > 0
                             ? static_cast<float>(*rendered_->spacing_row / *rendered_->spacing_column) : 1.0f;
    const float image_height = static_cast<float>(rendered_->height) * aspect;
    const float fit_scale = std::min(width / static_cast<float>(rendered_->width), height / image_height);
    const float scale = fit_scale * zoom_, scale_y = scale * aspect;
    const ImVec2 size(static_cast<float>(rendered_->width) * scale, image_height * scale);
    const ImVec2 top_left(panel.x + (width - size.x) / 2 + pan_x_, panel.y + (height - size.y) / 2 + pan_y_);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(panel, ImVec2(panel.x + width, panel.y + height), true);
    // The image is opaque: drawn without blending, which halves its cost in software WebGL.
    draw->AddCallback([](const ImDrawList*, const ImDrawCmd*) { glDisable(GL_BLEND); }, nullptr);
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_)), top_left,
                   ImVec2(top_left.x + size.x, top_left.y + size.y));
    draw->AddCallback([](const ImDrawList*, const ImDrawCmd*) { glEnable(GL_BLEND); }, nullptr);
    const auto to_screen = [&](float x, float y) { return ImVec2(top_left.x + x * scale, top_left.y + y * scale_y); };
    if (measurement_) {
        const ImVec2 a = to_screen(measurement_->x1, measurement_->y1), b = to_screen(measurement_->x2, measurement_->y2);
        draw->AddLine(a, b, IM_COL32(255, 235, 130, 255), 2.0f);
        draw->AddCircleFilled(a, 3, IM_COL32(255, 235, 130, 255));
        draw->AddCircleFilled(b, 3, IM_COL32(255, 235, 130, 255));
        outlined_text(draw, ImVec2(b.x + 6, b.y + 6), length_text(*measurement_));
    }
    draw_reference_lines(draw, top_left, scale, scale_y);
    shapes_.draw(draw, to_screen, language);
    const float line = ImGui::GetTextLineHeight(), margin = 6;
    const auto text_width = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
    drawn_ = {top_left.x, top_left.y, size.x, size.y, std::nullopt};
    // In a narrow view (2, 3 or 4 side by side) the right-hand texts go a line further in
    // rather than over the left-hand ones, and what sits at the middle of the edges moves too.
    const bool top_crowded = text_width(overlay.top_left) + text_width(overlay.top_right) + 3 * margin > width;
    const bool bottom_crowded = text_width(overlay.bottom_left) + text_width(overlay.bottom_right) + 3 * margin > width;
    const float top_lines = top_crowded ? 2.0f : 1.0f;
    const float bottom_lines = (bottom_crowded ? 2.0f : 1.0f) + (overlay.note.empty() ? 0.0f : 1.0f);
    // Where the patient's right, front, head ... are: at the middle of each edge of the view.
    if (const auto& e = edges_) {
        const float mid_x = panel.x + width / 2, mid_y = panel.y + height / 2;
        outlined_text(draw, ImVec2(panel.x + margin, mid_y - line / 2), e->left);
        outlined_text(draw, ImVec2(panel.x + width - margin - text_width(e->right), mid_y - line / 2), e->right);
        outlined_text(draw, ImVec2(mid_x - text_width(e->top) / 2, panel.y + margin + top_lines * line), e->top);
        outlined_text(draw, ImVec2(mid_x - text_width(e->bottom) / 2, panel.y + height - margin - (bottom_lines + 1) * line), e->bottom);
    }
    // A scale bar in mm along the bottom right, from the pixel spacing of the frame shown.
    if (shown_location_.spacing_column && *shown_location_.spacing_column > 0) {
        const double pixels_per_mm = scale / *shown_location_.spacing_column;
        if (const double mm = scale_bar_millimetres(pixels_per_mm, width); mm > 0) {
            const float length = static_cast<float>(mm * pixels_per_mm);
            const float above = (bottom_crowded ? 1.0f : 0.0f) + 1.6f;
            const ImVec2 end(panel.x + width - margin, panel.y + height - margin - line * above), start(end.x - length, end.y);
            for (const auto& [thickness, colour] : {std::pair{4.0f, IM_COL32(0, 0, 0, 230)}, std::pair{2.0f, IM_COL32(255, 235, 130, 255)}}) {
                draw->AddLine(start, end, colour, thickness);
                draw->AddLine(ImVec2(start.x, start.y - 5), ImVec2(start.x, start.y + 1), colour, thickness);
                draw->AddLine(ImVec2(end.x, end.y - 5), ImVec2(end.x, end.y + 1), colour, thickness);
            }
            char label[32];
            std::snprintf(label, sizeof label, "%g mm", mm);
            outlined_text(draw, ImVec2(end.x - text_width(label), start.y - line - 4), label);
            drawn_.scale_bar = ScaleBar{mm, length};
        }
    }
    outlined_text(draw, ImVec2(panel.x + margin, panel.y + margin), overlay.top_left);
    outlined_text(draw, ImVec2(panel.x + width - margin - text_width(overlay.top_right), panel.y + margin + (top_crowded ? line : 0)),
                  overlay.top_right);
    if (!overlay.note.empty()) outlined_text(draw, ImVec2(panel.x + margin, panel.y + height - margin - 2 * line), overlay.note);
    outlined_text(draw, ImVec2(panel.x + margin, panel.y + height - margin - line), overlay.bottom_left);
    outlined_text(draw, ImVec2(panel.x + width - margin - text_width(overlay.bottom_right),
                               panel.y + height - margin - (bottom_crowded ? 2 : 1) * line - (bottom_crowded && !overlay.note.empty() ? line : 0)),
                  overlay.bottom_right);
    draw->PopClipRect();

    const ImGuiIO& io = ImGui::GetIO();
    if (takes_keys) {
        int step = 0;
        const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };   // ImGui 1.86's key API
        if (pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_PageDown)) step = 1;
        if (pressed(ImGuiKey_UpArrow) || pressed(ImGuiKey_PageUp)) step = -1;
        if (step) set_frame(static_cast<unsigned>(std::max(0, static_cast<int>(frame_) + step)));
        if (pressed(ImGuiKey_Escape)) cancel_measurements();
    }
    if (!ImGui::IsItemHovered() && !ImGui::IsItemActive()) return false;
    const bool touched = io.MouseWheel != 0 || ImGui::IsItemActive();
    if (io.MouseWheel != 0) {
        if (io.KeyCtrl) set_zoom(zoom_ * (io.MouseWheel > 0 ? 1.25f : 0.8f));
        else set_frame(static_cast<unsigned>(std::max(0, static_cast<int>(frame_) - static_cast<int>(io.MouseWheel))));
    }
    const auto to_image = [&](ImVec2 p) { return ImVec2((p.x - top_left.x) / scale, (p.y - top_left.y) / scale_y); };
    if (tool_ == MeasureTool::distance) {   // left-drag draws the line from where the button went down
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            const ImVec2 from = to_image(io.MouseClickedPos[ImGuiMouseButton_Left]), to = to_image(io.MousePos);
            measure(from.x, from.y, to.x, to.y);
        }
    } else if (tool_ == MeasureTool::angle) {
        shapes_.take_angle_input(to_image, spacing().value_or(dicom::PixelSpacing{}));
    } else if (tool_ == MeasureTool::region) {
        shapes_.take_region_input(to_image, [this] { return modality_values(); }, spacing(), value_unit());
    } else {
        // The image follows the pointer from where the button went down (the whole way, also
        // what moved before ImGui counted it as a drag).
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) fit();
        // In MPR a click (a press let go where it was) moves the crosshair there.
        const dicom::Volume* volume = mpr_ ? mpr_->volume() : nullptr;
        if (volume && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 16) {
            const ImVec2 at = to_image(io.MousePos);
            if (at.x >= 0 && at.y >= 0 && at.x < static_cast<float>(rendered_->width) && at.y < static_cast<float>(rendered_->height))
                mpr_->set_crosshair(dicom::crosshair_at(*volume, plane_kind_, mpr_->crosshair(), static_cast<unsigned>(at.x), static_cast<unsigned>(at.y)));
        }
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) pan_x_at_press_ = pan_x_, pan_y_at_press_ = pan_y_;
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            const ImVec2 moved = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
            pan_x_ = pan_x_at_press_ + moved.x, pan_y_ = pan_y_at_press_ + moved.y;
        }
    }
    // Right-drag: width with the horizontal distance from the press, level with the vertical.
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Right) && rendered_->window) window_at_press_ = window_.value_or(*rendered_->window);
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right) && window_at_press_) {
        const ImVec2 moved = ImGui::GetMouseDragDelta(ImGuiMouseButton_Right, 0.0f);
        const dicom::Window start = *window_at_press_;
        const double step = std::max(1.0, start.width / 256.0);
        set_window({start.center + moved.y * step, std::max(1.0, start.width + moved.x * step)});
    }
    return touched;
}

}  // namespace ssmix::viewer
