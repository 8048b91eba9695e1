// tests/unit/fhir/sample_record.h — a small clinical record and letter for the FHIR writer tests.
#pragma once

#include "core/cda/referral.h"
#include "core/clinical/record.h"

namespace fhir_test {

inline ssmix::clinical::ClinicalRecord record() {
    using namespace ssmix::clinical;
    ClinicalRecord r;
    r.patient = {"9999013", "患者 太郎", "カンジャ タロウ", "19480405", "M", "422-8033", "静岡県静岡市登呂１−３−５", {"054-000-0000"}};
    Problem gastritis;
    gastritis.diagnosis = {"20054174", "胃炎", "MDCDX2"};
    gastritis.icd10 = "K297";
    gastritis.diagnosis_date = "20110915";
    gastritis.onset_date = "20110831";
    gastritis.main = true;
    gastritis.department = {"01", "内科", "99XY1"};
    Problem local;
    local.diagnosis = {"", "院内病名", ""};
    local.suspected = true;
    r.problems = {gastritis, local};
    r.allergies = {{{"DA", "薬剤アレルギー", "HL70127"}, {"1", "ペニシリン", "99XYZ"}, {"MO", "中等度", "HL70128"}, "発疹"},
                   {{"AA", "その他", "HL70127"}, {"", "不明物質", ""}, {}, ""}};
    PrescriptionOrder order;
    order.order_number = "000000011000185";
    order.date = "20110701";
    Rp rp;
    rp.number = "1";
    rp.usage = {"1013044400000000", "内服・経口・１日３回朝昼夕食後", "JAMISDP01"};
    rp.days = "5";
    rp.route = {"PO", "口", "HL70162"};
    rp.medications = {{{"108665201", "ダーゼン錠（５mg)", "HOT9"}, "1", {"TAB", "錠", "MR9P"}, "15", {"TAB", "錠", "MR9P"}, "3", {}, ""}};
    order.rps = {rp};
    r.prescriptions = {order};
    LabResult tp;
    tp.test = {"3A010000002327101", "総蛋白", "JC10"};
    tp.value_type = "NM";
    tp.value = "7.2";
    tp.number = 7.2;
    tp.unit = "g/dl";
    tp.reference_range = "6.70-8.3";
    tp.abnormal_flag = "H";
    tp.status = "F";
    tp.observed_at = "201112191500";
    tp.specimen = {"023", "血清", "JC10"};
    tp.order_number = "000000011000354";
    LabResult local_test = tp;
    local_test.test = {"L001", "院内検査", "99XYZ"};
    local_test.value_type = "ST";
    local_test.value = "陰性";
    local_test.number.reset();
    r.lab_results = {tp, local_test};
    r.sources = {"x"};
    return r;
}

inline ssmix::cda::ReferralLetter letter() {
    ssmix::cda::ReferralLetter l;
    l.from = {"登呂病院", "2214567890", "内科", "静岡県静岡市駿河区登呂1-1-1", "054-000-1111"};
    l.doctor = {"医師 一郎", "D00123"};
    l.to = {{"駿河総合病院", "", "消化器内科", "", ""}, "山田 花子"};
    l.purpose = "精査のお願い";
    l.present_illness = "心窩部痛。\n\n再燃。";
    l.remarks = "よろしくお願いします。";
    return l;
}

}  // namespace fhir_test
