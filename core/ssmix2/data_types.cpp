// core/ssmix2/data_types.cpp — the table itself.
#include "core/ssmix2/data_types.h"

#include <array>

namespace ssmix::ssmix2 {
namespace {

constexpr std::array<DataTypeRow, 36> rows = {{
    {"ADT-00", "ADT^A08", "患者基本情報の更新", false, ""},
    {"ADT-00", "ADT^A23", "患者基本情報の削除", true, ""},
    {"ADT-01", "ADT^A54", "担当医の変更", false, ""},
    {"ADT-01", "ADT^A55", "担当医の取消", true, ""},
    {"ADT-12", "ADT^A04", "外来診察の受付", false, "PV1-44"},
    {"ADT-21", "ADT^A14", "入院予定", false, "PV2-8"},
    {"ADT-21", "ADT^A27", "入院予定の取消", true, "PV2-8"},
    {"ADT-22", "ADT^A01", "入院実施", false, "PV1-44"},
    {"ADT-22", "ADT^A11", "入院実施の取消", true, "PV1-44"},
    {"ADT-31", "ADT^A21", "外出泊実施", false, "EVN-6"},
    {"ADT-31", "ADT^A52", "外出泊実施の取消", true, "EVN-6"},
    {"ADT-32", "ADT^A22", "外出泊帰院実施", false, "EVN-6"},
    {"ADT-32", "ADT^A53", "外出泊帰院実施の取消", true, "PV2-47"},
    {"ADT-41", "ADT^A15", "転科・転棟（転室・転床）予定", false, "PV2-8"},
    {"ADT-41", "ADT^A26", "転科・転棟（転室・転床）予定の取消", true, "PV2-8"},
    {"ADT-42", "ADT^A02", "転科・転棟（転室・転床）実施", false, "EVN-6"},
    {"ADT-42", "ADT^A12", "転科・転棟（転室・転床）実施の取消", true, "EVN-6"},
    {"ADT-51", "ADT^A16", "退院予定", false, "PV2-9"},
    {"ADT-51", "ADT^A25", "退院予定の取消", true, "PV2-9"},
    {"ADT-52", "ADT^A03", "退院実施", false, "PV1-45"},
    {"ADT-52", "ADT^A13", "退院実施の取消", true, "PV1-45"},
    {"ADT-61", "ADT^A60", "アレルギー情報の登録／更新", false, ""},
    {"PPR-01", "PPR^ZD1", "病名（歴）情報の登録／更新", false, ""},
    {"OMD", "OMD^O03", "食事オーダ", false, "ORC-9"},
    {"OMP-01", "RDE^O11", "処方オーダ", false, "ORC-9"},
    {"OMP-11", "RAS^O17", "処方実施通知", false, "RXA-3"},
    {"OMP-02", "RDE^O11", "注射オーダ", false, "ORC-9"},
    {"OMP-12", "RAS^O17", "注射実施通知", false, "RXA-3"},
    {"OML-01", "OML^O33", "検体検査オーダ", false, "ORC-9"},
    {"OML-11", "OUL^R22", "検体検査結果通知", false, "SPM-17"},
    {"OMG-01", "OMG^O19", "放射線検査オーダ", false, "ORC-9"},
    {"OMG-11", "OMI^Z23", "放射線検査の実施通知", false, "OBR-7"},
    {"OMG-02", "OMG^O19", "内視鏡検査オーダ", false, "ORC-9"},
    {"OMG-12", "OMI^Z23", "内視鏡検査の実施通知", false, "OBR-7"},
    {"OMG-03", "OMG^O19", "生理検査オーダ", false, "ORC-9"},
    {"OMG-13", "ORU^R01", "生理検査結果通知", false, "OBR-7"},
}};

}  // namespace

std::span<const DataTypeRow> data_type_rows() { return rows; }

const DataTypeRow* find_row(std::string_view code, std::string_view message) {
    for (const auto& row : rows)
        if (row.code == code && row.message == message) return &row;
    return nullptr;
}

bool is_data_type_code(std::string_view code) {
    for (const auto& row : rows)
        if (row.code == code) return true;
    return false;
}

bool is_dateless(std::string_view code) {
    for (const auto& row : rows)
        if (row.code == code) return row.care_date_field.empty();
    return false;
}

}  // namespace ssmix::ssmix2
