// core/ssmix2/message_rules.cpp — the three rule kinds over one parsed message.
#include "core/ssmix2/message_rules.h"

#include <map>
#include <string>

#include "core/hl7/field.h"
#include "core/hl7/types.h"
#include "core/ssmix2/detail/rules_data.h"
#include "core/ssmix2/segment_grammar.h"

namespace ssmix::ssmix2 {
namespace {

struct FieldRule {
    std::string segment;
    std::size_t field = 0;
    std::string name;          // Japanese name
    std::string requirement;   // R, RE, C
    std::vector<std::string> data_types;   // empty: all
};

struct FieldType {
    std::string segment;
    std::size_t field = 0;
    std::string name, type;
};

std::vector<std::vector<std::string>> tsv_rows(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    bool header = true;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (header || line.empty()) {
            header = false;
            continue;
        }
        std::vector<std::string> cells;
        while (true) {
            const auto tab = line.find('\t');
            cells.emplace_back(line.substr(0, tab));
            if (tab == std::string_view::npos) break;
            line.remove_prefix(tab + 1);
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

const std::vector<FieldRule>& required_rules() {
    static const std::vector<FieldRule> rules = [] {
        std::vector<FieldRule> out;
        for (auto& cells : tsv_rows(detail::required_fields_text())) {
            if (cells.size() < 7) continue;
            FieldRule rule{cells[0], std::stoul(cells[1]), cells[2], cells[5], {}};
            if (cells[6] != "*") {
                std::string_view list = cells[6];
                while (!list.empty()) {
                    const auto comma = list.find(',');
                    rule.data_types.emplace_back(list.substr(0, comma));
                    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
                }
            }
            out.push_back(std::move(rule));
        }
        return out;
    }();
    return rules;
}

const std::vector<FieldType>& numeric_fields() {
    static const std::vector<FieldType> fields = [] {
        std::vector<FieldType> out;
        for (auto& cells : tsv_rows(detail::field_types_text()))
            if (cells.size() >= 4 && cells[3] == "NM") out.push_back({cells[0], std::stoul(cells[1]), cells[2], cells[3]});
        return out;
    }();
    return fields;
}

bool applies(const FieldRule& rule, std::string_view data_type) {
    if (rule.data_types.empty()) return true;
    for (const auto& t : rule.data_types)
        if (t == data_type) return true;
    return false;
}

void check_structure(const hl7::Message& m, Severity severity, std::vector<Diagnostic>& out) {
    const std::string type = m.message_type();
    const SegmentGrammar* grammar = grammar_for(type);
    if (!grammar) return;
    std::vector<std::string_view> ids;
    for (const auto& s : m.segments()) ids.push_back(s.id);
    const auto mismatch = grammar->match(ids);
    if (!mismatch) return;
    std::string expected;
    for (const auto& e : mismatch->expected) expected += (expected.empty() ? "" : ", ") + e;
    if (mismatch->segment_index < ids.size()) {
        const hl7::Segment& s = m.segments()[mismatch->segment_index];
        out.push_back({severity, {m.name(), s.number, s.id}, "ssmix2.structure.unexpected_segment",
                       "segment " + s.id + " is not allowed here in an SS-MIX2 " + type + " message (expected " +
                           (expected.empty() ? std::string("the end") : expected) + ")"});
    } else {
        out.push_back({severity, {m.name(), static_cast<std::uint32_t>(ids.size()), ""}, "ssmix2.structure.incomplete",
                       "the " + type + " message ends early: expected " + expected});
    }
}

}  // namespace

std::vector<Diagnostic> check_message_rules(const hl7::Message& m, const DataTypeRow& row, RuleSeverities severities) {
    std::vector<Diagnostic> out;
    check_structure(m, severities.structure, out);
    // Field rules assume the segments are where the structure puts them; when it is broken,
    // one finding about the structure says more than dozens about its fields.
    const bool structure_broken = !out.empty();

    for (const auto& rule : required_rules()) {
        if (structure_broken) break;
        if (rule.requirement != "R" || !applies(rule, row.code)) continue;
        if (rule.segment == "MSH" && rule.field <= 2) continue;   // delimiters: the parser needs them anyway
        for (const auto* segment : m.segments(rule.segment)) {
            if (!m.field(*segment, rule.field).empty()) continue;
            out.push_back({severities.required,
                           {m.name(), segment->number, rule.segment + "-" + std::to_string(rule.field)},
                           "ssmix2.field.required",
                           rule.segment + "-" + std::to_string(rule.field) + " (" + rule.name + ") is required for " +
                               std::string(row.code) + " and is empty"});
        }
    }

    for (const auto& nm : numeric_fields()) {
        for (const auto* segment : m.segments(nm.segment)) {
            const hl7::FieldView field = m.field(*segment, nm.field);
            if (field.empty()) continue;
            for (const auto& repetition : field.repetitions()) {
                const std::string text = repetition.text();
                if (text.empty() || text == "\"\"" || hl7::read_nm(text)) continue;
                out.push_back({severities.numeric, {m.name(), segment->number, repetition.where()}, "ssmix2.field.not_numeric",
                               nm.segment + "-" + std::to_string(nm.field) + " (" + nm.name + ") must be a number (NM), not \"" +
                                   text + "\""});
            }
        }
    }
    return out;
}

}  // namespace ssmix::ssmix2
