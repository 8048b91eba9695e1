// core/hl7/writer.cpp — a sparse tree of values, joined with delimiters when finished.
#include "core/hl7/escape.h"
#include "core/hl7/write.h"
#include "core/text/iso2022jp.h"

namespace ssmix::hl7 {
namespace {

template <class T>
T& at_least(std::vector<T>& items, std::size_t position) {   // 1-based
    if (items.size() < position) items.resize(position);
    return items[position - 1];
}

}  // namespace

MessageWriter::MessageWriter(Delimiters delimiters) : delimiters_(delimiters) {}

void MessageWriter::add_segment(std::string id) { segments_.push_back({std::move(id), {}}); }

void MessageWriter::set(std::size_t field, std::string_view utf8, std::size_t component, std::size_t repetition,
                        std::size_t subcomponent) {
    if (segments_.empty() || field == 0 || component == 0 || repetition == 0 || subcomponent == 0) return;
    if (segments_.back().id == "MSH" && field <= 2) return;   // written from the delimiters
    Field& f = segments_.back().fields[field];
    at_least(at_least(at_least(f, repetition), component), subcomponent) = std::string(utf8);
}

void MessageWriter::set_components(std::size_t field, std::initializer_list<std::string_view> components,
                                   std::size_t repetition) {
    std::size_t n = 0;
    for (auto value : components) set(field, value, ++n, repetition);
}

void MessageWriter::set_components(std::size_t field, const std::vector<std::string>& components, std::size_t repetition) {
    std::size_t n = 0;
    for (const auto& value : components) set(field, value, ++n, repetition);
}

MessageWriter::Written MessageWriter::finish(const Place& place) const {
    Written out;
    auto put = [&](char c) { out.bytes.push_back(static_cast<std::uint8_t>(c)); };
    for (const auto& segment : segments_) {
        for (char c : segment.id) put(c);
        std::size_t next_field = 1;
        if (segment.id == "MSH") {
            for (char c : {delimiters_.field, delimiters_.component, delimiters_.repetition, delimiters_.escape,
                           delimiters_.subcomponent})
                put(c);
            next_field = 3;
        }
        const std::size_t last = segment.fields.empty() ? 0 : segment.fields.rbegin()->first;
        for (std::size_t n = next_field; n <= last; ++n) {
            put(delimiters_.field);
            const auto found = segment.fields.find(n);
            if (found == segment.fields.end()) continue;
            const Field& field = found->second;
            for (std::size_t r = 0; r < field.size(); ++r) {
                if (r) put(delimiters_.repetition);
                for (std::size_t c = 0; c < field[r].size(); ++c) {
                    if (c) put(delimiters_.component);
                    for (std::size_t s = 0; s < field[r][c].size(); ++s) {
                        if (s) put(delimiters_.subcomponent);
                        Place where = place;
                        where.where = segment.id + "-" + std::to_string(n);
                        auto encoded = text::encode_iso2022jp(escape(field[r][c][s], delimiters_), where);
                        out.bytes.insert(out.bytes.end(), encoded.bytes.begin(), encoded.bytes.end());
                        out.diagnostics.insert(out.diagnostics.end(), encoded.diagnostics.begin(), encoded.diagnostics.end());
                    }
                }
            }
        }
        put('\r');
    }
    return out;
}

void add_ssmix2_header(MessageWriter& writer, const MessageHeader& h) {
    writer.add_segment("MSH");
    writer.set(3, h.sending_application);
    writer.set(4, h.sending_facility);
    writer.set(5, h.receiving_application);
    writer.set(6, h.receiving_facility);
    writer.set(7, h.timestamp);
    std::size_t component = 0;
    std::string_view type = h.message_type;
    while (!type.empty() || component == 0) {
        const auto caret = type.find('^');
        writer.set(9, type.substr(0, caret), ++component);
        type = caret == std::string_view::npos ? std::string_view{} : type.substr(caret + 1);
    }
    writer.set(10, h.control_id);
    writer.set(11, h.processing_id);
    writer.set(12, "2.5");
    writer.set(18, "", 1, 1);
    writer.set(18, "ISO IR87", 1, 2);
    writer.set(20, "ISO 2022-1994");
    std::size_t n = 0;
    std::string_view profile = ssmix2_profile;
    while (!profile.empty()) {
        const auto caret = profile.find('^');
        writer.set(21, profile.substr(0, caret), ++n);
        profile = caret == std::string_view::npos ? std::string_view{} : profile.substr(caret + 1);
    }
}

}  // namespace ssmix::hl7
