// core/base/diagnostic.cpp — constructors and the one-line text form of a Diagnostic.
#include "core/base/diagnostic.h"

namespace ssmix {

Diagnostic error(Place place, std::string code, std::string message) {
    return {Severity::error, std::move(place), std::move(code), std::move(message)};
}

Diagnostic warning(Place place, std::string code, std::string message) {
    return {Severity::warning, std::move(place), std::move(code), std::move(message)};
}

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

std::string to_string(const Diagnostic& d) {
    std::string text = d.place.file.empty() ? std::string("<input>") : d.place.file;
    if (d.place.line > 0) text += ":" + std::to_string(d.place.line);
    text += ": ";
    if (!d.place.where.empty()) text += d.place.where + ": ";
    text += to_string(d.severity);
    text += ": ";
    text += d.message;
    if (!d.code.empty()) text += " [" + d.code + "]";
    return text;
}

}  // namespace ssmix
