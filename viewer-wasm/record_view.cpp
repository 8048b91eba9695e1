// viewer-wasm/record_view.cpp
#include "viewer-wasm/record_view.h"

#include <algorithm>
#include <cstdio>

#include "core/clinical/dates.h"
#include "core/clinical/lab_table.h"
#include "imgui.h"

namespace ssmix::viewer {
namespace {

const ImVec4 high_colour = ImVec4(0.85f, 0.15f, 0.15f, 1);
const ImVec4 low_colour = ImVec4(0.35f, 0.55f, 1.0f, 1);
const ImVec4 heading_colour = ImVec4(0.62f, 0.77f, 1.0f, 1);
constexpr ImGuiTableFlags table_flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;

const std::string& label(const clinical::Code& c) { return c.text.empty() ? c.code : c.text; }


void header_row(std::initializer_list<const char*> names) {
    for (const char* name : names) ImGui::TableSetupColumn(name);
    ImGui::TableHeadersRow();
}

}  // namespace

std::vector<TrendPoint> trend_of(const clinical::ClinicalRecord& record, const std::string& test) {
    std::vector<TrendPoint> points;
    for (const auto& r : record.lab_results)
        if (r.number && clinical::test_key(r) == test) points.push_back({r.observed_at, *r.number, r.abnormal_flag});
    std::stable_sort(points.begin(), points.end(), [](const TrendPoint& a, const TrendPoint& b) { return a.at < b.at; });
    return points;
}

void RecordView::text(const std::string& utf8) {
    fonts_.need(utf8);
    ImGui::TextUnformatted(utf8.c_str());
}

void RecordView::heading(const std::string& utf8) {
    fonts_.need(utf8);
    ImGui::Spacing();
    ImGui::TextColored(heading_colour, "%s", utf8.c_str());
}

void RecordView::draw_problems(const clinical::ClinicalRecord& r) {
    heading("病名");
    if (r.problems.empty()) text("記載なし");
    else if (ImGui::BeginTable("##problems", 5, table_flags)) {
        fonts_.need("病名区分ICD-10診断日転帰主病名疑い");
        header_row({"病名", "区分", "ICD-10", "診断日", "転帰"});
        for (const auto& p : r.problems) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(label(p.diagnosis));
            ImGui::TableNextColumn();
            text(std::string(p.main ? "主病名" : "") + (p.suspected ? " 疑い" : ""));
            ImGui::TableNextColumn();
            text(p.icd10);
            ImGui::TableNextColumn();
            text(clinical::display_date(p.diagnosis_date));
            ImGui::TableNextColumn();
            text(p.outcome + (p.resolved_date.empty() ? "" : " " + clinical::display_date(p.resolved_date)));
        }
        ImGui::EndTable();
    }
    heading("アレルギー");
    if (r.allergies.empty()) text("記載なし");
    else if (ImGui::BeginTable("##allergies", 4, table_flags)) {
        fonts_.need("種類アレルゲン重症度症状");
        header_row({"種類", "アレルゲン", "重症度", "症状"});
        for (const auto& a : r.allergies) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(label(a.type));
            ImGui::TableNextColumn();
            text(label(a.allergen));
            ImGui::TableNextColumn();
            text(label(a.severity));
            ImGui::TableNextColumn();
            text(a.reaction);
        }
        ImGui::EndTable();
    }
}

void RecordView::draw_prescriptions(const clinical::ClinicalRecord& r) {
    if (r.prescriptions.empty()) text("処方・注射の記録はありません");
    int index = 0;
    for (auto order = r.prescriptions.rbegin(); order != r.prescriptions.rend(); ++order) {   // newest first
        heading(clinical::display_date(order->date) + "　" + (order->kind == clinical::OrderKind::injection ? "注射" : "処方") + "　" +
                label(order->department) + "　" + order->doctor);
        ImGui::PushID(++index);
        if (ImGui::BeginTable("##order", 6, table_flags)) {
            fonts_.need("薬剤1回量1日量用法日数日分");
            header_row({"Rp", "薬剤", "1回量", "1日量", "用法", "日数"});
            for (std::size_t i = 0; i < order->rps.size(); ++i) {
                const auto& rp = order->rps[i];
                for (std::size_t m = 0; m < rp.medications.size(); ++m) {
                    const auto& med = rp.medications[m];
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    if (m == 0) text(std::to_string(i + 1));   // as the static page numbers them
                    ImGui::TableNextColumn();
                    text(label(med.drug));
                    ImGui::TableNextColumn();
                    text(med.dose + " " + label(med.dose_unit));
                    ImGui::TableNextColumn();
                    text(med.daily_total.empty() ? "" : med.daily_total + " " + label(med.daily_total_unit));
                    ImGui::TableNextColumn();
                    if (m == 0) text(label(rp.usage) + (rp.route.empty() ? "" : "（" + label(rp.route) + "）"));
                    ImGui::TableNextColumn();
                    if (m == 0 && !rp.days.empty()) text(rp.days + "日分");
                }
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
}

void RecordView::draw_labs(const clinical::ClinicalRecord& r) {
    if (r.lab_results.empty()) {
        text("検査結果の記録はありません");
        return;
    }
    if (table_of_ != &r) {   // the record does not change once read: the table is built once
        table_ = clinical::lab_table(r);
        table_of_ = &r;
        trend_points_for_.clear();
    }
    text("赤: 基準より高値　青: 基準より低値　検査名を選ぶと経過のグラフを表示します");
    draw_trend(r);
    // Days newest first (the table has them oldest first).
    const int days = std::min(static_cast<int>(table_.days.size()), 64 - 3);
    const auto day_at = [&](int column) { return table_.days.size() - 1 - static_cast<std::size_t>(column); };
    if (!ImGui::BeginTable("##labs", 3 + days, table_flags | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    fonts_.need("検査単位基準範囲");
    ImGui::TableSetupColumn("検査");
    ImGui::TableSetupColumn("単位");
    ImGui::TableSetupColumn("基準範囲");
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
        text(test.unit);
        ImGui::TableNextColumn();
        text(test.range);
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
void RecordView::draw_trend(const clinical::ClinicalRecord& r) {
    if (trend_.empty()) return;
    const auto test = std::find_if(table_.tests.begin(), table_.tests.end(), [&](const auto& t) { return t.key == trend_; });
    if (test == table_.tests.end()) return;
    if (trend_points_for_ != trend_) {   // values of the chosen test, gathered once per choice
        trend_points_ = trend_of(r, trend_);
        trend_points_for_ = trend_;
    }
    const auto& points = trend_points_;
    heading(test->name + "（" + test->unit + "）　" + std::to_string(points.size()) + " 回");
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
