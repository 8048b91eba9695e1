// core/fhir/json_access.cpp — typed field access and FHIR date forms for the bundle reader.
#include "core/fhir/detail/json_access.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ssmix::fhir::detail {
namespace {

const char* type_name(const ReadJson& value) {
    switch (value.type()) {
        case ReadJson::value_t::object: return "an object";
        case ReadJson::value_t::array: return "an array";
        case ReadJson::value_t::string: return "a string";
        case ReadJson::value_t::boolean: return "a boolean";
        case ReadJson::value_t::null: return "null";
        default: return "a number";
    }
}

const char* want_name(Want want) {
    switch (want) {
        case Want::object: return "an object";
        case Want::array: return "an array";
        case Want::string: return "a string";
        case Want::number: return "a number";
        case Want::boolean: return "a boolean";
    }
    return "";
}

bool has_type(const ReadJson& value, Want want) {
    switch (want) {
        case Want::object: return value.is_object();
        case Want::array: return value.is_array();
        case Want::string: return value.is_string();
        case Want::number: return value.is_number();
        case Want::boolean: return value.is_boolean();
    }
    return false;
}

bool digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

void JsonAccess::error(const std::string& path, std::string code, std::string message) {
    diagnostics_.push_back(ssmix::error(place(path), std::move(code), std::move(message)));
}

void JsonAccess::warn(const std::string& path, std::string code, std::string message) {
    diagnostics_.push_back(ssmix::warning(place(path), std::move(code), std::move(message)));
}

At JsonAccess::field(const At& at, std::string_view key, Want want) {
    if (!at || !at->is_object()) return {};
    const auto found = at->find(key);
    if (found == at->end()) return {};
    std::string path = at.path + "." + std::string(key);
    if (found->is_null()) return {};
    if (!has_type(*found, want)) {
        error(path, "fhir.type", std::string("this is ") + type_name(*found) + ", expected " + want_name(want) + "; it is ignored");
        return {};
    }
    return {&*found, std::move(path)};
}

std::string JsonAccess::text(const At& at, std::string_view key) {
    const At value = field(at, key, Want::string);
    return value ? value->get<std::string>() : std::string();
}

std::vector<At> JsonAccess::items(const At& at, std::string_view key, Want want) {
    std::vector<At> out;
    const At list = field(at, key, Want::array);
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const ReadJson& item = (*list.value)[i];
        std::string path = list.path + "[" + std::to_string(i) + "]";
        if (!has_type(item, want)) {
            error(path, "fhir.type", std::string("this is ") + type_name(item) + ", expected " + want_name(want) + "; it is ignored");
            continue;
        }
        out.push_back({&item, std::move(path)});
    }
    return out;
}

std::string JsonAccess::number_text(const At& at, std::string_view key) {
    const At value = field(at, key, Want::number);
    if (!value) return {};
    if (value->is_number_integer() || value->is_number_unsigned()) return value->dump();
    return plain_decimal(value->get<double>());
}

std::string plain_decimal(double number) {
    // Emscripten's libc++ has no std::to_chars for double: the shortest %g that reads back as
    // the same number, then, if that is in exponent form (5e+01), the same digits written out.
    char buffer[400];
    int precision = 1;
    for (; precision < 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, number);
        if (std::strtod(buffer, nullptr) == number) break;
    }
    const char* exponent = std::strchr(buffer, 'e');
    if (!exponent) return buffer;
    const int decimals = std::clamp(precision - 1 - std::atoi(exponent + 1), 0, 340);
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, number);
    return buffer;
}

std::string hl7_time(std::string_view fhir, bool full) {
    // YYYY[-MM[-DD[Thh:mm[:ss[.fff]][Z|(+|-)hh:mm]]]]
    if (fhir.size() < 4 || !digits(fhir.substr(0, 4))) return {};
    std::string out(fhir.substr(0, 4));
    std::size_t at = 4;
    for (int part = 0; part < 2 && at < fhir.size() && fhir[at] == '-'; ++part, at += 3) {
        if (at + 3 > fhir.size() || !digits(fhir.substr(at + 1, 2))) return {};
        out += fhir.substr(at + 1, 2);
    }
    if (at >= fhir.size()) return out;
    if (fhir[at] != 'T' || out.size() != 8 || at + 6 > fhir.size() || !digits(fhir.substr(at + 1, 2)) || fhir[at + 3] != ':' ||
        !digits(fhir.substr(at + 4, 2)))
        return {};
    out += fhir.substr(at + 1, 2);
    out += fhir.substr(at + 4, 2);
    at += 6;
    std::string seconds = "00";
    if (at + 3 <= fhir.size() && fhir[at] == ':' && digits(fhir.substr(at + 1, 2))) {
        seconds = fhir.substr(at + 1, 2);
        at += 3;
        if (at < fhir.size() && fhir[at] == '.')
            for (++at; at < fhir.size() && fhir[at] >= '0' && fhir[at] <= '9';) ++at;
    }
    if (!full) return out;
    out += seconds;
    if (at < fhir.size() && fhir[at] == 'Z') return out + "+0000";
    if (at + 6 <= fhir.size() && (fhir[at] == '+' || fhir[at] == '-') && digits(fhir.substr(at + 1, 2)) && fhir[at + 3] == ':' &&
        digits(fhir.substr(at + 4, 2)))
        out += std::string(1, fhir[at]) + std::string(fhir.substr(at + 1, 2)) + std::string(fhir.substr(at + 4, 2));
    return out;
}

}  // namespace ssmix::fhir::detail
