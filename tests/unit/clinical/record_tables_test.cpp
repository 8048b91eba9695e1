// tests/unit/clinical/record_tables_test.cpp — tests core/clinical/record_tables.cpp: the one
// model the letter, the static page and the viewer draw the record's tables from.
#include <doctest/doctest.h>

#include "core/clinical/record_tables.h"

using namespace ssmix;
using namespace ssmix::clinical;

namespace {

std::vector<std::string> texts(const std::vector<Cell>& row) {
    std::vector<std::string> out;
    for (const auto& c : row) out.push_back(c.text);
    return out;
}

}  // namespace

TEST_CASE("record tables: problems with their kind, ICD-10 and dates, the main problem strong") {
    Problem main;
    main.diagnosis = {"20050020", "2型糖尿病", "MDCDX2"};
    main.icd10 = "E119";
    main.diagnosis_date = "20190401";
    main.main = true;
    Problem suspected;
    suspected.diagnosis = {"", "肺結節", ""};
    suspected.suspected = true;
    suspected.onset_date = "20261001";
    const RecordTable t = problem_table({main, suspected}, Language::ja);
    REQUIRE(t.columns.size() == 7);
    CHECK(column_label(t.columns[0], Language::ja) == "病名");
    CHECK(column_label(t.columns[0], Language::en) == "Problem");
    CHECK(texts(t.rows[0]) == std::vector<std::string>{"2型糖尿病", "主病名", "E119", "", "2019/04/01", "", ""});
    CHECK(t.rows[0][0].style == Cell::Style::strong);
    CHECK(texts(t.rows[1]) == std::vector<std::string>{"肺結節", "疑い", "", "2026/10/01", "", "", ""});
    CHECK(t.row_ids == std::vector<std::string>{"problem-1", "problem-2"});
    CHECK(problem_table({suspected}, Language::en).rows[0][1].text == "Suspected");
}

TEST_CASE("record tables: an order's Rp number, usage and days span its drugs, newest order heading names date, kind, department, doctor") {
    PrescriptionOrder order;
    order.date = "20261102";
    order.doctor = "医師 一郎";
    order.department = {"01", "内科", ""};
    Rp rp;
    rp.usage = {"1013044400000000", "1日3回毎食後", "JAMISDP01"};
    rp.route = {"PO", "経口", "HL70162"};
    rp.days = "14";
    Medication a, b;
    a.drug = {"103835401", "ダーゼン錠", "HOT9"};
    a.dose = "1";
    a.dose_unit = {"TAB", "錠", "MR9P"};
    b.drug = {"", "ムコダイン錠", ""};
    b.daily_total = "3";
    b.daily_total_unit = {"TAB", "錠", ""};
    rp.medications = {a, b};
    order.rps = {rp};
    const auto tables = order_tables({order}, Language::ja);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].heading == "2026/11/02　処方　内科　医師 一郎");
    const RecordTable& t = tables[0].table;
    REQUIRE(t.rows.size() == 2);
    CHECK(texts(t.rows[0]) == std::vector<std::string>{"1", "ダーゼン錠", "1 錠", "", "1日3回毎食後（経口）", "14日分"});
    CHECK(t.rows[0][0].row_span == 2);
    CHECK(t.rows[0][4].row_span == 2);
    CHECK(t.rows[1][0].row_span == 0);   // covered by the Rp cell above
    CHECK(t.rows[1][3].text == "3 錠");
    CHECK(t.row_ids == std::vector<std::string>{"rx-1-1-1", "rx-1-1-2"});
    order.kind = OrderKind::injection;
    CHECK(order_tables({order}, Language::en)[0].heading.find("Injection") != std::string::npos);
}

TEST_CASE("record tables: lab results as a list, above and below the range marked") {
    LabResult high, low, plain;
    high.test = {"3F015000002327101", "HbA1c", "JC10"};
    high.value = "7.9";
    high.abnormal_flag = "H";
    low.test = {"", "eGFR", ""};
    low.value = "36.8";
    low.abnormal_flag = "L";
    plain.test = {"", "Na", ""};
    plain.value = "140";
    const RecordTable t = lab_result_list({high, low, plain}, Language::ja);
    CHECK(t.rows[0][2].style == Cell::Style::high);
    CHECK(t.rows[1][2].style == Cell::Style::low);
    CHECK(t.rows[2][2].style == Cell::Style::number);
    CHECK(column_label(t.columns[4], Language::ja) == "基準範囲");
}

TEST_CASE("record tables: every label and word has both languages") {
    for (int c = 0; c <= static_cast<int>(Column::specimen); ++c) {
        CHECK_FALSE(column_label(static_cast<Column>(c), Language::ja).empty());
        CHECK_FALSE(column_label(static_cast<Column>(c), Language::en).empty());
    }
    for (int w = 0; w <= static_cast<int>(Word::below_range); ++w) {
        CHECK_FALSE(word(static_cast<Word>(w), Language::ja).empty());
        CHECK_FALSE(word(static_cast<Word>(w), Language::en).empty());
    }
}
