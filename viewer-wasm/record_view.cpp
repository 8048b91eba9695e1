// viewer-wasm/record_view.cpp
#include "viewer-wasm/record_view.h"

#include <algorithm>
#include <cstdio>

#include "core/clinical/dates.h"
#include "core/clinical/lab_table.h"
#include "core/clinical/record_tables.h"
#include "imgui.h"

namespace ssmix::viewer {
namespace {

const ImVec4 high_colour = ImVec4(0.85f, 0.15f, 0.15f, 1);
const ImVec4 low_colour = ImVec4(0.35f, 0.55f, 1.0f, 1);
const ImVec4 heading_colour = ImVec4(0.62f, 0.77f, 1.0f, 1);
constexpr ImGuiTableFlags table_flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;

}  // namespace

std::vector<TrendPoint> trend_of(const clinical::ClinicalRecord& record, const std::string& test) {
    std::vector<TrendPoint> points;
    for (const auto& r : record.lab_results)
        if (r.number && clinical::test_key(r) == test) points.push_back({r.observed_at, *r.number, r.abnormal_flag});
    std::stable_sort(points.begin(), points.end(), [](const TrendPoint& a, const TrendPoint& b) { return a.at < b.at; });
    return points;
}

void RecordView::label(std::string_view utf8) {
    fonts_.need(utf8);
    ImGui::TextUnformatted(utf8.data(), utf8.data() + utf8.size());
}

void RecordView::heading(const std::string& utf8) {
    fonts_.need(utf8);
    ImGui::Spacing();
    ImGui::TextColored(heading_colour, "%s", utf8.c_str());
}

// A record table (core/clinical/record_tables.h) as an ImGui table: the shared column labels,
// a spanned cell drawn in its first row only, values above or below the range coloured.
void RecordView::draw_table(const char* id, const clinical::RecordTable& table, Language language) {
    if (!ImGui::BeginTable(id, static_cast<int>(table.columns.size()), table_flags)) return;
    for (const auto column : table.columns) {
        const std::string_view label = clinical::column_label(column, language);
        fonts_.need(label);
        ImGui::TableSetupColumn(std::string(label).c_str());
    }
    ImGui::TableHeadersRow();
    for (const auto& row : table.rows) {
        ImGui::TableNextRow();
        for (const auto& cell : row) {
            ImGui::TableNextColumn();
            if (cell.row_span == 0 || cell.text.empty()) continue;
            fonts_.need(cell.text);
            if (cell.style == clinical::Cell::Style::high || cell.style == clinical::Cell::Style::low)
                ImGui::TextColored(cell.style == clinical::Cell::Style::high ? high_colour : low_colour, "%s", cell.text.c_str());
            else
                ImGui::TextUnformatted(cell.text.c_str());
        }
    }
    ImGui::EndTable();
}

// The record's tables, made once per record and language (not every frame).
const RecordView::Tables& RecordView::tables(const clinical::ClinicalRecord& r, Language language) {
    if (tables_.record != &r || tables_.language != language) {
        tables_ = {&r, language, clinical::problem_table(r.problems, language), clinical::allergy_table(r.allergies, language),
                   clinical::order_tables(r.prescriptions, language)};
        std::reverse(tables_.orders.begin(), tables_.orders.end());   // newest first
    }
    return tables_;
}

void RecordView::draw_problems(const clinical::ClinicalRecord& r, Language language) {
    const Tables& t = tables(r, language);
    heading(std::string(text(Text::heading_problems, language)));
    if (r.problems.empty()) label(clinical::word(clinical::Word::nothing_recorded, language));
    else draw_table("##problems", t.problems, language);
    heading(std::string(text(Text::heading_allergies, language)));
    if (r.allergies.empty()) label(clinical::word(clinical::Word::nothing_recorded, language));
    else draw_table("##allergies", t.allergies, language);
}

void RecordView::draw_prescriptions(const clinical::ClinicalRecord& r, Language language) {
    const Tables& t = tables(r, language);
    if (t.orders.empty()) label(text(Text::no_prescriptions, language));
    int index = 0;
    for (const auto& order : t.orders) {
        heading(order.heading);
        ImGui::PushID(++index);
        draw_table("##order", order.table, language);
        ImGui::PopID();
    }
}

void RecordView::draw_labs(const clinical::ClinicalRecord& r, Language language) {
    if (r.lab_results.empty()) {
        label(text(Text::no_lab_results, language));
        return;
    }
    if (table_of_ != &r) {   // the record does not change once read: the table is built once
        table_ = clinical::lab_table(r);
        table_of_ = &r;
        trend_points_for_.clear();
    }
    label(text(Text::lab_hint, language));
    draw_trend(r, language);
    // Days newest first (the table has them oldest first).
    const int days = std::min(static_cast<int>(table_.days.size()), 64 - 3);
    const auto day_at = [&](int column) { return table_.days.size() - 1 - static_cast<std::size_t>(column); };
    if (!ImGui::BeginTable("##labs", 3 + days, table_flags | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const auto column : {clinical::Column::test, clinical::Column::unit, clinical::Column::reference_range}) {
        const std::string_view name = clinical::column_label(column, language);
        fonts_.need(name);
        ImGui::TableSetupColumn(std::string(name).c_str());
    }
    for (int d = 0; d < days; ++d) {
        const std::string name = clinical::display_date(table_.days[day_at(d)]);
        fonts_.need(name);
        ImGui::TableSetupColumn(name.c_str());
    }
    ImGui::TableHeadersRow();
    for (std::size_t t = 0; t < table_.tests.size(); ++t) {
        const auto& test = table_.tests[t];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        fonts_.need(test.name);
        if (ImGui::Selectable((test.name + "##trend-" + test.key).c_str(), trend_ == test.key)) trend_ = trend_ == test.key ? "" : test.key;
        ImGui::TableNextColumn();
        label(test.unit);
        ImGui::TableNextColumn();
        label(test.range);
        for (int d = 0; d < days; ++d) {
            ImGui::TableNextColumn();
            const clinical::LabResult* result = table_.cell(t, day_at(d));
            if (!result) continue;
            const auto level = clinical::abnormal(result->abnormal_flag);
            fonts_.need(result->value);
            if (level == clinical::Abnormal::none) ImGui::TextUnformatted(result->value.c_str());
            else ImGui::TextColored(level == clinical::Abnormal::high ? high_colour : low_colour, "%s %s", result->value.c_str(),
                                    result->abnormal_flag.c_str());
        }
    }
    ImGui::EndTable();
}

// The selected test's values over time: points joined by lines, the reference range shaded
// when it reads as "low-high", values outside it coloured, the first and last dates below.
void RecordView::draw_trend(const clinical::ClinicalRecord& r, Language language) {
    if (trend_.empty()) return;
    const auto test = std::find_if(table_.tests.begin(), table_.tests.end(), [&](const auto& t) { return t.key == trend_; });
    if (test == table_.tests.end()) return;
    if (trend_points_for_ != trend_) {   // values of the chosen test, gathered once per choice
        trend_points_ = trend_of(r, trend_);
        trend_points_for_ = trend_;
    }
    const auto& points = trend_points_;
    heading(test->name + "（" + test->unit + "）　" + std::to_string(points.size()) + std::string(text(Text::trend_results, language)));
    if (points.empty()) return;
    double low = points.front().value, high = low;
    for (const auto& p : points) low = std::min(low, p.value), high = std::max(high, p.value);
    double range_low = 0, range_high = 0;
    const bool has_range = std::sscanf(test->range.c_str(), "%lf-%lf", &range_low, &range_high) == 2 && range_low < range_high;
    if (has_range) low = std::min(low, range_low), high = std::max(high, range_high);
    if (high - low < 1e-9) low -= 1, high += 1;
    const float width = ImGui::GetContentRegionAvail().x, height = 160, pad = 24;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height + ImGui::GetTextLineHeight() + 4));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(110, 110, 120, 255));
    const auto y_of = [&](double v) { return origin.y + height - pad / 2 - float((v - low) / (high - low)) * (height - pad); };
    const auto x_of = [&](std::size_t i) {
        return points.size() == 1 ? origin.x + width / 2 : origin.x + pad + float(i) / float(points.size() - 1) * (width - 2 * pad);
    };
    if (has_range)
        draw->AddRectFilled(ImVec2(origin.x + 1, y_of(range_high)), ImVec2(origin.x + width - 1, y_of(range_low)), IM_COL32(60, 110, 70, 90));
    for (std::size_t i = 0; i < points.size(); ++i) {
        const ImVec2 at(x_of(i), y_of(points[i].value));
        if (i > 0) draw->AddLine(ImVec2(x_of(i - 1), y_of(points[i - 1].value)), at, IM_COL32(200, 200, 210, 255), 2);
        const auto level = clinical::abnormal(points[i].flag);
        draw->AddCircleFilled(at, 4, ImGui::GetColorU32(level == clinical::Abnormal::high  ? high_colour
                                                        : level == clinical::Abnormal::low ? low_colour
                                                                                           : ImVec4(0.9f, 0.9f, 0.9f, 1)));
        char value[32];
        std::snprintf(value, sizeof value, "%g", points[i].value);
        draw->AddText(ImVec2(at.x + 6, at.y - ImGui::GetTextLineHeight()), IM_COL32(230, 230, 230, 255), value);
    }
    const std::string first = clinical::display_date(points.front().at), last = clinical::display_date(points.back().at);
    draw->AddText(ImVec2(origin.x, origin.y + height + 2), IM_COL32(200, 200, 200, 255), first.c_str());
    if (points.size() > 1)
        draw->AddText(ImVec2(origin.x + width - ImGui::CalcTextSize(last.c_str()).x, origin.y + height + 2), IM_COL32(200, 200, 200, 255), last.c_str());
}

}  // namespace ssmix::viewer
