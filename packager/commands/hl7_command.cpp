// packager/commands/hl7_command.cpp — `ssmix hl7 dump FILE`: every value of a message with its place
// (PID-5[1].1 = 患者), decoded from ISO-2022-JP, for people reading a message by eye.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "core/hl7/field.h"
#include "core/hl7/parse.h"
#include "packager/commands/command.h"
#include "packager/support/console.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct DumpOptions {
    fs::path file;
    bool json = false;
};

struct Line {
    std::uint32_t segment;
    std::string path, value;
};

// The deepest non-empty parts of each field, in order.
void collect(const hl7::Message& m, const hl7::Segment& segment, std::vector<Line>& out) {
    for (std::size_t n = 1; n < segment.fields.size(); ++n) {
        const hl7::FieldView field = m.field(segment, n);
        if (field.empty()) continue;
        if (segment.id == "MSH" && n <= 2) {
            out.push_back({segment.number, field.where(), field.text()});
            continue;
        }
        const auto repetitions = field.repetitions();
        for (std::size_t r = 1; r <= repetitions.size(); ++r) {
            const hl7::FieldView rep = field.repetition(r);
            const std::size_t components = rep.component_count();
            for (std::size_t c = 1; c <= components; ++c) {
                const hl7::FieldView component = rep.component(c);
                if (component.empty()) continue;
                const std::size_t subcomponents = component.subcomponent_count();
                if (subcomponents == 1) {
                    out.push_back({segment.number, component.where(), component.text()});
                    continue;
                }
                for (std::size_t s = 1; s <= subcomponents; ++s) {
                    const hl7::FieldView sub = component.subcomponent(s);
                    if (!sub.empty()) out.push_back({segment.number, sub.where(), sub.text()});
                }
            }
        }
    }
}

int run_dump(const DumpOptions& options) {
    Bytes bytes;
    try {
        bytes = read_file(options.file);
    } catch (const std::exception& e) {
        std::cerr << "ssmix hl7 dump: " << e.what() << "\n";
        return exit_data_problem;
    }
    auto parsed = hl7::parse_message(bytes, options.file.string());
    std::vector<Diagnostic> diagnostics = parsed.diagnostics;
    std::vector<Line> lines;
    if (parsed.value) {
        auto encoding = hl7::check_encoding(*parsed.value);
        diagnostics.insert(diagnostics.end(), encoding.begin(), encoding.end());
        for (const auto& segment : parsed.value->segments()) collect(*parsed.value, segment, lines);
    }
    if (options.json) {
        auto values = nlohmann::ordered_json::array();
        for (const auto& l : lines) values.push_back({{"segment", l.segment}, {"path", l.path}, {"value", l.value}});
        std::cout << nlohmann::ordered_json{{"file", options.file.string()},
                                            {"messageType", parsed.value ? parsed.value->message_type() : ""},
                                            {"values", values},
                                            {"diagnostics", diagnostics_json(diagnostics)}}
                         .dump(2)
                  << '\n';
    } else {
        print_diagnostics(diagnostics);
        for (const auto& l : lines) std::cout << l.segment << "\t" << l.path << " = " << l.value << "\n";
    }
    return parsed.value && count_errors(diagnostics) == 0 ? exit_ok : exit_data_problem;
}

}  // namespace

Command add_hl7_command(CLI::App& app) {
    auto options = std::make_shared<DumpOptions>();
    CLI::App* hl7 = app.add_subcommand("hl7", "Look inside HL7 v2 message files");
    hl7->require_subcommand(1);
    CLI::App* dump = hl7->add_subcommand("dump", "Print every value of a message with its place (PID-5[1].1 = 患者)");
    dump->add_option("file", options->file, "Message file")->required();
    dump->add_flag("--json", options->json, "Print as JSON");
    return {hl7, [options] { return run_dump(*options); }};
}

}  // namespace ssmix::packager
