// sample-data/generator/patient_messages.cpp — field positions follow the SS-MIX2 standardized
// storage guideline 1.2 and the NHO sample messages (shared/research/ssmix2.md). Times of day are
// fixed per kind of event so the output is the same on every run.
#include "sample-data/generator/patient_messages.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/hl7/write.h"

namespace ssmix::sample {
namespace {

using hl7::MessageWriter;

std::string number_text(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

std::string padded(long value, int width) {
    std::string text = std::to_string(value);
    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(text.size()))), '0') + text;
}

class Messages {
public:
    explicit Messages(const SampleDescription& d) : d_(d) {}

    std::vector<GeneratedMessage> take() {
        std::stable_sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) { return a.sent_at < b.sent_at; });
        return std::move(out_);
    }

    // Starts a message: MSH, then PID (every SS-MIX2 message carries the patient).
    MessageWriter start(const std::string& type, const std::string& sent_at) {
        MessageWriter w;
        hl7::add_ssmix2_header(w, {.sending_application = "HIS", .sending_facility = d_.hospital.code,
                                   .receiving_application = "SSMIX2", .receiving_facility = d_.hospital.code,
                                   .timestamp = sent_at, .message_type = type,
                                   .control_id = sent_at.substr(0, 14) + padded(++control_, 4)});
        return w;
    }

    void finish(MessageWriter& w, const std::string& data_type, const std::string& sent_at) {
        auto written = w.finish({d_.file.string(), 0, data_type + " " + sent_at});
        if (!written.diagnostics.empty())
            throw std::runtime_error(d_.file.string() + ": " + data_type + " of " + sent_at + ": " + written.diagnostics.front().message);
        out_.push_back({sent_at, data_type, std::move(written.bytes)});
    }

    void pid(MessageWriter& w) const {
        const auto& p = d_.patient;
        w.add_segment("PID");
        w.set(1, "0001");
        w.set_components(3, {p.id, "", "", "", "PI"});
        w.set_components(5, {p.family, p.given, "", "", "", "", "L", "I"});
        w.set_components(5, {p.family_kana, p.given_kana, "", "", "", "", "L", "P"}, 2);
        w.set(7, p.birth_date);
        w.set(8, p.sex);
        w.set_components(11, {"", "", "", "", p.postal_code, "JPN", "H", p.address});
        w.set_components(13, {"", "PRN", "PH", "", "", "", "", "", "", "", "", p.phone});
    }

    std::vector<std::string> doctor() const {
        const auto& h = d_.hospital;
        return {h.doctor_id, h.doctor_family, h.doctor_given, "", "", "", "", "", "", "L", "", "", "", "", "I"};
    }

    std::vector<std::string> department() const { return {d_.hospital.department_code, d_.hospital.department, "99Z01"}; }

    void pv1(MessageWriter& w, bool inpatient, const Admission* admission = nullptr) const {
        w.add_segment("PV1");
        w.set(1, "0001");
        w.set(2, inpatient ? "I" : "O");
        if (admission) w.set_components(3, {admission->ward, admission->room});
        w.set_components(7, doctor());
        w.set(10, d_.hospital.department_code);
    }

    void orc(MessageWriter& w, const std::string& control, const std::string& order, const std::string& ordered_at,
             const std::string& rp = "") const {
        w.add_segment("ORC");
        w.set(1, control);
        w.set(2, order);
        if (!rp.empty()) w.set(4, rp);
        w.set(9, ordered_at);
        w.set_components(12, doctor());
        w.set_components(17, department());
        w.set(21, d_.hospital.name);
        w.set_components(22, {"", "", "", "", "", "JPN", "B", d_.hospital.address});
        w.set(23, d_.hospital.phone, 12);
        w.set_components(29, {"O", "外来患者オーダ", "HL70482"});
    }

    void demographics() {
        const std::string at = d_.outpatient_visits.front() + "085500.000";
        auto w = start("ADT^A08^ADT_A01", at);
        w.add_segment("EVN");
        w.set(2, at.substr(0, 14));
        pid(w);
        pv1(w, false);
        finish(w, "ADT-00", at);
    }

    void visits() {
        for (const auto& date : d_.outpatient_visits) {
            const std::string at = date + "090000.000";
            auto w = start("ADT^A04^ADT_A01", at);
            w.add_segment("EVN");
            w.set(2, at.substr(0, 14));
            pid(w);
            pv1(w, false);
            w.set(44, at.substr(0, 14));
            finish(w, "ADT-12", at);
        }
        for (const auto& a : d_.admissions) {
            const std::string in = a.admitted + "100000.000", out = a.discharged + "110000.000";
            auto w = start("ADT^A01^ADT_A01", in);
            w.add_segment("EVN");
            w.set(2, in.substr(0, 14));
            pid(w);
            pv1(w, true, &a);
            w.set(44, in.substr(0, 14));
            finish(w, "ADT-22", in);
            auto discharge = start("ADT^A03^ADT_A03", out);
            discharge.add_segment("EVN");
            discharge.set(2, out.substr(0, 14));
            pid(discharge);
            pv1(discharge, true, &a);
            discharge.set(44, in.substr(0, 14));
            discharge.set(45, out.substr(0, 14));
            finish(discharge, "ADT-52", out);
        }
    }

    // PPR-01 holds the whole problem list; it is sent again whenever the list changes, each
    // version replacing the last (flag 2), so the storage keeps the newest as current.
    void problems() {
        std::vector<std::string> changes;
        for (const auto& p : d_.problems)
            if (p.onset >= d_.outpatient_visits.front()) changes.push_back(p.onset);
        changes.push_back(d_.outpatient_visits.front());
        std::sort(changes.begin(), changes.end());
        changes.erase(std::unique(changes.begin(), changes.end()), changes.end());
        for (const auto& date : changes) {
            const std::string at = date + "113000.000";
            auto w = start("PPR^ZD1^PPR_ZD1", at);
            pid(w);
            pv1(w, false);
            int n = 0;
            for (const auto& p : d_.problems) {
                if (p.onset > date) continue;
                w.add_segment("PRB");
                w.set(1, "AD");
                w.set(2, at.substr(0, 14));
                w.set_components(3, {p.code, p.name, p.code_system});
                w.set(4, d_.patient.id + padded(++n, 3));
                w.set(7, p.onset);
                w.set_components(10, {p.icd10, "", "I10"});
                if (p.suspected) w.set(13, "1");
                w.set(16, p.onset);
                if (p.main) w.set(18, "1");
            }
            finish(w, "PPR-01", at);
        }
    }

    void prescription_message(const PrescriptionDescription& rx, const std::string& order, const std::string& control,
                              int days, const std::string& sent_at) {
        auto w = start("RDE^O11^RDE_O11", sent_at);
        pid(w);
        pv1(w, false);
        const std::string ordered_at = rx.date + "103000";
        int rp_number = 0;
        for (const auto& rp : rx.rps) {
            ++rp_number;
            for (const auto& drug : rp) {
                orc(w, control, order, ordered_at, std::to_string(rp_number));
                w.add_segment("RXE");
                w.set_components(2, {drug.hot9, drug.name, "HOT9"});
                w.set(3, number_text(drug.dose));
                w.set_components(5, {drug.unit, drug.unit_name, "MR9P"});
                w.set(10, number_text(drug.dose * drug.times_a_day * days));
                w.set_components(11, {drug.unit, drug.unit_name, "MR9P"});
                w.set(15, order + padded(rp_number, 2));
                w.set(19, number_text(drug.dose * drug.times_a_day));
                w.set(19, drug.unit, 2, 1, 1);
                w.set(19, drug.unit_name, 2, 1, 2);
                w.set(19, "MR9P", 2, 1, 3);
                w.set_components(21, {"OHO", "院外処方", "MR9P"});
                w.add_segment("TQ1");
                w.set(1, "1");
                w.set(3, drug.usage, 1, 1, 1);
                w.set(3, drug.usage_name, 1, 1, 2);
                w.set(3, "JAMISDP01", 1, 1, 3);
                w.set(6, std::to_string(days));
                w.set(6, "d", 2);
                w.set(7, rx.date);
                w.add_segment("RXR");
                w.set_components(1, {"PO", "口", "HL70162"});
            }
        }
        finish(w, "OMP-01", sent_at);
    }

    void prescriptions() {
        int n = 0;
        for (const auto& rx : d_.prescriptions) {
            const std::string order = rx.date + padded(++n, 7);
            const std::string sent_at = rx.date + "103000." + padded(n, 3);
            if (rx.first_days) {
                prescription_message(rx, order, "NW", *rx.first_days, sent_at);
                prescription_message(rx, order, "XO", rx.days, rx.date + "154500." + padded(n, 3));   // corrected
            } else {
                prescription_message(rx, order, "NW", rx.days, sent_at);
            }
            if (rx.cancelled) prescription_message(rx, order, "CA", rx.days, rx.date + "160000." + padded(n, 3));
        }
    }

    void lab_results() {
        int n = 0;
        for (std::size_t day = 0; day < d_.lab_dates.size(); ++day) {
            const std::string& date = d_.lab_dates[day];
            const std::string collected = date + "0930", reported = date + "1400";
            const std::string order = date + "5" + padded(++n, 6);
            auto w = start("OUL^R22^OUL_R22", reported + "00.000");
            pid(w);
            pv1(w, false);
            // One SPM group per specimen: JLAC10 characters 10-12 are the material (019 whole
            // blood with additive, 023 serum).
            std::vector<std::string> specimens;
            for (const auto& t : d_.lab_tests)
                if (std::find(specimens.begin(), specimens.end(), t.code.substr(9, 3)) == specimens.end())
                    specimens.push_back(t.code.substr(9, 3));
            int spm = 0, obx = 0;
            for (const auto& material : specimens) {
                const std::string specimen_id = date + padded(++spm, 4);
                w.add_segment("SPM");
                w.set(1, std::to_string(spm));
                w.set(2, specimen_id);
                w.set_components(4, {material, material == "019" ? "全血" : "血清", "JC10"});
                w.set(17, collected);
                w.add_segment("OBR");
                w.set(1, std::to_string(spm));
                w.set(2, order);
                w.set(3, specimen_id);
                w.set_components(4, {material == "019" ? "G01" : "B01", material == "019" ? "糖代謝" : "生化学", "99L03"});
                w.set(7, collected);
                w.set(22, reported);
                orc(w, "SC", order, reported);
                w.set(5, "CM");
                for (const auto& t : d_.lab_tests) {
                    if (t.code.substr(9, 3) != material) continue;
                    const double value = t.values[day];
                    w.add_segment("OBX");
                    w.set(1, std::to_string(++obx));
                    w.set(2, "NM");
                    w.set_components(3, {t.code, t.name, "JC10"});
                    w.set(5, number_text(value));
                    w.set_components(6, {t.unit, t.unit, "99L04"});
                    w.set(7, (t.low ? number_text(*t.low) : "") + "-" + (t.high ? number_text(*t.high) : ""));
                    if (t.high && value > *t.high) w.set(8, "H");
                    if (t.low && value < *t.low) w.set(8, "L");
                    w.set(11, "F");
                    w.set(14, collected);
                }
            }
            finish(w, "OML-11", reported + "00.000");
        }
    }

    // ORC, TQ1 (routine) and OBR of an imaging order, as both the order (OMG-01) and its
    // performed notice (OMG-11) carry them; OBR is the last segment, for the caller to add to.
    void imaging_request(MessageWriter& w, const char* control, const char* status, const std::string& order,
                         const std::string& at, const StudyDescription& s) const {
        orc(w, control, order, at);
        if (*status) w.set(5, status);
        w.add_segment("TQ1");
        w.set(1, "1");
        w.set_components(9, {"R", "", "HL70485"});
        w.add_segment("OBR");
        w.set(1, "1");
        w.set(2, order);
        w.set_components(4, {s.code, s.code_name, s.code_system});
        w.set_components(16, doctor());
    }

    void imaging(const std::vector<std::string>& study_uids) {
        for (std::size_t i = 0; i < d_.studies.size(); ++i) {
            const StudyDescription& s = d_.studies[i];
            const std::string order = s.ordered + "7" + padded(static_cast<long>(i + 1), 6);
            const std::string ordered_at = s.ordered + "104500";
            auto w = start("OMG^O19^OMG_O19", ordered_at + ".000");
            pid(w);
            pv1(w, false);
            imaging_request(w, "NW", "", order, ordered_at, s);
            finish(w, "OMG-01", ordered_at + ".000");

            const std::string performed_at = s.performed + s.time;
            const std::string sent_at = s.performed + "170000." + padded(static_cast<long>(i + 1), 3);
            auto done = start("OMI^Z23^OMI_Z23", sent_at);
            pid(done);
            pv1(done, false);
            imaging_request(done, "SC", "CM", order, performed_at, s);
            done.set(7, performed_at);   // OBR: when it was done, and the result's time
            done.set(22, sent_at.substr(0, 14));
            done.set(25, "F");
            done.add_segment("IPC");
            done.set(1, accession_number(s, i));
            done.set(2, order);
            done.set(3, study_uids.at(i));
            done.set(4, order + "01");
            done.set_components(5, {s.modality, "", "DCM"});
            finish(done, "OMG-11", sent_at);
        }
    }

private:
    const SampleDescription& d_;
    std::vector<GeneratedMessage> out_;
    long control_ = 0;
};

}  // namespace

std::string accession_number(const StudyDescription& study, std::size_t index) {
    return "A" + study.performed + padded(static_cast<long>(index + 1), 4);
}

std::vector<GeneratedMessage> patient_messages(const SampleDescription& description, const std::vector<std::string>& study_uids) {
    Messages m(description);
    m.demographics();
    m.visits();
    m.problems();
    m.prescriptions();
    m.lab_results();
    m.imaging(study_uids);
    return m.take();
}

}  // namespace ssmix::sample
