// core/hl7/field.cpp — parts of a field, found with the shift state tracked.
#include "core/hl7/field.h"

#include "core/hl7/detail/shift_state.h"
#include "core/hl7/escape.h"
#include "core/text/iso2022jp.h"

namespace ssmix::hl7 {

ByteView FieldView::raw() const {
    if (!message_) return {};
    return message_->view(range_);
}

FieldView FieldView::part(char delimiter, std::size_t n, const char* label) const {
    if (!message_ || n == 0) return FieldView(message_, {range_.end, range_.end}, where_ + label + "0");
    const ByteRange found = detail::nth_part(message_->bytes(), range_, delimiter, n - 1);
    return FieldView(message_, found, where_ + label + std::to_string(n));
}

std::vector<FieldView> FieldView::repetitions() const {
    std::vector<FieldView> out;
    if (!message_ || empty()) return out;
    const std::size_t count = detail::count_parts(message_->bytes(), range_, message_->delimiters().repetition);
    for (std::size_t i = 1; i <= count; ++i) out.push_back(repetition(i));
    return out;
}

FieldView FieldView::repetition(std::size_t n) const {
    if (!message_) return {};
    FieldView r = part(message_->delimiters().repetition, n, "[");
    r.where_ += "]";
    return r;
}

FieldView FieldView::component(std::size_t n) const {
    if (!message_) return {};
    // A component of a repeating field means: of its first repetition.
    const FieldView first = where_.ends_with("]") ? *this : repetition(1);
    FieldView c = first.part(message_->delimiters().component, n, ".");
    if (!where_.ends_with("]")) c.where_ = where_ + "." + std::to_string(n);
    return c;
}

FieldView FieldView::subcomponent(std::size_t n) const {
    if (!message_) return {};
    return part(message_->delimiters().subcomponent, n, ".");
}

std::size_t FieldView::component_count() const {
    if (!message_ || empty()) return 0;
    const FieldView first = where_.ends_with("]") ? *this : repetition(1);
    return detail::count_parts(message_->bytes(), first.range_, message_->delimiters().component);
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
    if (text::is_plain_ascii(bytes)) {
        const Bytes plain = unescape(bytes, message_->delimiters());
        return std::string(plain.begin(), plain.end());
    }
    const Bytes unescaped = unescape(bytes, message_->delimiters());
    auto decoded = text::decode_iso2022jp(unescaped, {message_->name(), 0, where_}, range_.begin);
    diagnostics.insert(diagnostics.end(), decoded.diagnostics.begin(), decoded.diagnostics.end());
    return std::move(decoded.utf8);
}

}  // namespace ssmix::hl7
