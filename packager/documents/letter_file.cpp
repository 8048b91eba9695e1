// packager/documents/letter_file.cpp — toml++ (Debian libtomlplusplus-dev) parses; this file maps keys.
#include "packager/documents/letter_file.h"

#include <map>

#include <toml++/toml.h>

#include "core/base/durable_file.h"

namespace ssmix::packager {
namespace {

class LetterReader {
public:
    explicit LetterReader(std::string file) : file_(std::move(file)) {}

    // Copies the string values of `table` into the fields named by `keys`; reports the rest.
    void read_table(const toml::table& table, const std::string& prefix, const std::map<std::string, std::string*>& keys,
                    const std::map<std::string, bool>& subtables = {}) {
        for (const auto& [key, node] : table) {
            const std::string name(key.str());
            const std::string path = prefix.empty() ? name : prefix + "." + name;
            if (subtables.count(name)) continue;
            const auto field = keys.find(name);
            if (field == keys.end()) {
                problem(node, path, "letter.key.unknown", "unknown key '" + path + "' (see README.md, \"ssmix referral\", for the keys)");
            } else if (const auto* text = node.as_string()) {
                *field->second = text->get();
            } else {
                problem(node, path, "letter.key.not_text", "'" + path + "' must be text in quotes");
            }
        }
    }

    // A required key left out or empty (a key of the wrong type is already reported).
    void require(const toml::table& root, const std::string& value, const std::string& path, const char* what) {
        const toml::node_view node = root.at_path(path);
        if (value.empty() && (!node || node.is_string())) diagnostics.push_back(error({file_, 0, path}, "letter.key.missing", std::string("missing ") + what + " ('" + path + "')"));
    }

    void problem(const toml::node& node, const std::string& path, const char* code, std::string message) {
        diagnostics.push_back(error({file_, static_cast<std::uint32_t>(node.source().begin.line), path}, code, std::move(message)));
    }

    std::vector<Diagnostic> diagnostics;

private:
    std::string file_;
};

}  // namespace

Parsed<cda::ReferralLetter> read_letter_file(const std::filesystem::path& path) {
    Parsed<cda::ReferralLetter> out;
    const std::string file = path.string();
    std::string text;
    try {
        const Bytes bytes = read_file(path);
        text.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    } catch (const std::exception& e) {
        out.diagnostics.push_back(error({file, 0, ""}, "letter.unreadable", std::string("cannot read the letter: ") + e.what()));
        return out;
    }
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        out.diagnostics.push_back(error({file, static_cast<std::uint32_t>(e.source().begin.line), "column " + std::to_string(e.source().begin.column)},
                                        "letter.syntax", "not a valid TOML letter: " + std::string(e.description())));
        return out;
    }

    cda::ReferralLetter letter;
    LetterReader reader(file);
    reader.read_table(root, "",
                      {{"purpose", &letter.purpose}, {"present_illness", &letter.present_illness}, {"course", &letter.course},
                       {"past_history", &letter.past_history}, {"family_history", &letter.family_history}, {"remarks", &letter.remarks}},
                      {{"from", true}, {"to", true}});
    for (const char* name : {"from", "to"}) {
        const toml::node* node = root.get(name);
        if (node && !node->is_table()) reader.problem(*node, name, "letter.key.not_table", std::string("'") + name + "' must be a table: [" + name + "]");
    }
    if (const auto* from = root["from"].as_table())
        reader.read_table(*from, "from",
                          {{"institution", &letter.from.name}, {"code", &letter.from.code}, {"department", &letter.from.department},
                           {"address", &letter.from.address}, {"phone", &letter.from.phone}, {"doctor", &letter.doctor.name},
                           {"doctor_id", &letter.doctor.id}});
    if (const auto* to = root["to"].as_table())
        reader.read_table(*to, "to",
                          {{"institution", &letter.to.institution.name}, {"code", &letter.to.institution.code},
                           {"department", &letter.to.institution.department},
                           {"doctor", &letter.to.doctor}, {"address", &letter.to.institution.address}, {"phone", &letter.to.institution.phone}});
    reader.require(root, letter.purpose, "purpose", "the purpose of the referral (紹介目的)");
    reader.require(root, letter.from.name, "from.institution", "the sending institution (紹介元医療機関)");
    reader.require(root, letter.from.code, "from.code", "the sending institution's 10-digit code (医療機関コード)");
    reader.require(root, letter.doctor.name, "from.doctor", "the sending doctor (紹介元医師)");
    reader.require(root, letter.to.institution.name, "to.institution", "the receiving institution (紹介先医療機関)");
    for (const auto& [key, code] : {std::pair{"from.code", &letter.from.code}, std::pair{"to.code", &letter.to.institution.code}})
        if (!code->empty() && !cda::is_institution_code(*code))
            reader.diagnostics.push_back(error({file, 0, key}, "letter.code.invalid",
                                               std::string(key) + " '" + *code + "' is not a 医療機関コード: 10 digits (都道府県 2 + 点数表 1 + 医療機関 7)"));
    out.diagnostics = std::move(reader.diagnostics);
    if (!out.has_errors()) out.value = std::move(letter);
    return out;
}

}  // namespace ssmix::packager
