// core/hl7/field.h — read access to a field and its parts, aware of the ISO 2022 shift state:
// inside a JIS run (ESC $ B ... ESC ( B) the bytes | ^ ~ \ & are halves of kanji, not
// delimiters (本 = "K\", 京 = "5~", 剤 = ":^", 糖 = "E|"). Positions are 1-based as HL7 writes
// them (PID-5[2].1 is the first component of the second repetition). Missing parts read as
// empty views; nothing here fails.
#pragma once

#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/hl7/message.h"

namespace ssmix::hl7 {

class FieldView {
public:
    FieldView() = default;
    FieldView(const Message* message, ByteRange range, std::string where)
        : message_(message), range_(range), where_(std::move(where)) {}

    [[nodiscard]] bool empty() const { return range_.empty(); }
    [[nodiscard]] ByteView raw() const;               // the bytes, escapes and JIS unresolved
    [[nodiscard]] const std::string& where() const { return where_; }   // "PID-5", "PID-5[2].1"
    [[nodiscard]] std::uint32_t offset() const { return range_.begin; }

    [[nodiscard]] std::vector<FieldView> repetitions() const;
    [[nodiscard]] FieldView repetition(std::size_t n) const;   // 1-based
    [[nodiscard]] FieldView component(std::size_t n) const;    // of the first repetition
    [[nodiscard]] FieldView subcomponent(std::size_t n) const; // of the first component
    [[nodiscard]] std::size_t component_count() const;      // of the first repetition
    [[nodiscard]] std::size_t subcomponent_count() const;   // of this view, split at '&'

    // The value as UTF-8: HL7 escapes resolved, ISO-2022-JP decoded. For a composite, the
    // whole raw value is decoded (delimiters stay as they are).
    [[nodiscard]] std::string text() const;
    // Same, with the decoding problems (place = file + where + byte offset).
    [[nodiscard]] std::string text(std::vector<Diagnostic>& diagnostics) const;

private:
    [[nodiscard]] FieldView part(char delimiter, std::size_t n, const char* label) const;
    const Message* message_ = nullptr;
    ByteRange range_;
    std::string where_;
};

}  // namespace ssmix::hl7
