// core/clinical/record_tables.h — the record's tables as the physician reads them, one model for
// every place that draws them: the CDA letter's narrative, the disc's static page and the
// viewer. Columns, their labels and the words inside the cells ("主病名", "日分") come from here,
// in Japanese or English, so the three never drift apart. Laboratory results have their own
// pivoted table (lab_table.h), whose column labels are here too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/language.h"
#include "core/clinical/record.h"

namespace ssmix::clinical {

enum class Column {
    problem, problem_kind, icd10, onset_date, diagnosis_date, outcome, outcome_date,   // problems
    allergy_kind, allergen, severity, reaction,                                         // allergies
    rp, drug, dose, daily_dose, usage, days,                                            // an order's Rp lines
    result_time, test, value, unit, reference_range, flag, specimen,                    // lab results (list and pivot)
    study_date, procedure, modality, study_stage, findings,                             // imaging and physiological tests
};

[[nodiscard]] std::string_view column_label(Column column, Language language);

// Words the tables put into cells or around them.
enum class Word { nothing_recorded, main_problem, suspected, prescription, injection, days_supply, above_range, below_range };

[[nodiscard]] std::string_view word(Word word, Language language);

struct Cell {
    enum class Style { plain, number, strong, high, low };
    std::string text;
    Style style = Style::plain;
    unsigned row_span = 1;   // rows the cell covers; 0 where a cell above covers it (draw nothing)
};

struct RecordTable {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;   // each as many cells as columns
    std::vector<std::string> row_ids;      // one per row, stable ("problem-1", "rx-1-2-1"): CDA entries point at them
};

// One prescription or injection order: its heading line, then its Rp lines (Rp number, usage
// and days span the Rp's drugs).
struct OrderTable {
    const PrescriptionOrder* order = nullptr;
    std::string heading;                   // "2026/11/02　処方　内科　医師 一郎"
    RecordTable table;
};

[[nodiscard]] RecordTable problem_table(const std::vector<Problem>& problems, Language language);
[[nodiscard]] RecordTable allergy_table(const std::vector<Allergy>& allergies, Language language);
[[nodiscard]] std::vector<OrderTable> order_tables(const std::vector<PrescriptionOrder>& orders, Language language);
// Lab results as a list, one row per result in the given order (the letter's and the
// data-provision document's form; the disc and the viewer pivot them with lab_table).
[[nodiscard]] RecordTable lab_result_list(const std::vector<LabResult>& results, Language language);
// Imaging, endoscopy and physiological tests: each order, its performed notice and its result
// as one row (the stage says which), findings joined.
[[nodiscard]] RecordTable imaging_table(const std::vector<ImagingOrder>& imaging, Language language);

}  // namespace ssmix::clinical
