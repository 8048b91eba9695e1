// tests/fuzz/text_decode.cpp — fuzzes core/text: any bytes decode without crashing, and the
// UTF-8 produced encodes back to ISO-2022-JP that decodes again without errors.
#include <cstddef>
#include <cstdint>

#include "core/text/iso2022jp.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ssmix::Place place{"fuzz", 0, ""};
    const auto decoded = ssmix::text::decode_iso2022jp({data, size}, place);
    const auto encoded = ssmix::text::encode_iso2022jp(decoded.utf8, place);
    const auto again = ssmix::text::decode_iso2022jp(encoded.bytes, place);
    for (const auto& d : again.diagnostics)
        if (d.severity == ssmix::Severity::error) __builtin_trap();   // what we write must read back cleanly
    return 0;
}
