// viewer-wasm/record_view.h — the patient's record from the disc's SS-MIX2 messages, drawn with
// ImGui: problems and allergies, prescriptions and injections by date and Rp, and laboratory
// results as a test × date table (the newest date on the left) with values above the reference
// range in red and below it in blue. The same words as the static page (IHE_PDI/INDEX.HTM).
#pragma once

#include <string>
#include <vector>

#include "core/clinical/lab_table.h"
#include "core/clinical/record.h"
#include "core/clinical/record_tables.h"
#include "viewer-wasm/fonts.h"
#include "viewer-wasm/ui_text.h"

namespace ssmix::viewer {

// One test's numeric results over time, oldest first: what the trend plot draws.
struct TrendPoint {
    std::string at;     // YYYYMMDD[HHMM]
    double value = 0;
    std::string flag;   // H, L ...
};
[[nodiscard]] std::vector<TrendPoint> trend_of(const clinical::ClinicalRecord& record, const std::string& test);

class RecordView {
public:
    explicit RecordView(Fonts& fonts) : fonts_(fonts) {}
    void draw_problems(const clinical::ClinicalRecord& record, Language language);
    void draw_prescriptions(const clinical::ClinicalRecord& record, Language language);
    void draw_labs(const clinical::ClinicalRecord& record, Language language);
    void set_trend(std::string test) { trend_ = std::move(test); }   // a test's code (or name), "" for none
    [[nodiscard]] const std::string& trend() const { return trend_; }

private:
    struct Tables {
        const clinical::ClinicalRecord* record = nullptr;
        Language language = Language::ja;
        clinical::RecordTable problems, allergies;
        std::vector<clinical::OrderTable> orders;   // newest first
    };
    const Tables& tables(const clinical::ClinicalRecord& record, Language language);
    void draw_table(const char* id, const clinical::RecordTable& table, Language language);
    void label(std::string_view utf8);
    void heading(const std::string& utf8);
    void draw_trend(const clinical::ClinicalRecord& record, Language language);
    Tables tables_;
    std::string trend_;
    const clinical::ClinicalRecord* table_of_ = nullptr;   // the record table_ was built from
    clinical::LabTable table_;
    std::string trend_points_for_;                          // the test trend_points_ hold
    std::vector<TrendPoint> trend_points_;
    Fonts& fonts_;
};

}  // namespace ssmix::viewer
