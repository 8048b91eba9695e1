// core/hl7/message.cpp — segment lookup; everything else about a message is in field.cpp.
#include "core/hl7/message.h"

#include "core/hl7/field.h"

namespace ssmix::hl7 {

Message::Message(Bytes bytes, std::string name, Delimiters delimiters, std::vector<Segment> segments)
    : bytes_(std::move(bytes)), name_(std::move(name)), delimiters_(delimiters), segments_(std::move(segments)) {}

const Segment* Message::segment(std::string_view id, std::size_t nth) const {
    for (const auto& s : segments_)
        if (s.id == id && nth-- == 0) return &s;
    return nullptr;
}

std::vector<const Segment*> Message::segments(std::string_view id) const {
    std::vector<const Segment*> found;
    for (const auto& s : segments_)
        if (s.id == id) found.push_back(&s);
    return found;
}

FieldView Message::field(std::string_view segment_id, std::size_t n) const {
    const Segment* s = segment(segment_id);
    if (!s) return FieldView(this, {}, std::string(segment_id) + "-" + std::to_string(n));
    return field(*s, n);
}

FieldView Message::field(const Segment& segment, std::size_t n) const {
    const std::string where = segment.id + "-" + std::to_string(n);
    if (n >= segment.fields.size()) return FieldView(this, {segment.range.end, segment.range.end}, where);
    return FieldView(this, segment.fields[n], where);
}

std::string Message::message_type() const {
    const FieldView type = field("MSH", 9);
    const std::string code = type.component(1).text();
    const std::string event = type.component(2).text();
    return event.empty() ? code : code + "^" + event;
}

}  // namespace ssmix::hl7
