// sample-data/generator/patient_main.cpp — `ssmix-sample-patient DESCRIPTION.toml OUTDIR`:
// everything the description (sample-data/patients/*.toml) describes, written to OUTDIR:
//   hl7/NNNN_<data type>.hl7   one message per file, in the order they were sent
//   dicom/ST<n>/IM<k>          the studies
//   letter.toml                the referral letter's text, for `ssmix referral --letter`
//   expected.json              the description as JSON, for tests to compare what they see
// The same description gives the same bytes on every run. OUTDIR is written in a sibling
// folder and renamed into place at the end, so it is never half written.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "dcmtk/config/osconfig.h"
#include "dcmtk/oflog/oflog.h"

#include "sample-data/generator/patient_description.h"
#include "sample-data/generator/patient_images.h"
#include "sample-data/generator/patient_messages.h"

namespace {

using namespace ssmix::sample;
using Json = nlohmann::ordered_json;

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

Json expected_json(const SampleDescription& d, const std::vector<std::string>& uids) {
    const auto& p = d.patient;
    Json labs = Json::array();
    for (const auto& t : d.lab_tests) {
        Json test = {{"code", t.code}, {"name", t.name}, {"unit", t.unit}, {"dates", d.lab_dates}, {"values", t.values}};
        if (t.low) test["low"] = *t.low;
        if (t.high) test["high"] = *t.high;
        labs.push_back(test);
    }
    Json prescriptions = Json::array();
    for (const auto& rx : d.prescriptions) {
        Json rps = Json::array();
        for (const auto& rp : rx.rps) {
            Json drugs = Json::array();
            for (const auto& drug : rp)
                drugs.push_back({{"hot9", drug.hot9}, {"name", drug.name}, {"dose", drug.dose}, {"unit", drug.unit_name}, {"usage", drug.usage_name}});
            rps.push_back(drugs);
        }
        prescriptions.push_back({{"date", rx.date}, {"days", rx.days}, {"cancelled", rx.cancelled}, {"rps", rps}});
    }
    Json problems = Json::array();
    for (const auto& problem : d.problems) problems.push_back({{"name", problem.name}, {"icd10", problem.icd10}});
    Json studies = Json::array();
    for (std::size_t i = 0; i < d.studies.size(); ++i) {
        const auto& s = d.studies[i];
        studies.push_back({{"uid", uids[i]}, {"date", s.performed}, {"description", s.description}, {"modality", s.modality},
                           {"frames", frame_count(s)}, {"encoding", s.encoding}});
    }
    return {{"patient", {{"id", p.id}, {"name", p.family_romaji + "^" + p.given_romaji + "=" + p.family + "^" + p.given + "=" +
                                                    p.family_kana + "^" + p.given_kana},
                         {"birthDate", p.birth_date}, {"sex", p.sex}}},
            {"hospital", d.hospital.name},
            {"letter", {{"purpose", d.letter["purpose"].value_or(std::string())}}},
            {"problems", problems},
            {"prescriptions", prescriptions},
            {"labs", labs},
            {"studies", studies}};
}

void write_all(const std::filesystem::path& description_file, const SampleDescription& d, const std::filesystem::path& partial) {
    const auto uids = study_uids(d);
    std::filesystem::create_directories(partial / "hl7");

    const auto messages = patient_messages(d, uids);
    std::cerr << "ssmix-sample-patient: " << messages.size() << " HL7 messages\n";
    int n = 0;
    for (const auto& m : messages) {
        char number[16];
        std::snprintf(number, sizeof number, "%04d_", ++n);   // sorted names = the order they were sent
        write_file(partial / "hl7" / (number + m.data_type + ".hl7"), std::string(m.bytes.begin(), m.bytes.end()));
    }
    std::cerr << "ssmix-sample-patient: DICOM studies\n";
    write_patient_images(d, uids, partial / "dicom");

    std::ostringstream letter;
    letter << "# 紹介状の本文 — " << description_file.filename().string() << " の [letter] から ssmix-sample-patient が作りました。\n"
           << "# ssmix referral --letter でこのファイルを渡します。\n\n"
           << d.letter << '\n';
    write_file(partial / "letter.toml", letter.str());
    write_file(partial / "expected.json", expected_json(d, uids).dump(2) + "\n");
}

void generate(const std::filesystem::path& description_file, const std::filesystem::path& out) {
    const SampleDescription d = read_description(description_file);
    const std::filesystem::path partial = out.string() + ".partial";
    std::filesystem::remove_all(partial);
    try {
        write_all(description_file, d, partial);
    } catch (...) {
        std::filesystem::remove_all(partial);
        throw;
    }
    std::filesystem::remove_all(out);
    std::filesystem::rename(partial, out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: ssmix-sample-patient DESCRIPTION.toml OUTDIR\n";
        return 2;
    }
    OFLog::configure(OFLogger::WARN_LOG_LEVEL);   // DCMTK's encoders report routine choices as INFO
    try {
        generate(argv[1], argv[2]);
    } catch (const std::exception& e) {
        std::cerr << "ssmix-sample-patient: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
