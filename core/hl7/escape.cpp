// core/hl7/escape.cpp — both directions of the HL7 escape rules.
#include "core/hl7/escape.h"

#include "core/hl7/detail/shift_state.h"

namespace ssmix::hl7 {
namespace {

int hex_value(std::uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Appends what one escape sequence (the text between the escape characters) stands for;
// false when it is not one we know.
bool resolve(std::string_view sequence, const Delimiters& d, Bytes& out) {
    if (sequence.size() == 1) {
        switch (sequence[0]) {
            case 'F': out.push_back(static_cast<std::uint8_t>(d.field)); return true;
            case 'S': out.push_back(static_cast<std::uint8_t>(d.component)); return true;
            case 'T': out.push_back(static_cast<std::uint8_t>(d.subcomponent)); return true;
            case 'R': out.push_back(static_cast<std::uint8_t>(d.repetition)); return true;
            case 'E': out.push_back(static_cast<std::uint8_t>(d.escape)); return true;
            case 'H': case 'N': return true;   // highlighting: no meaning in plain text
            default: return false;
        }
    }
    if (sequence == ".br") {
        out.push_back('\n');
        return true;
    }
    if (sequence.size() >= 3 && sequence[0] == 'X' && sequence.size() % 2 == 1) {
        for (std::size_t i = 1; i < sequence.size(); i += 2) {
            const int high = hex_value(static_cast<std::uint8_t>(sequence[i]));
            const int low = hex_value(static_cast<std::uint8_t>(sequence[i + 1]));
            if (high < 0 || low < 0) return false;
            out.push_back(static_cast<std::uint8_t>(high << 4 | low));
        }
        return true;
    }
    return false;
}

}  // namespace

Bytes unescape(ByteView raw, const Delimiters& delimiters) {
    Bytes out;
    out.reserve(raw.size());
    detail::Shift shift = detail::Shift::ascii;
    const auto escape_char = static_cast<std::uint8_t>(delimiters.escape);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::uint8_t byte = raw[i];
        if (byte == 0x1B) {
            const auto change = detail::shift_change(raw, i);
            if (change.length) {
                shift = change.shift;
                out.insert(out.end(), raw.begin() + static_cast<std::ptrdiff_t>(i),
                           raw.begin() + static_cast<std::ptrdiff_t>(i + change.length));
                i += change.length - 1;
                continue;
            }
        }
        if (byte == escape_char && shift == detail::Shift::ascii) {
            std::size_t close = i + 1;
            while (close < raw.size() && raw[close] != escape_char && raw[close] >= 0x20 && raw[close] < 0x7F) ++close;
            if (close < raw.size() && raw[close] == escape_char) {
                const std::string_view sequence(reinterpret_cast<const char*>(raw.data()) + i + 1, close - i - 1);
                if (resolve(sequence, delimiters, out)) {
                    i = close;
                    continue;
                }
            }
        }
        out.push_back(byte);
    }
    return out;
}

std::string escape(std::string_view utf8, const Delimiters& d) {
    std::string out;
    out.reserve(utf8.size());
    for (char c : utf8) {
        if (c == d.escape) out += std::string{d.escape, 'E', d.escape};
        else if (c == d.field) out += std::string{d.escape, 'F', d.escape};
        else if (c == d.component) out += std::string{d.escape, 'S', d.escape};
        else if (c == d.subcomponent) out += std::string{d.escape, 'T', d.escape};
        else if (c == d.repetition) out += std::string{d.escape, 'R', d.escape};
        else if (c == '\n') out += std::string{d.escape} + ".br" + d.escape;
        else if (c == '\r') continue;   // CR ends a segment; line breaks are \.br\ already
        else out += c;
    }
    return out;
}

}  // namespace ssmix::hl7
