// core/clinical/record_tables.cpp — the label table and the row builders.
#include "core/clinical/record_tables.h"

#include <array>

#include "core/clinical/dates.h"
#include "core/clinical/lab_table.h"
#include "core/ssmix2/data_types.h"

namespace ssmix::clinical {
namespace {

struct Label {
    std::string_view ja, en;
};

constexpr std::array<Label, 29> column_labels = {{
    {"病名", "Problem"}, {"区分", "Kind"}, {"ICD-10", "ICD-10"}, {"発症日", "Onset"}, {"診断日", "Diagnosed"},
    {"転帰", "Outcome"}, {"転帰日", "Outcome date"},
    {"種類", "Type"}, {"アレルゲン", "Allergen"}, {"重症度", "Severity"}, {"症状", "Reaction"},
    {"Rp", "Rp"}, {"薬剤", "Drug"}, {"1回量", "Dose"}, {"1日量", "Daily dose"}, {"用法", "Usage"}, {"日数", "Days"},
    {"検査日時", "Time"}, {"検査", "Test"}, {"結果", "Result"}, {"単位", "Unit"}, {"基準範囲", "Reference range"},
    {"判定", "Flag"}, {"材料", "Specimen"},
    {"日付", "Date"}, {"検査項目", "Procedure"}, {"モダリティ", "Modality"}, {"区分", "Stage"}, {"所見", "Findings"},
}};
static_assert(column_labels.size() == static_cast<std::size_t>(Column::findings) + 1);

constexpr std::array<Label, 8> words = {{
    {"記載なし", "None recorded"}, {"主病名", "Main"}, {"疑い", "Suspected"}, {"処方", "Prescription"}, {"注射", "Injection"},
    {"日分", " days"}, {"基準より高値", "above the range"}, {"基準より低値", "below the range"},
}};
static_assert(words.size() == static_cast<std::size_t>(Word::below_range) + 1);

std::string_view pick(const Label& label, Language language) { return language == Language::ja ? label.ja : label.en; }

const std::string& text_of(const Code& code) { return code.text.empty() ? code.code : code.text; }

Cell plain(std::string text) { return {std::move(text), Cell::Style::plain, 1}; }
Cell number(std::string text) { return {std::move(text), Cell::Style::number, 1}; }

std::string with_unit(const std::string& value, const Code& unit) {
    if (value.empty()) return {};
    const std::string& u = text_of(unit);
    return u.empty() ? value : value + " " + u;
}

// The guideline's own name for the data type says both the kind of test and the stage
// ("放射線検査の実施通知"); English shows the code, for want of an official English name.
std::string study_stage(const std::string& data_type, Language language) {
    if (language == Language::ja)
        for (const auto& row : ssmix2::data_type_rows())
            if (row.code == data_type) return std::string(row.meaning);
    return data_type;
}

}  // namespace

std::string_view column_label(Column column, Language language) { return pick(column_labels[static_cast<std::size_t>(column)], language); }

std::string_view word(Word w, Language language) { return pick(words[static_cast<std::size_t>(w)], language); }

RecordTable problem_table(const std::vector<Problem>& problems, Language language) {
    RecordTable table;
    table.columns = {Column::problem, Column::problem_kind, Column::icd10, Column::onset_date, Column::diagnosis_date, Column::outcome,
                     Column::outcome_date};
    for (std::size_t i = 0; i < problems.size(); ++i) {
        const Problem& p = problems[i];
        std::string kind(p.main ? word(Word::main_problem, language) : "");
        if (p.suspected) kind += (kind.empty() ? "" : "・") + std::string(word(Word::suspected, language));
        table.rows.push_back({{text_of(p.diagnosis), p.main ? Cell::Style::strong : Cell::Style::plain, 1}, plain(kind), plain(p.icd10),
                              plain(display_date(p.onset_date)), plain(display_date(p.diagnosis_date)), plain(p.outcome),
                              plain(display_date(p.resolved_date))});
        table.row_ids.push_back("problem-" + std::to_string(i + 1));
    }
    return table;
}

RecordTable allergy_table(const std::vector<Allergy>& allergies, Language) {
    RecordTable table;
    table.columns = {Column::allergy_kind, Column::allergen, Column::severity, Column::reaction};
    for (std::size_t i = 0; i < allergies.size(); ++i) {
        const Allergy& a = allergies[i];
        table.rows.push_back({plain(text_of(a.type)), {text_of(a.allergen), Cell::Style::strong, 1}, plain(text_of(a.severity)), plain(a.reaction)});
        table.row_ids.push_back("allergy-" + std::to_string(i + 1));
    }
    return table;
}

std::vector<OrderTable> order_tables(const std::vector<PrescriptionOrder>& orders, Language language) {
    std::vector<OrderTable> tables;
    for (std::size_t o = 0; o < orders.size(); ++o) {
        const PrescriptionOrder& order = orders[o];
        OrderTable out;
        out.order = &order;
        out.heading = display_date(order.date) + "　" +
                      std::string(word(order.kind == OrderKind::injection ? Word::injection : Word::prescription, language));
        if (!text_of(order.department).empty()) out.heading += "　" + text_of(order.department);
        if (!order.doctor.empty()) out.heading += "　" + order.doctor;
        RecordTable& table = out.table;
        table.columns = {Column::rp, Column::drug, Column::dose, Column::daily_dose, Column::usage, Column::days};
        for (std::size_t r = 0; r < order.rps.size(); ++r) {
            const Rp& rp = order.rps[r];
            const auto span = static_cast<unsigned>(rp.medications.size());
            std::string usage = text_of(rp.usage);
            if (!text_of(rp.route).empty()) usage += "（" + text_of(rp.route) + "）";
            const std::string days = rp.days.empty() ? "" : rp.days + std::string(word(Word::days_supply, language));
            for (std::size_t m = 0; m < rp.medications.size(); ++m) {
                const Medication& med = rp.medications[m];
                const unsigned first = m == 0 ? span : 0;   // Rp, usage and days span the Rp's drugs
                table.rows.push_back({{std::to_string(r + 1), Cell::Style::number, first}, plain(text_of(med.drug)),
                                      number(with_unit(med.dose, med.dose_unit)), number(with_unit(med.daily_total, med.daily_total_unit)),
                                      {usage, Cell::Style::plain, first}, {days, Cell::Style::number, first}});
                table.row_ids.push_back("rx-" + std::to_string(o + 1) + "-" + std::to_string(r + 1) + "-" + std::to_string(m + 1));
            }
        }
        tables.push_back(std::move(out));
    }
    return tables;
}

RecordTable lab_result_list(const std::vector<LabResult>& results, Language) {
    RecordTable table;
    table.columns = {Column::result_time, Column::test, Column::value, Column::unit, Column::reference_range, Column::flag, Column::specimen};
    for (std::size_t i = 0; i < results.size(); ++i) {
        const LabResult& r = results[i];
        const Abnormal level = abnormal(r.abnormal_flag);
        const Cell::Style style = level == Abnormal::high ? Cell::Style::high : level == Abnormal::low ? Cell::Style::low : Cell::Style::number;
        table.rows.push_back({plain(display_date(r.observed_at)), plain(text_of(r.test)), {r.value, style, 1}, plain(r.unit),
                              plain(r.reference_range), plain(r.abnormal_flag), plain(text_of(r.specimen))});
        table.row_ids.push_back("lab-" + std::to_string(i + 1));
    }
    return table;
}

RecordTable imaging_table(const std::vector<ImagingOrder>& imaging, Language language) {
    RecordTable table;
    table.columns = {Column::study_date, Column::procedure, Column::modality, Column::study_stage, Column::findings};
    for (std::size_t i = 0; i < imaging.size(); ++i) {
        const ImagingOrder& order = imaging[i];
        std::string findings;
        for (const auto& finding : order.findings) findings += (findings.empty() ? "" : "；") + finding;
        table.rows.push_back({plain(display_date(order.date)), {text_of(order.procedure), Cell::Style::strong, 1}, plain(order.modality),
                              plain(study_stage(order.data_type, language)), plain(findings)});
        table.row_ids.push_back("imaging-" + std::to_string(i + 1));
    }
    return table;
}

}  // namespace ssmix::clinical
