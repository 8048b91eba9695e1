// core/hl7/field.h — read access to a field and its parts, aware of the ISO 2022 shift state:
// inside a JIS run (ESC $ B ... ESC ( B) the bytes | ^ ~ \ & are halves of kanji, not
// delimiters (本 = "K\", 京 = "5~", 剤 = ":^", 糖 = "E|"). Positions are 1-based as HL7 writes
// them (PID-5[2].1 is the first component of the second repetition). Missing parts read as
// empty views; nothing here fails.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/hl7/detail/shift_state.h"
#include "core/hl7/message.h"

namespace ssmix::hl7 {

// Where a value sits: segment id, field and, when narrowed, repetition / component /
// subcomponent (0 = not narrowed). Formatted only when asked for, so reading values stays cheap.
struct FieldPlace {
    char segment[4] = {};
    std::uint16_t field = 0, repetition = 0, component = 0, subcomponent = 0;
    [[nodiscard]] std::string str() const;   // "PID-5", "PID-5[2].1", "RXE-19.2.1"
};

class FieldView {
public:
    FieldView() = default;
    FieldView(const Message* message, ByteRange range, FieldPlace place) : message_(message), range_(range), place_(place) {}

    [[nodiscard]] bool empty() const { return range_.empty(); }
    [[nodiscard]] ByteView raw() const;               // the bytes, escapes and JIS unresolved
    [[nodiscard]] std::string where() const { return place_.str(); }   // "PID-5", "PID-5[2].1"
    [[nodiscard]] const FieldPlace& place() const { return place_; }
    [[nodiscard]] std::uint32_t offset() const { return range_.begin; }

    [[nodiscard]] std::vector<FieldView> repetitions() const;
    [[nodiscard]] FieldView repetition(std::size_t n) const;   // 1-based
    [[nodiscard]] std::vector<FieldView> components() const;   // of the first repetition, in one scan
    // The same without building a vector: visit(FieldView) for each part, in order.
    template <class Visit>
    void for_each_repetition(Visit visit) const;
    template <class Visit>
    void for_each_component(Visit visit) const;
    [[nodiscard]] FieldView component(std::size_t n) const;    // of the first repetition
    [[nodiscard]] FieldView subcomponent(std::size_t n) const; // of the first component
    [[nodiscard]] std::size_t component_count() const;      // of the first repetition
    [[nodiscard]] std::size_t subcomponent_count() const;   // of this view, split at the subcomponent delimiter

    // The value as UTF-8: HL7 escapes resolved, ISO-2022-JP decoded. For a composite, the
    // whole raw value is decoded (delimiters stay as they are).
    [[nodiscard]] std::string text() const;
    // Same, with the decoding problems (place = file + where + byte offset).
    [[nodiscard]] std::string text(std::vector<Diagnostic>& diagnostics) const;

private:
    const Message* message_ = nullptr;
    ByteRange range_;
    FieldPlace place_;
};

template <class Visit>
void FieldView::for_each_repetition(Visit visit) const {
    if (!message_ || empty()) return;
    FieldPlace place = place_;
    place.repetition = 0;
    detail::for_each_part(message_->bytes(), range_, message_->delimiters().repetition, [&](ByteRange part) {
        ++place.repetition;
        visit(FieldView(message_, part, place));
    });
}

template <class Visit>
void FieldView::for_each_component(Visit visit) const {
    if (!message_ || empty()) return;
    const ByteRange first = place_.repetition ? range_ : detail::nth_part(message_->bytes(), range_, message_->delimiters().repetition, 0);
    FieldPlace place = place_;
    place.component = 0;
    detail::for_each_part(message_->bytes(), first, message_->delimiters().component, [&](ByteRange part) {
        ++place.component;
        visit(FieldView(message_, part, place));
    });
}

}  // namespace ssmix::hl7
