// tests/fuzz/xml_encoding.cpp — fuzzes core/text/xml_encoding.cpp and the byte decoders behind
// it: any bytes decode without crashing; whatever comes out is valid UTF-8; a failure names an
// offset inside the input; a refused document always has a diagnostic saying why.
#include <cstddef>
#include <cstdint>

#include "core/text/byte_decoders.h"
#include "core/text/xml_encoding.h"

namespace {

void check(const ssmix::text::Decoding& decoded, std::size_t size) {
    if (ssmix::text::check_utf8(ssmix::as_bytes(decoded.utf8)).failure) __builtin_trap();   // only valid UTF-8 comes out
    if (decoded.failure && decoded.failure->offset >= size) __builtin_trap();            // the offset is a byte of the input
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ssmix::ByteView bytes{data, size};
    using ssmix::text::ShiftJisFlavour;
    check(ssmix::text::decode_shift_jis(bytes, ShiftJisFlavour::jis), size);
    check(ssmix::text::decode_shift_jis(bytes, ShiftJisFlavour::windows), size);
    check(ssmix::text::decode_euc_jp(bytes), size);
    check(ssmix::text::decode_utf16(bytes, std::endian::little), size);
    check(ssmix::text::decode_utf16(bytes, std::endian::big), size);
    check(ssmix::text::decode_latin1(bytes), size);

    const auto xml = ssmix::text::decode_xml(bytes, "fuzz.xml");
    if (xml.value) {
        if (ssmix::text::check_utf8(ssmix::as_bytes(xml.value->utf8)).failure) __builtin_trap();
    } else if (xml.diagnostics.empty()) {
        __builtin_trap();   // a refusal always says why
    }
    return 0;
}
