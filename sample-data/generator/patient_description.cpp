// sample-data/generator/patient_description.cpp — toml++ does the syntax; this checks that every
// value the generator needs is there, of the right kind, and consistent (dates, codes, one lab
// value per date, drugs that exist).
#include "sample-data/generator/patient_description.h"

#include <algorithm>
#include <stdexcept>

#include "core/clinical/dates.h"

namespace ssmix::sample {
namespace {

class Reader {
public:
    explicit Reader(std::filesystem::path file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const toml::node* node, const std::string& key, const std::string& what) const {
        const auto line = node ? node->source().begin.line : 0;
        throw std::runtime_error(file_.string() + ":" + std::to_string(line) + ": " + key + ": " + what);
    }

    const toml::table& table(const toml::table& parent, const std::string& key) const {
        const auto* t = parent[key].as_table();
        if (!t) fail(&parent, key, "a table [" + key + "] is required");
        return *t;
    }

    std::string text(const toml::table& t, const std::string& key, bool required = true) const {
        const auto* node = t.get(key);
        if (!node) {
            if (required) fail(&t, key, "is required");
            return {};
        }
        const auto value = node->value<std::string>();
        if (!value || value->empty()) fail(node, key, "must be a non-empty string");
        return *value;
    }

    std::string date(const toml::table& t, const std::string& key, bool required = true) const {
        std::string value = text(t, key, required);
        if (!value.empty() && !clinical::parse_date(value)) fail(t.get(key), key, "\"" + value + "\" is not a date (YYYYMMDD)");
        return value;
    }

    std::optional<double> number(const toml::table& t, const std::string& key) const {
        const auto* node = t.get(key);
        if (!node) return std::nullopt;
        const auto value = node->value<double>();
        if (!value) fail(node, key, "must be a number");
        return value;
    }

    bool flag(const toml::table& t, const std::string& key) const {
        const auto* node = t.get(key);
        if (!node) return false;
        const auto value = node->value<bool>();
        if (!value) fail(node, key, "must be true or false");
        return *value;
    }

    const toml::array& array(const toml::table& t, const std::string& key) const {
        const auto* a = t[key].as_array();
        if (!a || a->empty()) fail(&t, key, "a non-empty array is required");
        return *a;
    }

    template <class Each>
    void tables(const toml::table& t, const std::string& key, Each each) const {
        for (const auto& node : array(t, key)) {
            const auto* item = node.as_table();
            if (!item) fail(&node, key, "must be an array of tables [[" + key + "]]");
            each(*item);
        }
    }

    std::vector<std::string> dates(const toml::table& t, const std::string& key) const {
        std::vector<std::string> out;
        for (const auto& node : array(t, key)) {
            const auto value = node.value<std::string>();
            if (!value || !clinical::parse_date(*value)) fail(&node, key, "must hold dates (YYYYMMDD)");
            out.push_back(*value);
        }
        return out;
    }

private:
    std::filesystem::path file_;
};

Drug read_drug(const Reader& r, const std::string& key, const toml::table& t) {
    Drug d;
    d.key = key;
    d.hot9 = r.text(t, "hot9");
    if (d.hot9.size() != 9 || !std::all_of(d.hot9.begin(), d.hot9.end(), [](char c) { return c >= '0' && c <= '9'; }))
        r.fail(t.get("hot9"), "drugs." + key + ".hot9", "a HOT9 code has 9 digits");
    d.name = r.text(t, "name");
    d.dose = r.number(t, "dose").value_or(0);
    if (d.dose <= 0) r.fail(&t, "drugs." + key + ".dose", "a positive dose is required");
    d.unit = r.text(t, "unit");
    d.unit_name = r.text(t, "unit_name");
    d.usage = r.text(t, "usage");
    if (d.usage.size() != 16) r.fail(t.get("usage"), "drugs." + key + ".usage", "a JAMI usage code has 16 characters");
    d.usage_name = r.text(t, "usage_name");
    d.times_a_day = static_cast<int>(r.number(t, "times_a_day").value_or(1));
    return d;
}

}  // namespace

SampleDescription read_description(const std::filesystem::path& file) {
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw std::runtime_error(file.string() + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    const Reader r(file);
    SampleDescription d;
    d.file = file;
    d.seed = static_cast<std::uint32_t>(r.number(root, "seed").value_or(1));

    const auto& p = r.table(root, "patient");
    d.patient = {r.text(p, "id"), r.text(p, "family"), r.text(p, "given"), r.text(p, "family_kana"), r.text(p, "given_kana"),
                 r.text(p, "family_romaji"), r.text(p, "given_romaji"), r.date(p, "birth_date"), r.text(p, "sex"),
                 r.text(p, "postal_code"), r.text(p, "address"), r.text(p, "phone")};
    if (d.patient.sex != "M" && d.patient.sex != "F") r.fail(p.get("sex"), "patient.sex", "M or F");

    const auto& h = r.table(root, "hospital");
    d.hospital = {r.text(h, "name"), r.text(h, "code"), r.text(h, "address"), r.text(h, "phone"), r.text(h, "department_code"),
                  r.text(h, "department"), r.text(h, "doctor_id"), r.text(h, "doctor_family"), r.text(h, "doctor_given")};
    if (d.hospital.code.size() != 10) r.fail(h.get("code"), "hospital.code", "a 医療機関コード has 10 digits");

    d.outpatient_visits = r.dates(root, "outpatient_visits");
    r.tables(root, "admission", [&](const toml::table& t) {
        d.admissions.push_back({r.date(t, "admitted"), r.date(t, "discharged"), r.text(t, "ward"), r.text(t, "room")});
    });
    r.tables(root, "problem", [&](const toml::table& t) {
        d.problems.push_back({r.text(t, "name"), r.text(t, "code"), r.text(t, "code_system"), r.text(t, "icd10"),
                              r.date(t, "onset"), r.flag(t, "main"), r.flag(t, "suspected")});
    });

    for (const auto& [key, node] : r.table(root, "drugs")) {
        const auto* t = node.as_table();
        if (!t) r.fail(&node, "drugs." + std::string(key.str()), "must be a table");
        d.drugs.emplace(std::string(key.str()), read_drug(r, std::string(key.str()), *t));
    }
    r.tables(root, "prescription", [&](const toml::table& t) {
        PrescriptionDescription rx;
        rx.date = r.date(t, "date");
        rx.days = static_cast<int>(r.number(t, "days").value_or(0));
        if (rx.days <= 0) r.fail(&t, "prescription.days", "a positive number of days is required");
        if (const auto first = r.number(t, "first_days")) rx.first_days = static_cast<int>(*first);
        rx.cancelled = r.flag(t, "cancelled");
        for (const auto& rp_node : r.array(t, "rps")) {
            const auto* rp = rp_node.as_array();
            if (!rp || rp->empty()) r.fail(&rp_node, "prescription.rps", "each Rp is a non-empty list of drug names");
            std::vector<Drug> drugs;
            for (const auto& name : *rp) {
                const auto key = name.value<std::string>();
                const auto found = key ? d.drugs.find(*key) : d.drugs.end();
                if (found == d.drugs.end()) r.fail(&name, "prescription.rps", "no such drug in [drugs]: " + key.value_or("?"));
                drugs.push_back(found->second);
            }
            rx.rps.push_back(std::move(drugs));
        }
        d.prescriptions.push_back(std::move(rx));
    });

    const auto& labs = r.table(root, "labs");
    d.lab_dates = r.dates(labs, "dates");
    r.tables(labs, "test", [&](const toml::table& t) {
        LabTestDescription test{r.text(t, "code"), r.text(t, "name"), r.text(t, "unit"), r.number(t, "low"), r.number(t, "high"), {}};
        if (test.code.size() != 17) r.fail(t.get("code"), "labs.test.code", "a JLAC10 code has 17 characters");
        for (const auto& v : r.array(t, "values")) {
            const auto value = v.value<double>();
            if (!value) r.fail(&v, "labs.test.values", "must be numbers");
            test.values.push_back(*value);
        }
        if (test.values.size() != d.lab_dates.size())
            r.fail(&t, "labs.test.values", test.name + " has " + std::to_string(test.values.size()) + " values for " +
                                               std::to_string(d.lab_dates.size()) + " dates");
        d.lab_tests.push_back(std::move(test));
    });

    r.tables(root, "study", [&](const toml::table& t) {
        StudyDescription s{r.text(t, "kind"), r.date(t, "ordered"), r.date(t, "performed"), r.text(t, "time"),
                           r.text(t, "description"), r.text(t, "code"), r.text(t, "code_name"), r.text(t, "code_system"),
                           r.text(t, "modality"), r.text(t, "encoding"),
                           static_cast<int>(r.number(t, "slices").value_or(0)), static_cast<int>(r.number(t, "frames").value_or(0))};
        if (s.kind != "chest-ct" && s.kind != "chest-cr" && s.kind != "kidney-us")
            r.fail(t.get("kind"), "study.kind", "chest-ct, chest-cr or kidney-us");
        if (s.encoding != "explicit-little" && s.encoding != "jpeg-ls-lossless" && s.encoding != "jpeg-baseline")
            r.fail(t.get("encoding"), "study.encoding", "explicit-little, jpeg-ls-lossless or jpeg-baseline");
        if (s.kind == "chest-ct" && s.slices < 1) r.fail(&t, "study.slices", "a CT needs slices");
        if (s.kind == "kidney-us" && s.frames < 1) r.fail(&t, "study.frames", "an ultrasound clip needs frames");
        d.studies.push_back(std::move(s));
    });
    d.letter = r.table(root, "letter");
    return d;
}

}  // namespace ssmix::sample
