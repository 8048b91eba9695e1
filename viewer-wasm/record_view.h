// viewer-wasm/record_view.h — the patient's record from the disc's SS-MIX2 messages, drawn with
// ImGui: problems and allergies, prescriptions and injections by date and Rp, and laboratory
// results as a test × date table (the newest date on the left) with values above the reference
// range in red and below it in blue. The same words as the static page (IHE_PDI/INDEX.HTM).
#pragma once

#include "core/clinical/record.h"
#include "viewer-wasm/fonts.h"

namespace ssmix::viewer {

class RecordView {
public:
    explicit RecordView(Fonts& fonts) : fonts_(fonts) {}
    void draw_problems(const clinical::ClinicalRecord& record);
    void draw_prescriptions(const clinical::ClinicalRecord& record);
    void draw_labs(const clinical::ClinicalRecord& record);

private:
    void text(const std::string& utf8);
    void heading(const std::string& utf8);
    Fonts& fonts_;
};

}  // namespace ssmix::viewer
