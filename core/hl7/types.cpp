// core/hl7/types.cpp — component positions of each data type; missing parts read as "".
#include "core/hl7/types.h"

#include <cstdlib>

namespace ssmix::hl7 {
namespace {

std::string part(const FieldView& value, std::size_t n) { return value.component(n).text(); }

PersonName name_from(const FieldView& value, std::size_t first, std::size_t type_at, std::size_t representation_at) {
    PersonName name;
    name.family = part(value, first);
    name.given = part(value, first + 1);
    name.middle = part(value, first + 2);
    name.suffix = part(value, first + 3);
    name.prefix = part(value, first + 4);
    name.type = part(value, type_at);
    name.representation = part(value, representation_at);
    return name;
}

}  // namespace

std::string PersonName::full() const {
    std::string out = family;
    for (const std::string* p : {&given, &middle}) {
        if (p->empty()) continue;
        if (!out.empty()) out += ' ';
        out += *p;
    }
    return out;
}

std::string Address::full() const {
    if (!free_text.empty()) return free_text;
    std::string out;
    for (const std::string* p : {&state, &city, &street, &other}) out += *p;
    return out;
}

ExtendedId read_cx(const FieldView& value) { return {part(value, 1), part(value, 4), part(value, 5)}; }

PersonName read_xpn(const FieldView& value) { return name_from(value, 1, 7, 8); }

std::vector<PersonName> read_xpn_all(const FieldView& field) {
    std::vector<PersonName> names;
    for (const auto& repetition : field.repetitions()) {
        PersonName name = read_xpn(repetition);
        if (!name.empty()) names.push_back(std::move(name));
    }
    return names;
}

Address read_xad(const FieldView& value) {
    Address a;
    a.street = part(value, 1);
    a.other = part(value, 2);
    a.city = part(value, 3);
    a.state = part(value, 4);
    a.postal_code = part(value, 5);
    a.country = part(value, 6);
    a.type = part(value, 7);
    a.free_text = part(value, 8);
    return a;
}

std::vector<Telecom> read_xtn_all(const FieldView& field) {
    std::vector<Telecom> out;
    for (const auto& repetition : field.repetitions()) {
        Telecom t{part(repetition, 2), part(repetition, 3), part(repetition, 12)};
        if (t.number.empty()) t.number = part(repetition, 1);
        if (!t.number.empty()) out.push_back(std::move(t));
    }
    return out;
}

Staff read_xcn(const FieldView& value) { return {part(value, 1), name_from(value, 2, 10, 15)}; }

std::vector<Staff> read_xcn_all(const FieldView& field) {
    std::vector<Staff> out;
    for (const auto& repetition : field.repetitions()) {
        Staff s = read_xcn(repetition);
        if (!s.id.empty() || !s.name.empty()) out.push_back(std::move(s));
    }
    return out;
}

CodedElement read_cwe(const FieldView& value) {
    return {part(value, 1), part(value, 2), part(value, 3), part(value, 4), part(value, 5), part(value, 6)};
}

CodedElement read_cwe_subcomponents(const FieldView& component) {
    auto sub = [&](std::size_t n) { return component.subcomponent(n).text(); };
    return {sub(1), sub(2), sub(3), sub(4), sub(5), sub(6)};
}

std::optional<double> read_nm(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    if (text.front() == '+') text.remove_prefix(1);
    bool digit = false, point = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') digit = true;
        else if (c == '.' && !point) point = true;
        else if (c == '-' && i == 0) continue;
        else return std::nullopt;
    }
    if (!digit) return std::nullopt;
    // strtod: libc++ in Emscripten 3.1.6 has no floating-point from_chars. The programs never
    // call setlocale, so the decimal point is '.'.
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size()) return std::nullopt;
    return value;
}

const PersonName* ideographic(const std::vector<PersonName>& names) {
    for (const auto& n : names)
        if (n.representation == "I") return &n;
    return names.empty() ? nullptr : &names.front();
}

const PersonName* phonetic(const std::vector<PersonName>& names) {
    for (const auto& n : names)
        if (n.representation == "P") return &n;
    return nullptr;
}

}  // namespace ssmix::hl7
