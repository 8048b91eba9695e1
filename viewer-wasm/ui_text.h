// viewer-wasm/ui_text.h — every string the viewer shows, Japanese first, English second.
// One table, so a translation never hides in drawing code.
#pragma once

#include <string_view>

#include "core/base/language.h"

namespace ssmix::viewer {

using ssmix::Language;

enum class Text {
    app_title,
    patient_id, birth_date, sex, sex_male, sex_female, sex_other,
    images, studies_none, series_frames, loading, loading_catalogue,
    image_none_selected, image_error, frame, window_level,
    language_toggle, no_webgl, documents,
    record, record_problems, record_prescriptions, record_labs, open_folder, years_old, window_file, invert, overlays, fit, print, measure, slice_position, play, stop, tags, copy_text, select_text, reading_view, body_is_file, save_file, contents,
    heading_problems, heading_allergies, no_prescriptions, no_lab_results, lab_hint, trend_results,
    untitled, body_on_disc, image_in_letter, other_patient, showing_other_patient, preset_lung, preset_mediastinum, preset_bone, preset_brain,
    key_images, showing_other_patient_document, image_not_here, no_patient_id, slice_thickness,
    measure_angle, measure_region, region_mean, region_min, region_max, region_area,
    layout_one, layout_two, layout_four, linked, sync_other_frame_of_reference, sync_not_parallel, sync_no_position,
    sync_other_patient, viewport_drop_hint,
    mpr_start, mpr_leave, mpr_slab, mpr_building, mpr_reduced, plane_axial, plane_coronal, plane_sagittal,
    count_   // keep last
};

[[nodiscard]] std::string_view text(Text id, Language language);

// Every string of the table in both languages, for the font atlas.
[[nodiscard]] std::string_view all_texts();

}  // namespace ssmix::viewer
