// core/hl7/detail/shift_state.h — finds delimiters in bytes that may hold ISO 2022 JIS runs.
// A byte is a delimiter only in ASCII mode; ESC $ B, ESC $ @ and ESC ( I start a run in
// which every byte is character data, ESC ( B or ESC ( J ends it. Internal to core/hl7.
#pragma once

#include <cstdint>

#include "core/base/bytes.h"
#include "core/hl7/message.h"

namespace ssmix::hl7::detail {

enum class Shift { ascii, other };

// If bytes[at] starts an escape sequence that changes the shift state, the new state and the
// sequence length; otherwise length 0.
struct ShiftChange {
    Shift shift = Shift::ascii;
    std::uint32_t length = 0;
};
[[nodiscard]] ShiftChange shift_change(ByteView bytes, std::size_t at);

// Calls visit(part) for each part of `range` split at `delimiter` outside JIS runs, in order.
template <class Visit>
void for_each_part(ByteView all, ByteRange range, char delimiter, Visit visit) {
    bool ascii = true;
    const auto wanted = static_cast<std::uint8_t>(delimiter);
    const std::uint8_t* p = all.data();
    std::uint32_t start = range.begin;
    for (std::uint32_t i = range.begin; i < range.end; ++i) {
        while (i < range.end && p[i] != wanted && p[i] != 0x1B) ++i;   // the common case: plain bytes
        if (i >= range.end) break;
        if (p[i] == 0x1B) {
            const ShiftChange change = shift_change(all.first(range.end), i);
            if (change.length) {
                ascii = change.shift == Shift::ascii;
                i += change.length - 1;
            }
        } else if (ascii) {
            visit(ByteRange{start, i});
            start = i + 1;
        }
    }
    visit(ByteRange{start, range.end});
}

// The range of part n (0-based) of `range`, split at `delimiter` outside JIS runs; an empty
// range at range.end when there are fewer parts.
[[nodiscard]] ByteRange nth_part(ByteView all, ByteRange range, char delimiter, std::size_t n);

// How many parts `range` splits into (at least 1).
[[nodiscard]] std::size_t count_parts(ByteView all, ByteRange range, char delimiter);


}  // namespace ssmix::hl7::detail
