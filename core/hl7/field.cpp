// core/hl7/field.cpp — parts of a field, found with the shift state tracked.
#include "core/hl7/field.h"

#include <cstring>

#include "core/hl7/detail/shift_state.h"
#include "core/hl7/escape.h"
#include "core/text/iso2022jp.h"

namespace ssmix::hl7 {

std::string FieldPlace::str() const {
    std::string out(segment);
    out += "-" + std::to_string(field);
    if (repetition) out += "[" + std::to_string(repetition) + "]";
    if (component) out += "." + std::to_string(component);
    if (subcomponent) out += "." + std::to_string(subcomponent);
    return out;
}

ByteView FieldView::raw() const {
    if (!message_) return {};
    return message_->view(range_);
}

std::vector<FieldView> FieldView::repetitions() const {
    std::vector<FieldView> out;
    for_each_repetition([&](const FieldView& part) { out.push_back(part); });
    return out;
}

std::vector<FieldView> FieldView::components() const {
    std::vector<FieldView> out;
    for_each_component([&](const FieldView& part) { out.push_back(part); });
    return out;
}

FieldView FieldView::repetition(std::size_t n) const {
    if (!message_) return {};
    FieldPlace place = place_;
    place.repetition = static_cast<std::uint16_t>(n);
    if (n == 0) return FieldView(message_, {range_.end, range_.end}, place);
    return FieldView(message_, detail::nth_part(message_->bytes(), range_, message_->delimiters().repetition, n - 1), place);
}

FieldView FieldView::component(std::size_t n) const {
    if (!message_) return {};
    // A component of a repeating field means: of its first repetition (the place keeps the
    // field's own form, "PID-5.1", unless a repetition was chosen explicitly).
    const ByteRange first = place_.repetition ? range_ : detail::nth_part(message_->bytes(), range_, message_->delimiters().repetition, 0);
    FieldPlace place = place_;
    place.component = static_cast<std::uint16_t>(n);
    if (n == 0) return FieldView(message_, {first.end, first.end}, place);
    return FieldView(message_, detail::nth_part(message_->bytes(), first, message_->delimiters().component, n - 1), place);
}

FieldView FieldView::subcomponent(std::size_t n) const {
    if (!message_) return {};
    FieldPlace place = place_;
    place.subcomponent = static_cast<std::uint16_t>(n);
    if (n == 0) return FieldView(message_, {range_.end, range_.end}, place);
    return FieldView(message_, detail::nth_part(message_->bytes(), range_, message_->delimiters().subcomponent, n - 1), place);
}

std::size_t FieldView::component_count() const {
    if (!message_ || empty()) return 0;
    const ByteRange first = place_.repetition ? range_ : detail::nth_part(message_->bytes(), range_, message_->delimiters().repetition, 0);
    return detail::count_parts(message_->bytes(), first, message_->delimiters().component);
}

std::size_t FieldView::subcomponent_count() const {
    if (!message_ || empty()) return 0;
    return detail::count_parts(message_->bytes(), range_, message_->delimiters().subcomponent);
}

std::string FieldView::text() const {
    std::vector<Diagnostic> ignored;
    return text(ignored);
}

std::string FieldView::text(std::vector<Diagnostic>& diagnostics) const {
    if (!message_ || empty()) return {};
    const ByteView bytes = raw();
    // Is there an escape character (memchr is vectorised), and is everything plain ASCII
    // (a branch-free loop the compiler vectorises)?
    const bool escaped = std::memchr(bytes.data(), message_->delimiters().escape, bytes.size()) != nullptr;
    std::uint8_t high = 0, esc = 0;
    for (const std::uint8_t b : bytes) {
        high |= b;
        esc |= static_cast<std::uint8_t>(b == 0x1B);
    }
    if (!(high & 0x80) && !esc) {
        if (!escaped) return std::string(as_text(bytes));
        const Bytes plain = unescape(bytes, message_->delimiters());
        return std::string(plain.begin(), plain.end());
    }
    const Bytes unescaped = escaped ? unescape(bytes, message_->delimiters()) : Bytes{};
    const ByteView input = escaped ? ByteView(unescaped) : bytes;
    auto decoded = text::decode_iso2022jp(input, {}, range_.begin);
    for (auto& d : decoded.diagnostics) {   // the place is formatted only when there is a problem
        d.place.file = message_->name();
        d.place.where = where() + (d.place.where.empty() ? "" : ", ") + d.place.where;
        diagnostics.push_back(std::move(d));
    }
    return std::move(decoded.utf8);
}

}  // namespace ssmix::hl7
