// viewer-wasm/image_view.h — the image being looked at: which series and frame, the window
// (the file's own, dragged, or a preset), black-and-white inversion, zoom and pan, the decoded
// file (kept while paging through its frames), the rendered 8-bit frame and its GL texture.
// Loading is incremental: update() advances it, one step per UI frame.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/base/file_source.h"
#include "core/dicom/dataset.h"
#include "core/dicom/image.h"
#include "core/dicom/orientation.h"
#include "core/dicom/reformat.h"
#include "core/dicom/tag_list.h"
#include "viewer-wasm/catalogue.h"
#include "viewer-wasm/mpr.h"
#include "viewer-wasm/shape_measurements.h"
#include "viewer-wasm/ui_text.h"

struct ImDrawList;
struct ImVec2;

namespace ssmix::viewer {

enum class ViewStatus { empty, loading, shown, error };

// Window presets for CT, in Hounsfield units: the values radiology departments commonly use.
struct WindowPreset {
    const char* id;               // for the test API: "lung", "mediastinum", "bone", "brain"
    Text name;
    double center, width;
};
inline constexpr WindowPreset window_presets[] = {
    {"lung", Text::preset_lung, -600, 1500},
    {"mediastinum", Text::preset_mediastinum, 40, 400},
    {"bone", Text::preset_bone, 400, 1800},
    {"brain", Text::preset_brain, 40, 80},
};

// Text in the image's corners, as viewing stations show it (who, which study, which image, which window).
struct ImageOverlay {
    std::string top_left, top_right, bottom_left, bottom_right;
    std::string note;   // above the bottom-left line: why the view does not follow the others
};

// What a left-drag on the image does: move it, or measure a distance, an angle or a region.
enum class MeasureTool { none, distance, angle, region };

// A distance measured on the image, in its pixels; mm from Pixel Spacing when the file has it.
struct Measurement {
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    std::optional<double> millimetres;
};

class ImageView {
public:
    ImageView(FileSource& files, const Catalogue& catalogue);
    ~ImageView();

    bool open(const std::string& series_uid);        // false if no such series
    void close();                                    // shows nothing
    // A plane of a reformatted series instead of a series' frames: the frames are the plane's
    // positions across the volume (the crosshair's coordinate, which the planes' views share).
    void show_plane(std::shared_ptr<Mpr> mpr, dicom::PlaneKind kind);
    [[nodiscard]] const Mpr* mpr() const { return mpr_.get(); }
    [[nodiscard]] dicom::PlaneKind plane_kind() const { return plane_kind_; }
    void set_frame(unsigned frame);                  // clamped to the series
    void set_window(dicom::Window window);
    void reset_window();                              // back to the file's own window
    void set_inverted(bool inverted);                 // white and black swapped (as drawn and in rendered())
    void set_overlays(bool shown);                    // the file's overlay planes (60xx) drawn or not
    void set_zoom(float zoom);                        // 1 = the whole image fits; up to 8
    void fit() { zoom_ = 1, pan_x_ = pan_y_ = 0; }
    void set_pan(float x, float y) { pan_x_ = x, pan_y_ = y; }
    // The window chosen (dragged or a preset); none: the file's own.
    [[nodiscard]] const std::optional<dicom::Window>& chosen_window() const { return window_; }
    [[nodiscard]] float pan_x() const { return pan_x_; }   // CSS pixels the image is moved by
    [[nodiscard]] float pan_y() const { return pan_y_; }
    void set_tool(MeasureTool tool) { tool_ = tool; }
    void measure(float x1, float y1, float x2, float y2);            // in image pixels
    void measure_angle(float x1, float y1, float x2, float y2, float x3, float y3);   // (x2, y2) the vertex
    void measure_region(float cx, float cy, float rx, float ry);                       // an ellipse
    void cancel_measurements();                                                       // Escape
    // Cine: the frames in a loop, `frames_per_second` at most (a frame still decoding holds it).
    void set_playing(bool playing) { playing_ = playing; }
    void tick(double now_ms);

    void update();                                    // continue loading / rendering
    // The last shown frame's cost: reading its file (gathered and inflated from the bundle, 0 when
    // the file was already open) and decoding it (parse, render, texture upload), in ms.
    [[nodiscard]] double read_ms() const { return read_ms_; }
    [[nodiscard]] double decode_ms() const { return decode_ms_; }
    // ImGui widgets, fit to the given size. Keys page and cancel only with `takes_keys` (the
    // active viewport). True when the physician clicked, dragged or turned the wheel on it.
    bool draw(float width, float height, const ImageOverlay& overlay, Language language, bool takes_keys = true);

    // Loading too while a plane waits to be made again for a moved crosshair or slab.
    [[nodiscard]] ViewStatus status() const;
    [[nodiscard]] const std::string& error_message() const { return error_; }
    [[nodiscard]] const std::string& series_uid() const { return series_uid_; }
    [[nodiscard]] unsigned frame() const { return frame_; }
    [[nodiscard]] unsigned frame_count() const;
    [[nodiscard]] const dicom::RenderedFrame* rendered() const { return rendered_ ? &*rendered_ : nullptr; }
    [[nodiscard]] const FrameLocation& shown_location() const { return shown_location_; }   // file behind rendered()
    [[nodiscard]] bool inverted() const { return inverted_; }
    [[nodiscard]] bool overlays() const { return overlays_; }
    [[nodiscard]] float zoom() const { return zoom_; }
    [[nodiscard]] MeasureTool tool() const { return tool_; }
    [[nodiscard]] bool playing() const { return playing_; }
    // The elements of the file shown (the tag browser), read once per file.
    [[nodiscard]] const std::vector<dicom::TagRow>& tags();
    [[nodiscard]] const std::optional<Measurement>& measurement() const { return measurement_; }
    [[nodiscard]] const ShapeMeasurements& shapes() const { return shapes_; }
    // The letters at the view's edges for the frame shown (none without Image Orientation).
    [[nodiscard]] const std::optional<dicom::EdgeLetters>& edges() const { return edges_; }
    // As last drawn (CSS pixels), for the test API: where the image is, the scale bar (none
    // without Pixel Spacing).
    struct ScaleBar {
        double millimetres = 0;
        float pixels = 0;
    };
    struct DrawnGeometry {
        float x = 0, y = 0, width = 0, height = 0;
        std::optional<ScaleBar> scale_bar;
    };
    [[nodiscard]] const DrawnGeometry& drawn() const { return drawn_; }
    [[nodiscard]] const std::string& modality() const;

private:
    void upload_texture();
    void update_plane();
    [[nodiscard]] bool plane_stale() const;
    void draw_reference_lines(ImDrawList* draw, ImVec2 top_left, float scale, float scale_y) const;
    void fail(std::string message);
    void prefetch_neighbours();
    [[nodiscard]] std::optional<dicom::PixelSpacing> spacing() const;   // of the frame shown, when the file gives it
    [[nodiscard]] const dicom::ModalityFrame* modality_values();   // of the frame shown, made when first asked
    [[nodiscard]] std::string value_unit() const;

    FileSource& files_;
    const Catalogue& catalogue_;
    std::string series_uid_;
    unsigned frame_ = 0;
    std::optional<dicom::Window> window_;
    bool inverted_ = false;
    bool overlays_ = true;
    float zoom_ = 1, pan_x_ = 0, pan_y_ = 0;
    DrawnGeometry drawn_;
    std::optional<dicom::EdgeLetters> edges_;
    float pan_x_at_press_ = 0, pan_y_at_press_ = 0;   // where a left-drag started the image
    std::optional<dicom::Window> window_at_press_;     // the window a right-drag started from
    MeasureTool tool_ = MeasureTool::none;
    ShapeMeasurements shapes_;
    std::optional<dicom::ModalityFrame> modality_;   // of rendered_, for region statistics
    bool modality_read_ = false;
    bool playing_ = false;
    double last_step_ms_ = 0;
    static constexpr double frames_per_second = 10;
    std::optional<Measurement> measurement_;
    ViewStatus status_ = ViewStatus::empty;
    std::string error_;
    bool needs_render_ = false;
    double read_ms_ = 0, decode_ms_ = 0;

    std::string loaded_path_;                         // file behind dataset_
    std::string tags_path_;                           // file behind tags_
    std::vector<dicom::TagRow> tags_;
    std::unique_ptr<dicom::Dataset> dataset_;
    std::unique_ptr<dicom::FrameRenderer> renderer_;
    std::optional<dicom::RenderedFrame> rendered_;
    FrameLocation shown_location_;
    unsigned texture_ = 0;

    std::shared_ptr<Mpr> mpr_;                       // in MPR: the volume and crosshair
    dicom::PlaneKind plane_kind_ = dicom::PlaneKind::axial;
    std::optional<dicom::Plane> plane_;               // the plane behind rendered_, for region values
    double rendered_slab_mm_ = -1;
};

}  // namespace ssmix::viewer
