// tests/fuzz/hl7_message.cpp — fuzzes core/hl7 and core/ssmix2 the way ingest uses them: parse,
// read every field, component and subcomponent as text, check the encoding, classify, plan the
// storage path and check the message rules. Nothing may crash or read out of bounds.
#include <cstddef>
#include <cstdint>

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
        (void)plan.value->name.relative_path();
        (void)ssmix::ssmix2::check_message_rules(m, *plan.value->row);
    }
    return 0;
}
