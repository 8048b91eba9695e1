// core/hl7/message.h — an HL7 v2.5 message as read: the original bytes (kept unchanged, so a
// stored message is byte-identical to what was received), the delimiters from MSH, and the
// byte ranges of every segment and field. Components, repetitions and text are read on demand
// through FieldView (field.h). Parse with parse_message() (parse.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/bytes.h"

namespace ssmix::hl7 {

struct Delimiters {
    char field = '|';
    char component = '^';
    char repetition = '~';
    char escape = '\\';
    char subcomponent = '&';
};

struct ByteRange {
    std::uint32_t begin = 0, end = 0;   // [begin, end) into Message::bytes()
    [[nodiscard]] bool empty() const { return begin == end; }
};

struct Segment {
    std::string id;                 // "PID"
    std::uint32_t number = 0;       // 1-based position in the message (the "line")
    ByteRange range;                // the whole segment, without its terminator
    // fields[0] is the segment id; fields[n] is field n. For MSH, fields[1] is the field
    // separator itself and fields[2] the encoding characters, as HL7 counts them.
    std::vector<ByteRange> fields;
};

class FieldView;

class Message {
public:
    Message(Bytes bytes, std::string name, Delimiters delimiters, std::vector<Segment> segments);

    [[nodiscard]] const Bytes& bytes() const { return bytes_; }
    [[nodiscard]] const std::string& name() const { return name_; }   // file name, for diagnostics
    [[nodiscard]] const Delimiters& delimiters() const { return delimiters_; }
    [[nodiscard]] const std::vector<Segment>& segments() const { return segments_; }

    // The nth (0-based) segment with this id, or nullptr.
    [[nodiscard]] const Segment* segment(std::string_view id, std::size_t nth = 0) const;
    [[nodiscard]] std::vector<const Segment*> segments(std::string_view id) const;

    // Field n of a segment ("PID", 5); an empty view when the segment or field is absent.
    [[nodiscard]] FieldView field(std::string_view segment_id, std::size_t n) const;
    [[nodiscard]] FieldView field(const Segment& segment, std::size_t n) const;

    // MSH-9 as "ADT^A08" (message code and trigger event), for classification and messages.
    [[nodiscard]] std::string message_type() const;

    [[nodiscard]] ByteView view(ByteRange range) const { return {bytes_.data() + range.begin, range.end - range.begin}; }

private:
    Bytes bytes_;
    std::string name_;
    Delimiters delimiters_;
    std::vector<Segment> segments_;
};

}  // namespace ssmix::hl7
