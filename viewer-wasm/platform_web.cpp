// viewer-wasm/platform_web.cpp — the one file that knows it runs in a browser: GLFW window on
// the page's canvas (WebGL2), the main loop, the bridge to web/loader.js (chunk scripts, the
// page's state attribute) and the C functions behind window.ssmixViewer.
#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/disc_names.h"
#include "core/bundle/bundle_files.h"
#include "core/bundle/manifest.h"
#include "core/clinical/record_json.h"
#include "core/dicom/instance_index.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "viewer-wasm/app.h"
#include "viewer-wasm/bundle_chunks.h"
#include "viewer-wasm/imgui_renderer.h"
#include "viewer-wasm/picked_files.h"
#include "viewer-wasm/test_api.h"

namespace {

// --- calls into web/loader.js -------------------------------------------------------------
// NOLINTBEGIN: EM_JS bodies are JavaScript.
EM_JS(void, js_load_chunk, (unsigned chunk), { Module.ssmixLoadChunk(chunk); });
// A step of the start, timed by the page (window.ssmixViewer.times()).
EM_JS(void, js_mark_time, (const char* step), { Module.ssmixMarkTime(UTF8ToString(step)); });
EM_JS(void, js_set_state, (const char* state, const char* message),
      { Module.ssmixSetState(UTF8ToString(state), UTF8ToString(message)); });
// MANIFEST.JS's parts as JSON text in the wasm heap (to be freed; 0 when absent): 0 the file
// table (without the files of deferred series), 1 the image index read at once, 2 the deferred
// series (web/loader.js, Module.ssmixManifestPart).
EM_JS(char*, js_manifest_json, (int part), {
    var text = Module.ssmixManifestPart(part);
    return text === null ? 0 : Module.ssmixHeapText(text);
});
// One group of the image index (a deferred series' images) and one file entry by path, the same way.
EM_JS(char*, js_index_group, (int group), { return Module.ssmixHeapText(Module.ssmixIndexGroup(group)); });
EM_JS(char*, js_bundled_file, (const char* path), {
    var text = Module.ssmixBundledFile(UTF8ToString(path));
    return text === null ? 0 : Module.ssmixHeapText(text);
});
EM_JS(void, js_read_picked, (const char* path), { Module.ssmixReadPicked(UTF8ToString(path)); });
EM_JS(void, js_pick_folder, (), { Module.ssmixPickFolder(); });
EM_JS(void, js_open_page, (const char* path), { Module.ssmixOpenPage(UTF8ToString(path)); });
EM_JS(void, js_copy_text, (const char* text), { Module.ssmixCopyText(UTF8ToString(text)); });
EM_JS(void, js_decode_image, (int id, const char* type, const std::uint8_t* bytes, std::size_t size), {
    Module.ssmixDecodeImage(id, UTF8ToString(type), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(void, js_save_file, (const char* name, const char* type, const std::uint8_t* bytes, std::size_t size), {
    Module.ssmixSaveFile(UTF8ToString(name), UTF8ToString(type), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(void, js_store_language, (const char* code), { Module.ssmixStoreLanguage(UTF8ToString(code)); });
EM_JS(int, js_stored_language_is_english, (), { return Module.ssmixStoredLanguage() === "en" ? 1 : 0; });
EM_JS(double, js_canvas_width, (), { return Module.canvas.clientWidth || window.innerWidth; });
EM_JS(double, js_canvas_height, (), { return Module.canvas.clientHeight || window.innerHeight; });
EM_JS(double, js_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
// NOLINTEND

struct Viewer {
    GLFWwindow* window = nullptr;
    std::unique_ptr<ssmix::viewer::BundleChunks> chunks;
    std::unique_ptr<ssmix::bundle::BundleFiles> files;
    std::unique_ptr<ssmix::viewer::PickedFiles> picked;
    std::unique_ptr<ssmix::viewer::DiscFiles> disc;
    std::unique_ptr<ssmix::viewer::App> app;
    ssmix::viewer::ImGuiRenderer renderer;
    bool announced_ready = false;
    std::string api_buffer;   // the last string handed to JavaScript
    bool first_frame_marked = false;
    float display_scale = 1;   // device pixels per CSS pixel, for the test API
};
Viewer* viewer = nullptr;

constexpr double frame_budget_ms = 12;   // background work per UI frame; keeps the page responsive
constexpr std::size_t chunk_cache_bytes = 256u << 20;
constexpr std::size_t picked_cache_bytes = 256u << 20;

// A part of MANIFEST.JS (js_manifest_json's `part`) read by `parse`; empty when the page has
// none (`when_absent` then says so, unless it is empty) or when it is damaged (`problem` says where).
template <class Value>
Value read_manifest_part(int part, ssmix::Parsed<Value> (*parse)(std::string_view, const std::string&), const std::string& when_absent,
                         std::string& problem) {
    char* text = js_manifest_json(part);
    if (!text) {
        if (!when_absent.empty()) problem = when_absent;
        return {};
    }
    auto parsed = parse(text, std::string(ssmix::disc::manifest));
    std::free(text);
    if (!parsed.value) {
        problem = ssmix::to_string(parsed.diagnostics.front());
        return {};
    }
    return std::move(*parsed.value);
}

ssmix::bundle::Manifest load_manifest(std::string& problem) {
    return read_manifest_part(0, ssmix::bundle::parse_manifest_json, std::string(ssmix::disc::manifest) + " was not loaded", problem);
}

// The manifest's image index; without one (an older disc) or when it is damaged, the viewer
// reads every DICOM file's header instead.
std::vector<ssmix::dicom::IndexedInstance> image_index(std::string& problem) {
    return read_manifest_part(1, ssmix::dicom::parse_instance_index, "", problem);
}

std::vector<ssmix::viewer::DeferredSeries> deferred_series(std::string& problem) {
    return read_manifest_part(2, ssmix::viewer::parse_deferred_series, "", problem);
}

// A deferred series' images, read when the viewer first needs them.
std::vector<ssmix::dicom::IndexedInstance> index_group(int group) {
    char* text = js_index_group(group);
    auto parsed = ssmix::dicom::parse_instance_index(text, std::string(ssmix::disc::manifest));
    std::free(text);
    if (!parsed.value) emscripten_log(EM_LOG_WARN, "%s", ssmix::to_string(parsed.diagnostics.front()).c_str());
    return parsed.value ? std::move(*parsed.value) : std::vector<ssmix::dicom::IndexedInstance>{};
}

std::optional<ssmix::bundle::BundledFile> bundled_file(const std::string& path) {
    char* text = js_bundled_file(path.c_str());
    if (!text) return std::nullopt;
    auto file = ssmix::bundle::parse_file_entry_json(text);
    std::free(text);
    return file;
}

// High-DPI: the canvas holds device pixels (CSS size x devicePixelRatio; Emscripten's GLFW
// calls that the window, and gives mouse positions in it), while ImGui works in CSS pixels
// with a framebuffer scale, so layout is the same on every screen and only sharper on dense ones.
struct Display {
    float width = 0, height = 0, scale = 1;   // CSS pixels, device pixels per CSS pixel
};

Display fit_window_to_canvas() {
    Display d{static_cast<float>(js_canvas_width()), static_cast<float>(js_canvas_height()),
              static_cast<float>(std::clamp(js_device_pixel_ratio(), 1.0, 4.0))};
    const int width = static_cast<int>(std::lround(d.width * d.scale));
    const int height = static_cast<int>(std::lround(d.height * d.scale));
    int current_width = 0, current_height = 0;
    glfwGetWindowSize(viewer->window, &current_width, &current_height);
    if (width > 0 && height > 0 && (width != current_width || height != current_height))
        glfwSetWindowSize(viewer->window, width, height);
    return d;
}

// ImGui 1.86 reads keys once per frame from io.KeysDown, which the GLFW backend sets on each
// event: a key pressed and released between two frames (a quick Ctrl+C on a slow machine)
// would never be seen. Presses are latched here and shown to ImGui for one frame.
// A held key repeats when the browser repeats it (its keydown events with `repeat`), not by
// ImGui's clock (io.KeyRepeatDelay is switched off): on a busy machine a frame can last half a
// second, and ImGui would count one press of ↓ held that long as seven slices.
struct KeyLatch {
    std::vector<std::pair<int, int>> presses;   // key, modifier bits, since the last frame
    std::vector<int> repeats;                   // keys the browser repeated since the last frame
    std::set<int> down;                         // keys physically held

    // Registered before ImGui's backend, which calls it first on every key event.
    static void on_key(GLFWwindow*, int key, int, int action, int mods);

    void before_frame() const {
        ImGuiIO& io = ImGui::GetIO();
        for (const auto& [key, mods] : presses) {
            if (key < 0 || key >= IM_ARRAYSIZE(io.KeysDown)) continue;
            io.KeysDown[key] = true;
            io.KeyCtrl = io.KeyCtrl || (mods & GLFW_MOD_CONTROL);
            io.KeyShift = io.KeyShift || (mods & GLFW_MOD_SHIFT);
            io.KeyAlt = io.KeyAlt || (mods & GLFW_MOD_ALT);
            io.KeySuper = io.KeySuper || (mods & GLFW_MOD_SUPER);
        }
        // A duration below 0 makes NewFrame start the key again: pressed once more this frame.
        for (const int key : repeats)
            if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown) && io.KeysDown[key]) io.KeysDownDuration[key] = -1.0f;
    }

    // After the frame: keys already let go are up again, and the modifiers as the keys are.
    void after_frame() {
        ImGuiIO& io = ImGui::GetIO();
        for (const auto& [key, mods] : presses)
            if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown) && !down.count(key)) io.KeysDown[key] = false;
        presses.clear();
        repeats.clear();
        io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
        io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
        io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
        io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
    }
};
KeyLatch key_latch;

void KeyLatch::on_key(GLFWwindow*, int key, int, int action, int mods) {
    if (action == GLFW_PRESS) key_latch.presses.emplace_back(key, mods), key_latch.down.insert(key);
    if (action == GLFW_REPEAT) key_latch.repeats.push_back(key);
    if (action == GLFW_RELEASE) key_latch.down.erase(key);
}

void use_css_pixels(const Display& d) {
    ImGuiIO& io = ImGui::GetIO();
    if (d.width <= 0 || d.height <= 0) return;
    io.DisplaySize = ImVec2(d.width, d.height);
    io.DisplayFramebufferScale = ImVec2(d.scale, d.scale);
    if (io.MousePos.x > -FLT_MAX / 2) io.MousePos = ImVec2(io.MousePos.x / d.scale, io.MousePos.y / d.scale);
}

void frame() {
    auto& app = *viewer->app;
    viewer->chunks->next_generation();
    app.update(frame_budget_ms, [] { return emscripten_get_now(); });
    const Display display = fit_window_to_canvas();
    viewer->display_scale = display.scale;
    app.fonts().set_scale(display.scale);
    if (app.fonts().rebuild_if_needed()) viewer->renderer.upload_font_atlas();

    ImGui_ImplGlfw_NewFrame();
    use_css_pixels(display);
    key_latch.before_frame();
    ImGui::NewFrame();
    app.draw();
    ImGui::Render();
    key_latch.after_frame();
    // A frame that met characters not yet in the atlas is not shown (they would be '?'): the
    // screen keeps the last frame, and the next one, drawn with the rebuilt atlas, replaces it.
    if (app.fonts().rebuild_pending()) return;
    int width = 0, height = 0;
    glfwGetFramebufferSize(viewer->window, &width, &height);
    glDisable(GL_SCISSOR_TEST);   // the clear covers the whole canvas
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];   // the main window draws none
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    viewer->renderer.render(*ImGui::GetDrawData(), width, height);
    if (!viewer->first_frame_marked) js_mark_time("firstFrame"), viewer->first_frame_marked = true;

    // Ready after the first frame drawn once everything is read (drawn frames have every glyph).
    if (!viewer->announced_ready && app.ready()) {
        viewer->announced_ready = true;
        app.first_screen_drawn();
        js_set_state("ready", "");
    }
}

}  // namespace

// --- called by web/loader.js ----------------------------------------------------------------
extern "C" {

// The chunk's payload, decoded from base64 by the page (natively; empty if it was not base64).
EMSCRIPTEN_KEEPALIVE void ssmix_chunk_arrived(unsigned chunk, const std::uint8_t* payload, std::size_t length) {
    if (viewer) viewer->chunks->arrived(chunk, ssmix::Bytes(payload, payload + length));
}

EMSCRIPTEN_KEEPALIVE void ssmix_chunk_failed(unsigned chunk) {
    if (viewer) viewer->chunks->failed(chunk);
}

// The page's listing of picked or dropped files: [{"path": "DICOM/...", "size": n}, ...].
EMSCRIPTEN_KEEPALIVE void ssmix_files_added(const char* listing) {
    const auto json = nlohmann::json::parse(listing, nullptr, false);
    if (!json.is_array()) return;
    std::vector<ssmix::FileEntry> entries;
    for (const auto& item : json)
        if (item.is_object() && item.value("path", "") != "") entries.push_back({item.value("path", ""), item.value("size", 0ull)});
    viewer->picked->add(entries);
    viewer->app->files_added();
}

EMSCRIPTEN_KEEPALIVE void ssmix_picked_arrived(const char* path, const std::uint8_t* bytes, std::size_t length) {
    viewer->picked->arrived(path, ssmix::Bytes(bytes, bytes + length));
}

EMSCRIPTEN_KEEPALIVE void ssmix_picked_failed(const char* path, const char* why) { viewer->picked->failed(path, why); }

// The mouse wheel in notches (web/loader.js counts them; Emscripten's GLFW passes raw pixels).
EMSCRIPTEN_KEEPALIVE void ssmix_wheel(double x, double y) {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH += static_cast<float>(x);
    io.MouseWheel += static_cast<float>(y);
}

EMSCRIPTEN_KEEPALIVE const char* ssmix_api_state() {
    viewer->api_buffer = ssmix::viewer::state_json(*viewer->app, viewer->display_scale);
    return viewer->api_buffer.c_str();
}

// The labs view with one test's trend: the test's code (JLAC10), or its name without a code.
EMSCRIPTEN_KEEPALIVE void ssmix_api_show_trend(const char* test) {
    viewer->app->show(ssmix::viewer::Panel::labs);
    viewer->app->record_view().set_trend(test);
}

// The record the viewer shows (from the disc's SS-MIX2 messages) as JSON, "null" without one.
EMSCRIPTEN_KEEPALIVE const char* ssmix_api_record() {
    const auto* record = viewer->app->record();
    viewer->api_buffer = record ? ssmix::clinical::record_json(*record, -1) : "null";
    return viewer->api_buffer.c_str();
}

// An image of a letter, decoded by the page (Module.ssmixDecodeImage): RGBA rows.
EMSCRIPTEN_KEEPALIVE void ssmix_image_decoded(int id, int width, int height, const std::uint8_t* rgba) {
    viewer->app->media_images().arrived(id, width, height, rgba);
}

EMSCRIPTEN_KEEPALIVE void ssmix_image_failed(int id) { viewer->app->media_images().failed(id); }

EMSCRIPTEN_KEEPALIVE const char* ssmix_api_media() {
    viewer->api_buffer = ssmix::viewer::media_json(*viewer->app);
    return viewer->api_buffer.c_str();
}

// What the open document's 「ファイルを保存」 button does; 0 when it has no file body to save.
EMSCRIPTEN_KEEPALIVE int ssmix_api_save_body() { return viewer->app->save_document_body() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void ssmix_api_set_text_mode(int on) { viewer->app->set_text_mode(on != 0); }

EMSCRIPTEN_KEEPALIVE void ssmix_api_show_tags(int shown) { viewer->app->show_tags(shown != 0); }

EMSCRIPTEN_KEEPALIVE const char* ssmix_api_tags() {
    viewer->api_buffer = ssmix::viewer::tags_json(*viewer->app);
    return viewer->api_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* ssmix_api_frame(int index) {
    viewer->api_buffer = ssmix::viewer::frame_json(*viewer->app, static_cast<std::size_t>(index < 0 ? 0 : index));
    return viewer->api_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* ssmix_api_thumbnail(const char* series_uid) {
    viewer->api_buffer = ssmix::viewer::thumbnail_json(*viewer->app, series_uid);
    return viewer->api_buffer.c_str();
}

// A document's path opens the document; "problems", "prescriptions" and "labs" the record's
// views (when the disc has SS-MIX2 data); anything else is a series UID.
EMSCRIPTEN_KEEPALIVE int ssmix_api_open(const char* id) {
    using ssmix::viewer::Panel;
    auto& app = *viewer->app;
    if (app.open_document(id)) return 1;
    const std::string_view name(id);
    for (const auto& [panel_id, panel] : {std::pair{"problems", Panel::problems}, std::pair{"prescriptions", Panel::prescriptions},
                                          std::pair{"labs", Panel::labs}})
        if (name == panel_id) {
            if (!app.record() || app.record()->sources.empty()) return 0;
            app.show(panel);
            return 1;
        }
    if (!app.viewports().show(app.viewports().active_index(), id)) return 0;
    app.show_images();
    return 1;
}

// View `index` of the layout (0 .. views shown - 1), or nullptr.
static ssmix::viewer::ImageView* view_at(int index) {
    auto& views = viewer->app->viewports();
    return index >= 0 && static_cast<std::size_t>(index) < views.shown() ? &views.view(static_cast<std::size_t>(index)) : nullptr;
}

EMSCRIPTEN_KEEPALIVE int ssmix_api_set_frame(int frame, int index) {
    auto* view = view_at(index);
    if (view) view->set_frame(static_cast<unsigned>(frame < 0 ? 0 : frame));
    return view ? 1 : 0;
}

// "1x1", "1x2" or "2x2"; 0 for anything else.
EMSCRIPTEN_KEEPALIVE int ssmix_api_set_layout(const char* name) {
    using ssmix::viewer::Layout;
    for (const auto& [id, layout] : {std::pair{"1x1", Layout::one}, std::pair{"1x2", Layout::two}, std::pair{"2x2", Layout::four}})
        if (std::string_view(name) == id) {
            viewer->app->viewports().set_layout(layout);
            viewer->app->show_images();
            return 1;
        }
    return 0;
}

EMSCRIPTEN_KEEPALIVE const char* ssmix_api_viewports() {
    viewer->api_buffer = ssmix::viewer::viewports_json(*viewer->app);
    return viewer->api_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE int ssmix_api_show_in_viewport(int index, const char* series_uid) {
    if (!view_at(index) || !viewer->app->viewports().show(static_cast<std::size_t>(index), series_uid)) return 0;
    viewer->app->show_images();
    return 1;
}

// Starts reformatting a series when it can be (budget_mib > 0: a smaller memory budget, for
// tests of the reduced resolution; again, a series already reformatted is left as it is); the
// answer is mpr_json's.
EMSCRIPTEN_KEEPALIVE const char* ssmix_api_mpr(const char* series_uid, double budget_mib) {
    auto& views = viewer->app->viewports();
    const bool already = views.mpr() && views.mpr()->series_uid() == series_uid && budget_mib <= 0;   // asked again: as it is
    if (!already && views.mpr_verdict(series_uid).plan) {
        const auto budget = budget_mib > 0 ? static_cast<std::uint64_t>(budget_mib * 1024 * 1024) : ssmix::viewer::viewer_volume_budget;
        views.start_mpr(series_uid, budget);
        viewer->app->show_images();
    }
    viewer->api_buffer = ssmix::viewer::mpr_json(*viewer->app, series_uid);
    return viewer->api_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* ssmix_api_mpr_state(const char* series_uid) {
    viewer->api_buffer = ssmix::viewer::mpr_json(*viewer->app, series_uid);
    return viewer->api_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE int ssmix_api_set_crosshair(double x, double y, double z) {
    auto* mpr = viewer->app->viewports().mpr();
    if (!mpr || !mpr->volume()) return 0;
    const auto voxel = [](double v) { return static_cast<unsigned>(v < 0 ? 0 : v); };
    mpr->set_crosshair({voxel(x), voxel(y), voxel(z)});
    return 1;
}

EMSCRIPTEN_KEEPALIVE int ssmix_api_set_slab(double mm) {
    auto* mpr = viewer->app->viewports().mpr();
    if (!mpr) return 0;
    mpr->set_slab_mm(mm);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void ssmix_api_set_linked(int linked) { viewer->app->viewports().set_linked(linked != 0); }

EMSCRIPTEN_KEEPALIVE void ssmix_api_activate(int index) {
    if (view_at(index)) viewer->app->viewports().activate(static_cast<std::size_t>(index));
}

EMSCRIPTEN_KEEPALIVE void ssmix_api_set_window(double center, double width) {
    viewer->app->view().set_window({center, width});
}

// A CT window preset by id ("lung", "mediastinum", "bone", "brain"), or "file" for the file's own.
EMSCRIPTEN_KEEPALIVE int ssmix_api_set_preset(const char* id) {
    if (std::string_view(id) == "file") {
        viewer->app->view().reset_window();
        return 1;
    }
    for (const auto& preset : ssmix::viewer::window_presets)
        if (std::string_view(id) == preset.id) {
            viewer->app->view().set_window({preset.center, preset.width});
            return 1;
        }
    return 0;
}

EMSCRIPTEN_KEEPALIVE void ssmix_api_set_inverted(int inverted) { viewer->app->view().set_inverted(inverted != 0); }

EMSCRIPTEN_KEEPALIVE void ssmix_api_set_overlays(int shown) { viewer->app->view().set_overlays(shown != 0); }

EMSCRIPTEN_KEEPALIVE void ssmix_api_measure(double x1, double y1, double x2, double y2) {
    viewer->app->view().measure(static_cast<float>(x1), static_cast<float>(y1), static_cast<float>(x2), static_cast<float>(y2));
}

EMSCRIPTEN_KEEPALIVE void ssmix_api_measure_angle(double x1, double y1, double x2, double y2, double x3, double y3, int index) {
    auto* view = view_at(index);
    if (!view) return;
    viewer->app->viewports().activate(static_cast<std::size_t>(index));   // measured on, it is the one worked on
    view->measure_angle(static_cast<float>(x1), static_cast<float>(y1), static_cast<float>(x2), static_cast<float>(y2),
                                      static_cast<float>(x3), static_cast<float>(y3));
}

EMSCRIPTEN_KEEPALIVE void ssmix_api_measure_region(double cx, double cy, double rx, double ry, int index) {
    auto* view = view_at(index);
    if (!view) return;
    viewer->app->viewports().activate(static_cast<std::size_t>(index));   // measured on, it is the one worked on
    view->measure_region(static_cast<float>(cx), static_cast<float>(cy), static_cast<float>(rx), static_cast<float>(ry));
}

EMSCRIPTEN_KEEPALIVE void ssmix_api_set_playing(int playing) { viewer->app->view().set_playing(playing != 0); }

EMSCRIPTEN_KEEPALIVE void ssmix_api_set_zoom(double zoom) { viewer->app->view().set_zoom(static_cast<float>(zoom)); }

EMSCRIPTEN_KEEPALIVE void ssmix_api_set_language(const char* language) {
    viewer->app->set_language(std::string_view(language) == "en" ? ssmix::viewer::Language::en : ssmix::viewer::Language::ja);
}

EMSCRIPTEN_KEEPALIVE const char* ssmix_api_drawn_text() {
    viewer->api_buffer = ssmix::viewer::drawn_text_json();
    return viewer->api_buffer.c_str();
}

}  // extern "C"

int main() {
    static Viewer instance;
    viewer = &instance;

    if (!glfwInit()) {
        js_set_state("error", "no-glfw");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // An opaque canvas without depth or stencil: ImGui uses neither, and each costs the
    // browser work per pixel every frame (in software when there is no GPU).
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    viewer->window = glfwCreateWindow(static_cast<int>(js_canvas_width()), static_cast<int>(js_canvas_height()),
                                      "SS-MIX Carry", nullptr, nullptr);
    if (!viewer->window) {
        js_set_state("error", "no-webgl");
        return 1;
    }
    glfwMakeContextCurrent(viewer->window);

    std::string problem;
    viewer->chunks = std::make_unique<ssmix::viewer::BundleChunks>([](std::uint32_t chunk) { js_load_chunk(chunk); },
                                                                   chunk_cache_bytes);
    viewer->files = std::make_unique<ssmix::bundle::BundleFiles>(load_manifest(problem), *viewer->chunks,
                                                                 ssmix::bundle::ContentCheck::stream_only,
                                                                 std::string(ssmix::disc::manifest), bundled_file);
    viewer->picked = std::make_unique<ssmix::viewer::PickedFiles>([](const std::string& path) { js_read_picked(path.c_str()); },
                                                                  picked_cache_bytes);
    viewer->disc = std::make_unique<ssmix::viewer::DiscFiles>(*viewer->files, *viewer->picked);
    auto index = image_index(problem);
    viewer->app = std::make_unique<ssmix::viewer::App>(*viewer->disc, index, deferred_series(problem), index_group);
    viewer->app->pick_folder = [] { js_pick_folder(); };
    viewer->app->open_page = [](const std::string& path) { js_open_page(path.c_str()); };
    viewer->app->copy_text = [](const std::string& text) { js_copy_text(text.c_str()); };
    viewer->app->decode_image = [](int id, const std::string& type, const ssmix::Bytes& bytes) {
        js_decode_image(id, type.c_str(), bytes.data(), bytes.size());
    };
    viewer->app->save_file = [](const std::string& name, const std::string& type, const ssmix::Bytes& bytes) {
        js_save_file(name.c_str(), type.c_str(), bytes.data(), bytes.size());
    };
    if (js_stored_language_is_english()) viewer->app->set_language(ssmix::viewer::Language::en);
    viewer->app->language_chosen = [](ssmix::viewer::Language language) {
        js_store_language(language == ssmix::viewer::Language::en ? "en" : "ja");
    };
    if (!problem.empty()) emscripten_log(EM_LOG_WARN, "%s", problem.c_str());

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // nothing written anywhere
    io.KeyRepeatDelay = FLT_MAX;   // keys repeat as the browser repeats them (KeyLatch)
    ImGui::StyleColorsDark();
    js_mark_time("main");
    viewer->app->fonts().build_initial(18.0f);
    js_mark_time("fonts");
    glfwSetKeyCallback(viewer->window, KeyLatch::on_key);   // before the backend, which then calls it first
    ImGui_ImplGlfw_InitForOpenGL(viewer->window, true);
    if (std::string why; !viewer->renderer.init(why)) {
        js_set_state("error", why.c_str());
        return 1;
    }
    viewer->renderer.upload_font_atlas();
    // Ctrl+C in a text box (the letter's 文字を選択 view) goes to the browser's clipboard.
    io.SetClipboardTextFn = [](void*, const char* text) { js_copy_text(text); };

    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
