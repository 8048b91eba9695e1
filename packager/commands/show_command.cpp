// packager/commands/show_command.cpp — `ssmix show`: one patient's clinical record from a storage, as
// Japanese text for a person or JSON for a program.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/clinical/build.h"
#include "core/clinical/dates.h"
#include "core/clinical/record_json.h"
#include "packager/commands/command.h"
#include "packager/support/console.h"
#include "packager/support/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct ShowOptions {
    fs::path storage;
    std::string patient, from, to;
    bool history = false, json = false;
};


const std::string& label(const clinical::Code& c) { return c.text.empty() ? c.code : c.text; }

void print_text(const clinical::ClinicalRecord& r) {
    const auto& p = r.patient;
    const char* sex = p.sex == "M" ? "男" : p.sex == "F" ? "女" : "不明";
    std::cout << "患者ID " << p.id << "  " << p.name;
    if (!p.name_kana.empty()) std::cout << "（" << p.name_kana << "）";
    std::cout << "  " << clinical::display_date(p.birth_date) << " 生  " << sex << "\n";
    if (!p.address.empty()) std::cout << "住所 〒" << p.postal_code << " " << p.address << "\n";
    for (const auto& phone : p.phones) std::cout << "電話 " << phone << "\n";

    std::cout << "\n■ 病名 (" << r.problems.size() << ")\n";
    for (const auto& pr : r.problems) {
        std::cout << "  " << label(pr.diagnosis);
        if (pr.suspected) std::cout << "（疑い）";
        if (!pr.icd10.empty()) std::cout << "  ICD-10 " << pr.icd10;
        if (!pr.diagnosis_date.empty()) std::cout << "  診断日 " << clinical::display_date(pr.diagnosis_date);
        if (pr.main) std::cout << "  主病名";
        if (!pr.outcome.empty()) std::cout << "  転帰 " << pr.outcome;
        std::cout << "\n";
    }
    std::cout << "\n■ アレルギー (" << r.allergies.size() << ")\n";
    for (const auto& a : r.allergies) {
        std::cout << "  " << label(a.type) << ": " << label(a.allergen);
        if (!a.severity.empty()) std::cout << "  " << label(a.severity);
        if (!a.reaction.empty()) std::cout << "  " << a.reaction;
        std::cout << "\n";
    }
    std::cout << "\n■ 処方・注射 (" << r.prescriptions.size() << ")\n";
    for (const auto& o : r.prescriptions) {
        std::cout << "  " << clinical::display_date(o.date) << "  " << (o.kind == clinical::OrderKind::injection ? "注射" : "処方") << "  オーダ "
                  << o.order_number;
        if (!o.department.empty()) std::cout << "  " << label(o.department);
        if (!o.doctor.empty()) std::cout << "  " << o.doctor;
        std::cout << "\n";
        for (std::size_t i = 0; i < o.rps.size(); ++i) {
            const auto& rp = o.rps[i];
            std::cout << "    Rp" << (rp.number.empty() ? std::to_string(i + 1) : rp.number) << "  " << label(rp.usage);
            if (!rp.days.empty()) std::cout << "  " << rp.days << "日分";
            if (!rp.route.empty()) std::cout << "  " << label(rp.route);
            std::cout << "\n";
            for (const auto& m : rp.medications) {
                std::cout << "      " << label(m.drug) << "  " << m.dose << " " << label(m.dose_unit);
                if (!m.daily_total.empty()) std::cout << "  1日 " << m.daily_total << " " << label(m.daily_total_unit);
                if (!m.drug.code.empty()) std::cout << "  (" << m.drug.system << " " << m.drug.code << ")";
                std::cout << "\n";
            }
        }
    }
    std::cout << "\n■ 検査結果 (" << r.lab_results.size() << ")\n";
    for (const auto& l : r.lab_results) {
        std::cout << "  " << clinical::display_date(l.observed_at) << "  " << label(l.test) << "  " << l.value << " " << l.unit;
        if (!l.reference_range.empty()) std::cout << "  基準 " << l.reference_range;
        if (!l.abnormal_flag.empty() && l.abnormal_flag != "N") std::cout << "  [" << l.abnormal_flag << "]";
        std::cout << "  (" << l.test.system << " " << l.test.code << ")\n";
    }
    std::cout << "\n■ 画像・生理・内視鏡 (" << r.imaging.size() << ")\n";
    for (const auto& i : r.imaging) {
        std::cout << "  " << clinical::display_date(i.date) << "  " << i.data_type << "  " << label(i.procedure);
        if (!i.study_uid.empty()) std::cout << "  Study UID " << i.study_uid;
        std::cout << "\n";
        for (const auto& f : i.findings) std::cout << "      " << f << "\n";
    }
}

int run_show(const ShowOptions& options) {
    if (!fs::is_directory(options.storage)) {
        std::cerr << "ssmix show: " << options.storage.string() << " is not a folder\n";
        return exit_usage;
    }
    DiskFiles files(options.storage);
    const auto record = clinical::build_record(files, options.patient, {"", options.from, options.to, options.history});
    print_diagnostics(record.diagnostics);
    if (record.sources.empty()) {
        std::cerr << "ssmix show: no data for patient " << options.patient << " in " << options.storage.string() << "\n";
        return exit_data_problem;
    }
    if (options.json) std::cout << clinical::record_json(record) << '\n';
    else print_text(record);
    return count_errors(record.diagnostics) == 0 ? exit_ok : exit_data_problem;
}

}  // namespace

Command add_show_command(CLI::App& app) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* cli = app.add_subcommand("show", "Show one patient's clinical record from an SS-MIX2 storage");
    cli->add_option("--storage", options->storage, "Root folder of the standardized storage")->required();
    cli->add_option("--patient", options->patient, "Patient ID")->required();
    cli->add_option("--from", options->from, "First care date to include (YYYYMMDD)");
    cli->add_option("--to", options->to, "Last care date to include (YYYYMMDD)");
    cli->add_flag("--history", options->history, "Also show superseded versions (flag 2)");
    cli->add_flag("--json", options->json, "Print the record as JSON");
    return {cli, [options] { return run_show(*options); }};
}

}  // namespace ssmix::packager
