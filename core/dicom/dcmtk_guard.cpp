// core/dicom/dcmtk_guard.cpp — a byte scan, not a parse: every place the tag's element
// header could start (explicit or implicit VR, little or big endian) is read as one; a value
// of that shape is refused. A false match needs those four bytes, a plausible length and an
// over-long value after them, so ordinary files are never refused.
#include "core/dicom/dcmtk_guard.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace ssmix::dicom {
namespace {

constexpr std::size_t cs_max = 16;

constexpr std::uint16_t record_type_element = 0x1430;   // (0004,1430) Directory Record Type

std::uint32_t read_uint(const std::uint8_t* p, int bytes, bool little) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= std::uint32_t{p[little ? i : bytes - 1 - i]} << (8 * i);
    return v;
}

// True when a value (between backslashes) is longer than CS allows.
bool hazardous(std::string_view value) {
    while (!value.empty() && (value.back() == ' ' || value.back() == '\0')) value.remove_suffix(1);
    for (std::size_t start = 0; start <= value.size();) {
        const std::size_t end = std::min(value.find('\\', start), value.size());
        if (end - start > cs_max) return true;
        start = end + 1;
    }
    return false;
}

// True when `at` is the length field of an explicit-VR UL element of group 0004 (a record
// offset, "04 00" for its 4 bytes), and its value's low half made the bytes there read as the
// tag (0004,1430): then the "length" after them is the offset's high half with the next
// element's group, 0004, so 262,144 bytes or more. DCMTK reads those bytes as the offset, never
// as a tag. (A large DICOMDIR has such offsets; `ssmix pack` of 10,000 images refused its own.)
bool record_offset_read_as_tag(ByteView bytes, std::size_t at, std::uint32_t implicit_length) {
    return at >= 6 && bytes[at - 6] == 0x04 && bytes[at - 5] == 0x00 && bytes[at - 2] == 'U' && bytes[at - 1] == 'L' &&
           implicit_length >> 16 == 0x0004;
}

// The value after a header at `at` read as explicit VR (header of 8 bytes, "CS" and a 16-bit
// length) or as implicit VR (a 32-bit length), in either byte order.
bool hazard_at(ByteView bytes, std::size_t at, bool little) {
    const std::uint8_t* p = bytes.data() + at;
    const std::size_t left = bytes.size() - at;
    auto value = [&](std::size_t header, std::uint32_t length) {
        return length <= left - header && hazardous({reinterpret_cast<const char*>(p + header), length});
    };
    if (left < 8) return false;
    // "CS" after the tag is the explicit VR: read as an implicit length it would claim 21,315
    // bytes or more, and in a DICOMDIR that large (1,000 records) every record type was refused.
    // (An implicit-VR file shaped so is still kept from harm: DCMTK's exceptions are caught.)
    if (p[4] == 'C' && p[5] == 'S') return value(8, read_uint(p + 6, 2, little));
    const std::uint32_t length = read_uint(p + 4, 4, little);
    if (little && record_offset_read_as_tag(bytes, at, length)) return false;
    return value(8, length);
}

}  // namespace

std::optional<Diagnostic> dcmtk_hazard(ByteView bytes, const std::string& name) {
    for (std::size_t at = 0; at + 8 <= bytes.size(); ++at) {
        const std::uint8_t* p = bytes.data() + at;
        const bool little = p[0] == 0x04 && p[1] == 0x00, big = p[0] == 0x00 && p[1] == 0x04;
        if (!little && !big) continue;
        if (read_uint(p + 2, 2, little) != record_type_element || !hazard_at(bytes, at, little)) continue;
        return error({name, 0, "(0004,1430) at byte " + std::to_string(at)}, "dicom.read.bad_directory_value",
                     "the Directory Record Type (0004,1430) is longer than the 16 characters a code string may hold");
    }
    return std::nullopt;
}

}  // namespace ssmix::dicom
