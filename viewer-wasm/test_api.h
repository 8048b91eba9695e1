// viewer-wasm/test_api.h — the JSON behind window.ssmixViewer (documented in the README):
// what the viewer holds and shows, for automated checks and for our browser tests.
#pragma once

#include <string>

#include "viewer-wasm/app.h"

namespace ssmix::viewer {

// {ready, language, patient, documents, studies[{id, date, description, series[{id, modality,
//  description, frames, thumbnail ("waiting", "shown", "failed")}]}], view{series, frame,
//  frames, status, error, file, fileFrame, transferSyntax, window}, font, problems}
[[nodiscard]] std::string state_json(App& app, float display_scale = 1);

// {width, height, channels, data (base64 of the rendered 8-bit pixels), window} or {} if none:
// of view `index` (0, the only one in the 1-view layout).
[[nodiscard]] std::string frame_json(App& app, std::size_t index = 0);

// The views of the layout: [{index, series, frame, frames, status, position (mm along the
// slice normal, null without one), plane ("axial", "coronal", "sagittal", ""), window{center,
// width}, zoom, pan, active, note (why it does not follow the active view, or "" ), rect{x, y,
// width, height}}]; with {layout ("1x1", "1x2", "2x2"), linked} in state_json.
[[nodiscard]] std::string viewports_json(App& app);

// MPR of a series: {available, status ("not started", "building", "ready", "failed"), reason,
// progress{read, needed}, planes[{index, plane, width, height, spacing[rowMm, colMm]}],
// volume{width, height, depth, spacingMm[x, y, z], reducedBy, depthReducedBy, bytes, normal},
// crosshair[x, y, z], slabMm} (planes and after only once the volume is built).
[[nodiscard]] std::string mpr_json(App& app, const std::string& series_uid);

// The series' thumbnail as frame_json gives the frame, or {} while there is none.
[[nodiscard]] std::string thumbnail_json(App& app, const std::string& series_uid);

// The tag browser's rows for the file shown: [{depth, tag, name, vr, value}].
[[nodiscard]] std::string tags_json(App& app);

// The text the last frame drew: [{text, x, y, width, height}] in display (CSS) pixels, only
// glyphs inside the canvas and their clip rectangles (drawn_text.h).
[[nodiscard]] std::string drawn_text_json();

// The open document's images: [{id, status ("decoding", "shown", "not shown"), width, height,
// sha256 (of the RGBA pixels the texture was made from)}].
[[nodiscard]] std::string media_json(App& app);

}  // namespace ssmix::viewer
