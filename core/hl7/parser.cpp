// core/hl7/parser.cpp — one pass over the bytes: segments end at CR or LF (neither can be half
// of a JIS character), fields split at the field separator outside JIS runs.
#include <array>
#include <cctype>
#include <cstring>

#include "core/hl7/detail/shift_state.h"
#include "core/hl7/field.h"
#include "core/hl7/parse.h"

namespace ssmix::hl7 {
namespace {

constexpr std::uint8_t mllp_start = 0x0B, mllp_end = 0x1C;
constexpr std::size_t max_message_bytes = 1u << 30;

bool is_terminator(std::uint8_t b) { return b == '\r' || b == '\n'; }

bool is_segment_id(std::string_view id) {
    if (id.size() != 3) return false;
    for (char c : id)
        if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

class Parser {
public:
    Parser(ByteView bytes, const std::string& name) : bytes_(bytes.begin(), bytes.end()), name_(name) {}

    Parsed<Message> run() {
        trim_mllp_bytes();
        if (!read_delimiters()) return std::move(result_);
        // Bytes that stop the fast scan: segment terminators, ESC, the field separator.
        stops_.fill(false);
        stops_['\r'] = stops_['\n'] = stops_[0x1B] = stops_[static_cast<std::uint8_t>(delimiters_.field)] = true;
        segments_.reserve(32);
        std::uint32_t at = begin_;
        std::uint32_t number = 0;
        while (at < end_) {
            if (is_terminator(bytes_[at])) {
                ++at;
                continue;
            }
            at = scan_segment(at, ++number) + 1;
        }
        result_.value.emplace(std::move(bytes_), name_, delimiters_, std::move(segments_));
        return std::move(result_);
    }

private:
    void add(Severity severity, std::uint32_t line, std::string where, std::string code, std::string message) {
        result_.diagnostics.push_back({severity, {name_, line, std::move(where)}, std::move(code), std::move(message)});
    }

    void trim_mllp_bytes() {
        end_ = static_cast<std::uint32_t>(std::min(bytes_.size(), max_message_bytes));
        if (begin_ < end_ && bytes_[begin_] == mllp_start) ++begin_;
        while (end_ > begin_ && (bytes_[end_ - 1] == mllp_end || is_terminator(bytes_[end_ - 1]) || bytes_[end_ - 1] == 0))
            --end_;
        while (begin_ < end_ && is_terminator(bytes_[begin_])) ++begin_;
    }

    bool read_delimiters() {
        if (bytes_.size() > max_message_bytes) {
            add(Severity::error, 0, "", "hl7.too_large", "message larger than 1 GiB");
            return false;
        }
        if (end_ - begin_ < 8 || std::string_view(reinterpret_cast<const char*>(&bytes_[begin_]), 3) != "MSH") {
            add(Severity::error, 1, "", "hl7.msh.missing",
                end_ == begin_ ? "the file is empty" : "does not start with an MSH segment: not an HL7 v2 message");
            return false;
        }
        const std::uint8_t* msh = &bytes_[begin_];
        delimiters_.field = static_cast<char>(msh[3]);
        std::size_t n = 0;
        char* targets[] = {&delimiters_.component, &delimiters_.repetition, &delimiters_.escape, &delimiters_.subcomponent};
        while (n < 4 && begin_ + 4 + n < end_ && msh[4 + n] != msh[3] && !is_terminator(msh[4 + n])) {
            *targets[n] = static_cast<char>(msh[4 + n]);
            ++n;
        }
        const std::string chars{delimiters_.field, delimiters_.component, delimiters_.repetition, delimiters_.escape,
                                delimiters_.subcomponent};
        bool distinct = true;
        for (std::size_t i = 0; i < chars.size(); ++i)
            for (std::size_t j = i + 1; j < chars.size(); ++j) distinct = distinct && chars[i] != chars[j];
        for (char c : chars) distinct = distinct && c > 0x20 && c < 0x7F && !std::isalnum(static_cast<unsigned char>(c));
        if (n < 4) add(Severity::warning, 1, "MSH-2", "hl7.delimiters.short", "MSH-2 has fewer than 4 encoding characters; HL7 defaults used for the rest");
        if (!distinct) {
            add(Severity::error, 1, "MSH-2", "hl7.delimiters.invalid", "MSH-1/MSH-2 delimiters are not distinct printable punctuation");
            return false;
        }
        return true;
    }

    // Scans one segment from `start` to its terminator (or the end) in one pass; returns
    // where it ended.
    std::uint32_t scan_segment(std::uint32_t start, std::uint32_t number) {
        Segment segment;
        segment.number = number;
        segment.fields.reserve(24);
        // Locals, so the scanning loop keeps them in registers (a byte pointer may alias members).
        const std::uint8_t* p = bytes_.data();
        const bool* stops = stops_.data();
        const std::uint32_t end = end_;
        const auto field_separator = static_cast<std::uint8_t>(delimiters_.field);
        // Only the header (the first segment, at least "MSH|") has the special MSH-1/MSH-2 rule;
        // a stray "MSH" line later in a message is split like any other segment.
        const bool is_msh = number == 1 && end_ - start >= 4 && std::memcmp(p + start, "MSH", 3) == 0;
        std::uint32_t field_start = start;
        std::uint32_t at = start;
        if (is_msh) {
            segment.fields.push_back({start, start + 3});
            segment.fields.push_back({start + 3, start + 4});
            field_start = at = start + 4;
        }
        detail::Shift shift = detail::Shift::ascii;
        std::uint32_t jis_started_at = 0;
        for (;;) {
            while (at < end && !stops[p[at]]) ++at;
            if (at >= end || is_terminator(p[at])) break;
            if (p[at] == 0x1B) {
                const auto change = detail::shift_change(ByteView(p, end), at);
                if (change.length) {
                    if (change.shift == detail::Shift::other && shift == detail::Shift::ascii) jis_started_at = at;
                    shift = change.shift;
                    at += change.length;
                    continue;
                }
            } else if (p[at] == field_separator && shift == detail::Shift::ascii) {
                segment.fields.push_back({field_start, at});
                field_start = at + 1;
            }
            ++at;
        }
        segment.fields.push_back({field_start, at});
        segment.range = {start, at};

        if (shift != detail::Shift::ascii) recover_unclosed_run(segment, jis_started_at);

        const ByteRange id = segment.fields[0];
        segment.id.assign(reinterpret_cast<const char*>(p + id.begin), id.end - id.begin);
        if (!is_segment_id(segment.id))
            add(Severity::error, number, segment.id.size() <= 8 ? segment.id : segment.id.substr(0, 8) + "...",
                "hl7.segment.id_invalid", "segment id is not three upper-case letters or digits");
        segments_.push_back(std::move(segment));
        return at;
    }

    // The segment ended inside a JIS run: the sender left out ESC ( B. Field separators after
    // the run's start are then most likely real separators: split there again, and report it.
    void recover_unclosed_run(Segment& segment, std::uint32_t run_start) {
        std::size_t field = 0;
        while (field + 1 < segment.fields.size() && segment.fields[field + 1].begin <= run_start) ++field;
        const std::string where = (segment.fields.empty() ? std::string("?") : segment_id_guess(segment)) + "-" + std::to_string(field);
        add(Severity::error, segment.number, where, "hl7.jis.unclosed",
            "JIS run started here is not closed with ESC ( B before the end of the segment");
        const std::uint32_t start = segment.fields[field].begin;
        segment.fields.resize(field);
        std::uint32_t part = start;
        for (std::uint32_t at = start; at < segment.range.end; ++at) {
            if (bytes_[at] == static_cast<std::uint8_t>(delimiters_.field) && at > run_start) {
                segment.fields.push_back({part, at});
                part = at + 1;
            }
        }
        segment.fields.push_back({part, segment.range.end});
    }

    std::string segment_id_guess(const Segment& segment) const {
        const auto& f = segment.fields.front();
        return std::string(reinterpret_cast<const char*>(&bytes_[f.begin]), std::min<std::uint32_t>(f.end - f.begin, 3));
    }

    Bytes bytes_;
    std::string name_;
    std::uint32_t begin_ = 0, end_ = 0;
    Delimiters delimiters_;
    std::array<bool, 256> stops_{};
    std::vector<Segment> segments_;
    Parsed<Message> result_;
};

}  // namespace

Parsed<Message> parse_message(ByteView bytes, const std::string& name) { return Parser(bytes, name).run(); }

std::vector<Diagnostic> check_encoding(const Message& message) {
    std::vector<Diagnostic> diagnostics;
    for (const auto& segment : message.segments()) {
        const ByteView whole = message.view(segment.range);
        bool plain = true;
        for (auto b : whole) plain = plain && b < 0x80 && b != 0x1B;
        if (plain) continue;
        for (std::size_t n = 1; n < segment.fields.size(); ++n) {
            const FieldView field = message.field(segment, n);
            std::vector<Diagnostic> found;
            (void)field.text(found);
            for (auto& d : found) d.place.line = segment.number;
            diagnostics.insert(diagnostics.end(), found.begin(), found.end());
        }
    }
    return diagnostics;
}

}  // namespace ssmix::hl7
