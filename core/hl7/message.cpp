// core/hl7/message.cpp — segment lookup; everything else about a message is in field.cpp.
#include "core/hl7/message.h"

#include "core/hl7/field.h"

#include <algorithm>
#include <cstring>

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

namespace {

FieldPlace place_of(std::string_view segment_id, std::size_t n) {
    FieldPlace place;
    std::memcpy(place.segment, segment_id.data(), std::min<std::size_t>(segment_id.size(), 3));
    place.field = static_cast<std::uint16_t>(n);
    return place;
}

}  // namespace

FieldView Message::field(std::string_view segment_id, std::size_t n) const {
    const Segment* s = segment(segment_id);
    if (!s) return FieldView(this, {}, place_of(segment_id, n));
    return field(*s, n);
}

FieldView Message::field(const Segment& segment, std::size_t n) const {
    if (n >= segment.fields.size()) return FieldView(this, {segment.range.end, segment.range.end}, place_of(segment.id, n));
    return FieldView(this, segment.fields[n], place_of(segment.id, n));
}

std::string Message::message_type() const {
    const FieldView type = field("MSH", 9);
    const std::string code = type.component(1).text();
    const std::string event = type.component(2).text();
    return event.empty() ? code : code + "^" + event;
}

}  // namespace ssmix::hl7
