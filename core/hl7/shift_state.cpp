// core/hl7/shift_state.cpp — the shift-state aware splitting every HL7 read goes through.
#include "core/hl7/detail/shift_state.h"

namespace ssmix::hl7::detail {

ShiftChange shift_change(ByteView bytes, std::size_t at) {
    if (bytes[at] != 0x1B || at + 2 >= bytes.size()) return {};
    const std::uint8_t a = bytes[at + 1], b = bytes[at + 2];
    if (a == '$' && (b == 'B' || b == '@')) return {Shift::other, 3};
    if (a == '(' && b == 'I') return {Shift::other, 3};
    if (a == '(' && (b == 'B' || b == 'J')) return {Shift::ascii, 3};
    return {};
}

namespace {

// Calls visit(position) for each delimiter in range; stops when visit returns false.
template <class Visit>
void for_each_delimiter(ByteView all, ByteRange range, char delimiter, Visit visit) {
    Shift shift = Shift::ascii;
    const auto wanted = static_cast<std::uint8_t>(delimiter);
    const std::uint8_t* p = all.data();
    for (std::uint32_t i = range.begin; i < range.end; ++i) {
        while (i < range.end && p[i] != wanted && p[i] != 0x1B) ++i;   // the common case: plain bytes
        if (i >= range.end) return;
        if (p[i] == 0x1B) {
            const ShiftChange change = shift_change(all.first(range.end), i);
            if (change.length) {
                shift = change.shift;
                i += change.length - 1;
            }
        } else if (shift == Shift::ascii) {
            if (!visit(i)) return;
        }
    }
}

}  // namespace

ByteRange nth_part(ByteView all, ByteRange range, char delimiter, std::size_t n) {
    std::uint32_t start = range.begin;
    std::size_t index = 0;
    ByteRange found{range.end, range.end};
    bool done = false;
    for_each_delimiter(all, range, delimiter, [&](std::uint32_t at) {
        if (index == n) {
            found = {start, at};
            done = true;
            return false;
        }
        ++index;
        start = at + 1;
        return true;
    });
    if (!done && index == n) found = {start, range.end};
    return found;
}

std::size_t count_parts(ByteView all, ByteRange range, char delimiter) {
    std::size_t count = 1;
    for_each_delimiter(all, range, delimiter, [&](std::uint32_t) {
        ++count;
        return true;
    });
    return count;
}

}  // namespace ssmix::hl7::detail
