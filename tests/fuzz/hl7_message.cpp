// tests/fuzz/hl7_message.cpp — fuzzes core/hl7 and core/ssmix2 the way ingest uses them: parse,
// read every field, component and subcomponent as text, check the encoding, classify, plan the
// storage path and check the message rules. Nothing may crash or read out of bounds, and the
// path planned for a message never leaves the storage (no absolute path, no "." or ".." and no
// empty component: every folder and the file name come from the message's own fields).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <algorithm>

#include "core/hl7/field.h"
#include "core/hl7/parse.h"
#include "core/ssmix2/message_rules.h"
#include "core/ssmix2/plan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parsed = ssmix::hl7::parse_message({data, size}, "fuzz");
    if (!parsed.value) return 0;
    const auto& m = *parsed.value;
    for (const auto& segment : m.segments()) {
        for (std::size_t n = 0; n < segment.fields.size() && n < 40; ++n) {
            const auto field = m.field(segment, n);
            for (const auto& repetition : field.repetitions()) {
                for (std::size_t c = 1; c <= repetition.component_count() && c < 20; ++c) {
                    const auto component = repetition.component(c);
                    (void)component.text();
                    for (std::size_t s = 1; s <= component.subcomponent_count() && s < 10; ++s) (void)component.subcomponent(s).text();
                }
            }
        }
    }
    (void)ssmix::hl7::check_encoding(m);
    auto plan = ssmix::ssmix2::plan_storage(m);
    if (plan.value) {
        const std::string path = plan.value->name.relative_path();
        if (path.empty() || path.front() == '/' || path.back() == '/') __builtin_trap();
        for (std::size_t start = 0; start <= path.size();) {
            const std::size_t end = std::min(path.find('/', start), path.size());
            const std::string_view component(path.data() + start, end - start);
            if (component.empty() || component == "." || component == ".." || component.find('\0') != std::string_view::npos)
                __builtin_trap();
            start = end + 1;
        }
        (void)ssmix::ssmix2::check_message_rules(m, *plan.value->row);
    }
    return 0;
}
