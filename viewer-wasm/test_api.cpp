// viewer-wasm/test_api.cpp — nlohmann/json, ordered so a human reading the output finds the
// patient first.
#include "viewer-wasm/test_api.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/base/base64.h"
#include "core/clinical/lab_table.h"
#include "viewer-wasm/drawn_text.h"
#include "viewer-wasm/slice_sync.h"

namespace ssmix::viewer {
namespace {

const char* status_name(ViewStatus status) {
    switch (status) {
        case ViewStatus::empty: return "empty";
        case ViewStatus::loading: return "loading";
        case ViewStatus::shown: return "shown";
        case ViewStatus::error: return "error";
    }
    return "error";
}

nlohmann::ordered_json trend_json(App& app) {
    const std::string& test = app.record_view().trend();
    if (test.empty() || !app.record()) return nullptr;
    nlohmann::ordered_json points = nlohmann::ordered_json::array();
    for (const auto& p : trend_of(*app.record(), test)) points.push_back({{"at", p.at}, {"value", p.value}, {"flag", p.flag}});
    return {{"test", test}, {"points", points}};
}

const char* panel_name(Panel panel) {
    switch (panel) {
        case Panel::images: return "images";
        case Panel::document: return "document";
        case Panel::problems: return "problems";
        case Panel::prescriptions: return "prescriptions";
        case Panel::labs: return "labs";
    }
    return "images";
}

nlohmann::ordered_json measurement_json(const std::optional<Measurement>& m) {
    if (!m) return nullptr;
    return {{"x1", m->x1}, {"y1", m->y1}, {"x2", m->x2}, {"y2", m->y2},
            {"mm", m->millimetres ? nlohmann::ordered_json(*m->millimetres) : nlohmann::ordered_json(nullptr)}};
}

nlohmann::ordered_json angle_json(const std::optional<AngleMeasurement>& a) {
    if (!a) return nullptr;
    nlohmann::ordered_json points = nlohmann::ordered_json::array();
    for (int i = 0; i < a->points; ++i) points.push_back({a->x[i], a->y[i]});
    return {{"points", points}, {"degrees", a->degrees ? nlohmann::ordered_json(*a->degrees) : nlohmann::ordered_json(nullptr)}};
}

nlohmann::ordered_json region_json(const std::optional<RegionMeasurement>& r) {
    if (!r) return nullptr;
    nlohmann::ordered_json out = {{"cx", r->cx}, {"cy", r->cy}, {"rx", r->rx}, {"ry", r->ry}, {"unit", r->unit}};
    if (const auto& s = r->stats) {
        out["mean"] = s->mean, out["sd"] = s->sd, out["min"] = s->min, out["max"] = s->max;
        out["areaMm2"] = r->area_in_mm ? nlohmann::ordered_json(s->area_mm2) : nlohmann::ordered_json(nullptr);
        out["pixels"] = s->pixels;
    }
    return out;
}

const char* tool_name(MeasureTool tool) {
    switch (tool) {
        case MeasureTool::distance: return "distance";
        case MeasureTool::angle: return "angle";
        case MeasureTool::region: return "region";
        case MeasureTool::none: break;
    }
    return "none";
}

// Where the image and its orientation letters and scale bar were drawn.
nlohmann::ordered_json drawn_json(const ImageView& view) {
    const auto& d = view.drawn();
    nlohmann::ordered_json edges = nullptr, bar = nullptr;
    if (const auto& e = view.edges()) edges = {{"left", e->left}, {"right", e->right}, {"top", e->top}, {"bottom", e->bottom}};
    if (d.scale_bar) bar = {{"mm", d.scale_bar->millimetres}, {"pixels", d.scale_bar->pixels}};
    return {{"imageRect", {{"x", d.x}, {"y", d.y}, {"width", d.width}, {"height", d.height}}}, {"edges", edges}, {"scaleBar", bar}};
}

nlohmann::ordered_json window_json(const std::optional<dicom::Window>& window) {
    if (!window) return nullptr;
    return {{"center", window->center}, {"width", window->width}};
}

// Something drawn that a test may click: [{<name>, x, y, width, height}] in CSS pixels.
template <class Rects, class Name>
nlohmann::ordered_json rects_json(const Rects& rects, const char* key, Name name) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : rects) out.push_back({{key, name(r)}, {"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}});
    return out;
}

// The open document's contents entries and in-document links as last drawn, its scroll
// position, the first section whose header is in view and the last section jumped to.
nlohmann::ordered_json letter_json(const DocumentView& letter) {
    return {{"contents", rects_json(letter.contents(), "title", [](const auto& e) { return e.title; })},
            {"links", rects_json(letter.links(), "target", [](const auto& l) { return l.target; })},
            {"scrollY", letter.scroll_y()}, {"scrollMaxY", letter.scroll_max_y()}, {"topSection", letter.top_section()}, {"jumpedTo", letter.jumped_to()}};
}

const char* thumbnail_status(const App& app, const std::string& series_uid) {
    const Thumbnail* thumbnail = app.thumbnails().find(series_uid);
    if (!thumbnail || thumbnail->status == ThumbnailStatus::waiting) return "waiting";
    return thumbnail->status == ThumbnailStatus::shown ? "shown" : "failed";
}

const char* layout_name(Layout layout) {
    switch (layout) {
        case Layout::one: return "1x1";
        case Layout::two: return "1x2";
        case Layout::four: return "2x2";
        case Layout::mpr: return "mpr";
    }
    return "1x1";
}

nlohmann::ordered_json viewports_array(App& app) {
    using json = nlohmann::ordered_json;
    Viewports& views = app.viewports();
    json out = json::array();
    for (std::size_t i = 0; i < views.shown(); ++i) {
        const ImageView& view = views.view(i);
        const SeriesEntry* series = view.series_uid().empty() ? nullptr : app.catalogue().find_series(view.series_uid());
        const InstanceEntry* instance = series ? instance_of_frame(*series, view.frame()) : nullptr;
        auto position = instance && instance->frames == 1 ? position_along_normal(*instance) : std::nullopt;
        std::string plane = instance ? plane_name(*instance) : "";
        if (const Mpr* mpr = view.mpr(); mpr && mpr->volume())
            position = mpr->position_mm(view.plane_kind()), plane = plane_name(mpr->orientation(view.plane_kind()));
        const dicom::RenderedFrame* frame = view.rendered();
        const auto note = views.note(i);
        const auto& rect = app.image_panel().view_rects()[i];
        out.push_back({{"index", i}, {"series", view.series_uid()}, {"frame", view.frame()}, {"frames", view.frame_count()},
                       {"status", status_name(view.status())}, {"position", position ? json(*position) : json(nullptr)},
                       {"plane", plane},
                       {"window", frame ? window_json(frame->window) : json(nullptr)}, {"zoom", view.zoom()},
                       {"pan", {view.pan_x(), view.pan_y()}}, {"active", i == views.active_index()},
                       {"note", note ? std::string(text(*note, app.language())) : ""},
                       {"rect", {{"x", rect.x}, {"y", rect.y}, {"width", rect.width}, {"height", rect.height}}}});
    }
    return out;
}

}  // namespace

std::string viewports_json(App& app) { return viewports_array(app).dump(); }

std::string mpr_json(App& app, const std::string& series_uid) {
    using json = nlohmann::ordered_json;
    Viewports& views = app.viewports();
    const bool ja = app.language() == Language::ja;
    const Mpr* mpr = views.mpr();
    if (!mpr || mpr->series_uid() != series_uid) {   // not reformatting it: can it be?
        const MprVerdict& verdict = views.mpr_verdict(series_uid);
        return json{{"available", verdict.plan.has_value()}, {"status", "not started"},
                    {"reason", ja ? verdict.reason.ja : verdict.reason.en}}.dump();
    }
    const char* status = mpr->status() == Mpr::Status::ready ? "ready" : mpr->status() == Mpr::Status::building ? "building" : "failed";
    json out = {{"available", mpr->status() != Mpr::Status::failed}, {"status", status},
                {"reason", ja ? mpr->problem().ja : mpr->problem().en},
                {"progress", {{"read", mpr->slices_read()}, {"needed", mpr->slices_needed()}}}};
    const dicom::Volume* volume = mpr->volume();
    if (!volume) return out.dump();
    json planes = json::array();
    for (std::size_t i = 0; i < 3; ++i) {
        const ImageView& view = views.view(i);
        const dicom::RenderedFrame* frame = view.rendered();
        planes.push_back({{"index", i}, {"plane", plane_name(mpr->orientation(view.plane_kind()))}, {"width", frame ? frame->width : 0},
                          {"height", frame ? frame->height : 0},
                          {"spacing", {frame && frame->spacing_row ? *frame->spacing_row : 0, frame && frame->spacing_column ? *frame->spacing_column : 0}}});
    }
    const auto& plan = volume->plan();
    const dicom::Voxel at = mpr->crosshair();
    out["planes"] = planes;
    out["volume"] = {{"width", volume->width()}, {"height", volume->height()}, {"depth", volume->depth()},
                     {"spacingMm", {plan.spacing_mm[0], plan.spacing_mm[1], plan.spacing_mm[2]}},
                     {"reducedBy", plan.reduced_by}, {"depthReducedBy", plan.depth_reduced_by}, {"bytes", plan.voxel_bytes()},
                     {"normal", {plan.normal[0], plan.normal[1], plan.normal[2]}}};
    out["crosshair"] = {at.x, at.y, at.z};
    out["slabMm"] = mpr->slab_mm();
    return out.dump();
}

std::string state_json(App& app, float display_scale) {
    using json = nlohmann::ordered_json;
    const Catalogue& catalogue = app.catalogue();
    const PatientEntry patient = app.patient();

    const auto disc_patient = app.disc_patient();
    json studies = json::array();
    for (const auto& study : catalogue.studies()) {
        const PatientEntry& owner = catalogue.patients()[study.patient];
        json series = json::array();
        for (const auto& s : study.series)
            series.push_back({{"id", s.uid}, {"modality", s.modality}, {"description", s.description},
                              {"frames", s.frame_count()}, {"thumbnail", thumbnail_status(app, s.uid)},
                              {"keyImages", s.key_images}, {"keySeries", s.key_series}});
        studies.push_back({{"id", study.uid}, {"date", study.date}, {"description", study.description},
                           {"patient", {{"id", owner.id}, {"name", owner.name}, {"otherPatient", study.patient != disc_patient}}},
                           {"series", series}});
    }
    ImageView& view = app.view();
    const dicom::RenderedFrame* frame = view.rendered();
    json documents = json::array();
    for (const auto& d : app.documents())
        documents.push_back({{"id", d.path}, {"title", d.document.title}, {"sections", d.document.sections.size()},
                             {"body", d.document.non_xml_body ? d.document.non_xml_body->media_type : ""},
                             {"fromDicom", d.from_dicom}, {"otherPatient", app.is_other_patients(d)}});
    json record = nullptr;
    if (const auto* r = app.record()) {
        json tests = json::array();
        for (const auto& test : clinical::lab_table(*r).tests) tests.push_back(test.name);
        record = {{"problems", r->problems.size()}, {"allergies", r->allergies.size()},
                  {"prescriptions", r->prescriptions.size()}, {"labResults", r->lab_results.size()}, {"labTests", tests}};
    }
    const ImageOverlay overlay = app.image_overlay();
    const json buttons = rects_json(app.header_buttons(), "id", [](const auto& b) { return b.id; });
    json missing = json::array();
    for (unsigned cp : app.fonts().missing()) missing.push_back(cp);

    const json state = {
        {"ready", app.ready()},
        {"language", app.language() == Language::ja ? "ja" : "en"},
        {"patient", {{"id", patient.id}, {"name", patient.name}, {"birthDate", patient.birth_date}, {"sex", patient.sex},
                     {"age", app.patient_age() ? json(*app.patient_age()) : json(nullptr)}}},
        {"documents", documents},
        {"record", record},
        {"studies", studies},
        {"view", {{"panel", panel_name(app.panel())}, {"trend", trend_json(app)}, {"printPage", app.print_page()}, {"textMode", app.text_mode()}, {"document", app.open_document_path()}, {"series", view.series_uid()}, {"frame", view.frame()}, {"frames", view.frame_count()},
                  {"status", status_name(view.status())}, {"error", view.error_message()},
                  {"file", frame ? view.shown_location().path : ""}, {"fileFrame", view.shown_location().frame_in_file},
                  {"transferSyntax", frame ? view.shown_location().transfer_syntax_uid : ""},
                  {"window", frame ? window_json(frame->window) : json(nullptr)},
                  {"inverted", view.inverted()}, {"overlays", view.overlays()}, {"hasOverlays", frame && frame->has_overlays}, {"zoom", view.zoom()}, {"pan", {view.pan_x(), view.pan_y()}}, {"measurement", measurement_json(view.measurement())}, {"tool", tool_name(view.tool())}, {"angle", angle_json(view.shapes().angle())}, {"region", region_json(view.shapes().region())},
                  {"playing", view.playing()}, {"readMs", view.read_ms()}, {"decodeMs", view.decode_ms()},
                  {"letter", letter_json(app.document_view())},
                  {"overlay", {{"topLeft", overlay.top_left}, {"topRight", overlay.top_right}, {"bottomLeft", overlay.bottom_left}}},
                  {"otherPatientShown", app.showing_other_patient()}, {"drawn", drawn_json(app.view())},
                  {"layout", layout_name(app.viewports().layout())}, {"linked", app.viewports().linked()},
                  {"viewsLoading", app.viewports().loading()}}},
        {"font", {{"glyphs", app.fonts().glyph_count()}, {"missing", missing}, {"scale", app.fonts().scale()}}},
        {"displayScale", display_scale},
        {"buttons", buttons},
        {"problems", app.problems()},
    };
    return state.dump();
}

std::string tags_json(App& app) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : app.view().tags())
        rows.push_back({{"depth", row.depth}, {"tag", row.tag}, {"name", row.name}, {"vr", row.vr}, {"value", row.value}});
    return rows.dump();
}

std::string media_json(App& app) {
    const std::string prefix = app.open_document_path() + "#";
    nlohmann::ordered_json images = nlohmann::ordered_json::array();
    for (const MediaImage* image : app.media_images().all()) {
        if (prefix.size() == 1 || !image->key.starts_with(prefix)) continue;
        const char* status = image->status == MediaStatus::shown ? "shown" : image->status == MediaStatus::decoding ? "decoding" : "not shown";
        images.push_back({{"id", image->key.substr(prefix.size())}, {"status", status}, {"width", image->width},
                          {"height", image->height}, {"sha256", image->rgba_sha256}});
    }
    return images.dump();
}

namespace {

std::string picture_json(const dicom::RenderedFrame& frame) {
    const nlohmann::ordered_json out = {
        {"width", frame.width}, {"height", frame.height}, {"channels", frame.channels},
        {"data", encode_base64(frame.pixels)}, {"window", window_json(frame.window)}};
    return out.dump();
}

}  // namespace

std::string frame_json(App& app, std::size_t index) {
    if (index >= app.viewports().shown()) return "{}";
    const dicom::RenderedFrame* frame = app.viewports().view(index).rendered();
    return frame ? picture_json(*frame) : "{}";
}

std::string drawn_text_json() {
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    const ImDrawData* frame = ImGui::GetDrawData();
    if (!frame) return runs.dump();
    for (const DrawnText& run : drawn_text(*frame, *ImGui::GetIO().Fonts))
        runs.push_back({{"text", run.text}, {"x", run.x}, {"y", run.y}, {"width", run.width}, {"height", run.height}});
    return runs.dump();
}

std::string thumbnail_json(App& app, const std::string& series_uid) {
    const Thumbnail* thumbnail = app.thumbnails().find(series_uid);
    return thumbnail && thumbnail->status == ThumbnailStatus::shown ? picture_json(thumbnail->picture) : "{}";
}

}  // namespace ssmix::viewer
