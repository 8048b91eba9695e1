// core/ssmix2/classify.cpp — message type first, then the few content rules.
#include "core/ssmix2/classify.h"

#include <array>

#include "core/hl7/field.h"

namespace ssmix::ssmix2 {
namespace {

bool has(const hl7::Message& m, std::string_view segment) { return m.segment(segment) != nullptr; }

// HL7 table 0162 routes that mean an injection or infusion.
bool is_injection_route(std::string_view route) {
    constexpr std::array<std::string_view, 12> routes = {"IV", "IM", "SC", "ID", "IA", "IT", "IS", "EP", "IO", "IVP", "IVPB", "CVC"};
    for (auto r : routes)
        if (r == route) return true;
    return false;
}

std::string obr4_system(const hl7::Message& m) {
    for (const auto* obr : m.segments("OBR")) {
        const std::string system = m.field(*obr, 4).component(3).text();
        if (!system.empty()) return system;
    }
    return {};
}

}  // namespace

Parsed<const DataTypeRow*> classify(const hl7::Message& m) {
    Parsed<const DataTypeRow*> result;
    const std::string type = m.message_type();
    std::string_view code;
    if (type == "RDE^O11") {
        const bool injection = has(m, "RXC") || m.field("RXE", 6).component(1).text() == "INJ" ||
                               m.field("RXE", 2).component(3).text().starts_with("99I");
        code = injection ? "OMP-02" : "OMP-01";
    } else if (type == "RAS^O17") {
        const bool injection = has(m, "RXC") || !m.field("RXA", 12).empty() ||
                               is_injection_route(m.field("RXR", 1).component(1).text());
        code = injection ? "OMP-12" : "OMP-11";
    } else if (type == "OMG^O19" || type == "OMI^Z23") {
        const std::string system = obr4_system(m);
        const bool order = type == "OMG^O19";
        if (system == "JJ1017") code = order ? "OMG-01" : "OMG-11";
        else if (system == "LENDO") code = order ? "OMG-02" : "OMG-12";
        else if (order) code = "OMG-03";
        else {
            code = "OMG-11";
            result.diagnostics.push_back(warning({m.name(), 0, "OBR-4"}, "ssmix2.classify.guessed",
                                                 "OMI^Z23 without a JJ1017 or LENDO code in OBR-4; stored as radiology (OMG-11)"));
        }
    } else {
        for (const auto& row : data_type_rows())
            if (row.message == type) code = row.code;
    }
    if (code.empty()) {
        result.diagnostics.push_back(error({m.name(), 1, "MSH-9"}, "ssmix2.type.unknown",
                                           "message type \"" + type + "\" is not one of SS-MIX2's data types"));
        return result;
    }
    result.value = find_row(code, type);
    return result;
}

}  // namespace ssmix::ssmix2
