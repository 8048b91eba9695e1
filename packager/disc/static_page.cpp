// packager/disc/static_page.cpp — one self-contained page: inline CSS, tables, <img> for the
// key images. Sections without data are left out; the lab table pivots results to one row per
// test and one column per day, the way result sheets in Japanese clinics read.
#include "packager/disc/static_page.h"

#include <algorithm>

#include "core/base/html_escape.h"
#include "core/clinical/dates.h"
#include "core/clinical/lab_table.h"
#include "core/clinical/record_tables.h"
#include "packager/disc/display_text.h"

namespace ssmix::packager {
namespace {

std::string label(const clinical::Code& code) { return html_escape(code.text.empty() ? code.code : code.text); }

constexpr const char* style = R"(body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic","Meiryo",sans-serif;margin:1.5em auto;max-width:60em;padding:0 1em;color:#1a1a1a;line-height:1.5}
h1{font-size:1.5em;margin:0}h1 small{font-size:.6em;color:#555;font-weight:normal}h2{font-size:1.2em;border-bottom:2px solid #2b5797;margin-top:1.8em}
.patient{font-size:1.15em;font-weight:bold}.made,.note{color:#555;font-size:.9em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#eef2f8;white-space:nowrap}.d{white-space:nowrap}
td.num{text-align:right}.high{color:#b00000;font-weight:bold}.low{color:#0040b0;font-weight:bold}
figure{display:inline-block;margin:.5em 1em .5em 0}figure img{max-width:100%;height:auto;border:1px solid #888;background:#000}figcaption{font-size:.9em}
nav a{margin-right:1em})";

class PageWriter {
public:
    PageWriter(const clinical::ClinicalRecord* record, const DiscSummary& summary, const std::vector<KeyImage>& images,
               const std::vector<DocumentLink>& documents)
        : record_(record), summary_(summary), images_(images), documents_(documents) {}

    std::string write() {
        head();
        document_list();
        if (record_) {
            problems();
            allergies();
            prescriptions();
            labs();
            imaging_orders();
        }
        key_images();
        out_ += "<p class=\"note\">このページは CD に収録したデータ（SS-MIX2 標準化ストレージ、DICOM）から作成した静的表示です。"
                "画像の詳しい表示（ページ送り、濃度調整）は <a href=\"../INDEX.HTM\">ビューア</a> をお使いください。"
                " / A static rendering of the data on this disc; the <a href=\"../INDEX.HTM\">viewer</a> shows the images in full.</p>\n"
                "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    void head() {
        const std::string name = html_escape(summary_.patient_name.empty() ? summary_.patient_id : summary_.patient_name);
        out_ += "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + name +
                " — 診療情報（静的表示）</title>\n<style>" + style + "</style>\n</head>\n<body>\n"
                "<h1>診療情報 <small>Medical record (static view)</small></h1>\n<p class=\"patient\">" + name;
        if (!summary_.patient_name_kana.empty()) out_ += "（" + html_escape(summary_.patient_name_kana) + "）";
        out_ += "　患者ID " + html_escape(summary_.patient_id) + "　生年月日 " + html_escape(date_ja(summary_.birth_date)) + "　性別 " +
                sex_ja(summary_.sex) + "</p>\n<p class=\"made\">作成: " + html_escape(summary_.institution) + "　" + html_escape(summary_.created) + "</p>\n";
        if (record_ && !record_->patient.address.empty())
            out_ += "<p>住所 〒" + html_escape(record_->patient.postal_code) + " " + html_escape(record_->patient.address) + "</p>\n";
        out_ += "<nav>";
        if (!documents_.empty()) out_ += "<a href=\"#documents\">紹介状・文書</a>";
        if (record_) {
            if (!record_->problems.empty()) out_ += "<a href=\"#problems\">病名</a>";
            if (!record_->allergies.empty()) out_ += "<a href=\"#allergies\">アレルギー</a>";
            if (!record_->prescriptions.empty()) out_ += "<a href=\"#prescriptions\">処方・注射</a>";
            if (!record_->lab_results.empty()) out_ += "<a href=\"#labs\">検査結果</a>";
            if (!record_->imaging.empty()) out_ += "<a href=\"#orders\">画像・生理・内視鏡検査</a>";
        }
        if (!images_.empty()) out_ += "<a href=\"#images\">画像</a>";
        out_ += "</nav>\n";
    }

    // The letters and other documents, each on its own print-ready page beside this one.
    void document_list() {
        if (documents_.empty()) return;
        out_ += "<h2 id=\"documents\">紹介状・文書</h2>\n<table>\n<tr><th>文書</th><th>作成日</th><th>作成者</th></tr>\n";
        for (const auto& d : documents_)
            out_ += "<tr><td><a href=\"" + html_escape(d.file) + "\">" + html_escape(d.title) + "</a></td><td class=\"d\">" + html_escape(clinical::display_date(d.date)) +
                    "</td><td>" + html_escape(d.author) + "</td></tr>\n";
        out_ += "</table>\n";
    }

    // A record table as HTML: its labels in the head, each cell with its style and span.
    void table(const clinical::RecordTable& t) {
        out_ += "<table>\n<tr>";
        for (const auto column : t.columns) out_ += "<th>" + html_escape(std::string(clinical::column_label(column, Language::ja))) + "</th>";
        out_ += "</tr>\n";
        for (const auto& row : t.rows) {
            out_ += "<tr>";
            for (const auto& cell : row) {
                if (cell.row_span == 0) continue;   // covered by the cell above
                static constexpr const char* classes[] = {"", " class=\"num\"", "", " class=\"num high\"", " class=\"num low\""};
                out_ += "<td" + std::string(classes[static_cast<int>(cell.style)]);
                if (cell.row_span > 1) out_ += " rowspan=\"" + std::to_string(cell.row_span) + "\"";
                const std::string text = html_escape(cell.text);
                out_ += ">" + (cell.style == clinical::Cell::Style::strong && !text.empty() ? "<strong>" + text + "</strong>" : text) + "</td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</table>\n";
    }

    void problems() {
        if (record_->problems.empty()) return;
        out_ += "<h2 id=\"problems\">病名</h2>\n";
        table(clinical::problem_table(record_->problems, Language::ja));
    }

    void allergies() {
        if (record_->allergies.empty()) return;
        out_ += "<h2 id=\"allergies\">アレルギー</h2>\n";
        table(clinical::allergy_table(record_->allergies, Language::ja));
    }

    void prescriptions() {
        if (record_->prescriptions.empty()) return;
        out_ += "<h2 id=\"prescriptions\">処方・注射</h2>\n";
        for (const auto& order : clinical::order_tables(record_->prescriptions, Language::ja)) {
            out_ += "<h3>" + html_escape(order.heading) + "</h3>\n";
            table(order.table);
        }
    }

    // One row per test, one column per day; at most 8 days per table so it stays printable.
    void labs() {
        if (record_->lab_results.empty()) return;
        const clinical::LabTable table = clinical::lab_table(*record_);
        const auto& days = table.days;
        out_ += "<h2 id=\"labs\">検査結果</h2>\n<p class=\"note\"><span class=\"high\">H</span> " +
                std::string(clinical::word(clinical::Word::above_range, Language::ja)) + "、<span class=\"low\">L</span> " +
                std::string(clinical::word(clinical::Word::below_range, Language::ja)) + "</p>\n";
        constexpr std::size_t days_per_table = 8;
        for (std::size_t first = 0; first < days.size(); first += days_per_table) {
            const std::size_t last = std::min(days.size(), first + days_per_table);
            out_ += "<table>\n<tr>";
            for (const auto column : {clinical::Column::test, clinical::Column::unit, clinical::Column::reference_range})
                out_ += "<th>" + html_escape(std::string(clinical::column_label(column, Language::ja))) + "</th>";
            for (std::size_t d = first; d < last; ++d) out_ += "<th>" + html_escape(clinical::display_date(days[d])) + "</th>";
            out_ += "</tr>\n";
            for (std::size_t t = 0; t < table.tests.size(); ++t) {
                const auto& test = table.tests[t];
                out_ += "<tr><td>" + html_escape(test.name) + "</td><td>" + html_escape(test.unit) + "</td><td>" + html_escape(test.range) + "</td>";
                for (std::size_t d = first; d < last; ++d) {
                    const clinical::LabResult* result = table.cell(t, d);
                    if (!result) {
                        out_ += "<td></td>";
                        continue;
                    }
                    const auto level = clinical::abnormal(result->abnormal_flag);
                    const char* css = level == clinical::Abnormal::high ? " high" : level == clinical::Abnormal::low ? " low" : "";
                    out_ += "<td class=\"num" + std::string(css) + "\">" + html_escape(result->value);
                    if (*css) out_ += " " + html_escape(result->abnormal_flag);
                    out_ += "</td>";
                }
                out_ += "</tr>\n";
            }
            out_ += "</table>\n";
        }
    }

    void imaging_orders() {
        if (record_->imaging.empty()) return;
        out_ += "<h2 id=\"orders\">画像・生理・内視鏡検査</h2>\n<table>\n<tr><th>日付</th><th>検査</th><th>状態</th><th>所見</th><th>画像</th></tr>\n";
        for (const auto& order : record_->imaging) {
            out_ += "<tr><td class=\"d\">" + html_escape(clinical::display_date(order.date)) + "</td><td>" + label(order.procedure) +
                    "</td><td class=\"d\">" + html_escape(order_state(order.data_type)) + "</td><td>";
            for (std::size_t i = 0; i < order.findings.size(); ++i) out_ += (i ? "<br>" : "") + html_escape(order.findings[i]);
            out_ += "</td><td class=\"d\">";
            if (const auto anchor = study_anchor(order.study_uid); !anchor.empty()) out_ += "<a href=\"#" + anchor + "\">画像を見る</a>";
            out_ += "</td></tr>\n";
        }
        out_ += "</table>\n";
    }

    // "study-N" for the Nth study with key images on this disc; empty when the UID has none.
    std::string study_anchor(const std::string& study_uid) const {
        if (study_uid.empty()) return {};
        std::vector<std::string> seen;
        for (const auto& image : images_) {
            if (std::find(seen.begin(), seen.end(), image.study_uid) == seen.end()) seen.push_back(image.study_uid);
            if (image.study_uid == study_uid) return "study-" + std::to_string(seen.size());
        }
        return {};
    }

    // The imaging order that names this study, preferring the one that reports it done.
    const clinical::ImagingOrder* order_of(const std::string& study_uid) const {
        if (!record_ || study_uid.empty()) return nullptr;
        const clinical::ImagingOrder* found = nullptr;
        for (const auto& order : record_->imaging)
            if (order.study_uid == study_uid && (!found || order.data_type > found->data_type)) found = &order;
        return found;
    }

    static std::string order_state(const std::string& data_type) {
        if (data_type == "OMG-01" || data_type == "OMG-02" || data_type == "OMG-03") return "依頼";
        if (data_type == "OMG-11" || data_type == "OMG-12") return "実施";
        if (data_type == "OMG-13") return "結果";
        return data_type;
    }

    void key_images() {
        if (images_.empty()) return;
        out_ += "<h2 id=\"images\">画像（各シリーズの代表画像）</h2>\n";
        std::string study;
        for (const auto& image : images_) {
            const std::string heading = date_ja(image.study_date) + "　" + image.study_description;
            if (image.study_uid + heading != study) {
                out_ += "<h3 id=\"" + study_anchor(image.study_uid) + "\">" + html_escape(heading) + "</h3>\n";
                if (const auto* order = order_of(image.study_uid)) {
                    out_ += "<p class=\"order\">オーダ: " + label(order->procedure) + "（" + html_escape(clinical::display_date(order->date)) + " " +
                            html_escape(order_state(order->data_type)) + "、オーダ番号 " + html_escape(order->order_number) + "）";
                    for (const auto& finding : order->findings) out_ += "<br>" + html_escape(finding);
                    out_ += "</p>\n";
                }
                study = image.study_uid + heading;
            }
            const std::string caption = image.modality + " " + image.series_description + "（" + std::to_string(image.frame + 1) + " / " +
                                        std::to_string(image.frames) + " 枚目）";
            out_ += "<figure><img src=\"" + html_escape(image.file) + "\" width=\"" + std::to_string(image.width) + "\" height=\"" +
                    std::to_string(image.height) + "\" alt=\"" + html_escape(caption) + "\"><figcaption>" + html_escape(caption) +
                    "</figcaption></figure>\n";
        }
    }

    const clinical::ClinicalRecord* record_;
    const DiscSummary& summary_;
    const std::vector<KeyImage>& images_;
    const std::vector<DocumentLink>& documents_;
    std::string out_;
};

}  // namespace

std::string static_page_html(const clinical::ClinicalRecord* record, const DiscSummary& summary, const std::vector<KeyImage>& images,
                             const std::vector<DocumentLink>& documents) {
    return PageWriter(record, summary, images, documents).write();
}

}  // namespace ssmix::packager
