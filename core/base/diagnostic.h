// core/base/diagnostic.h — how every parser reports bad input: a value that names the file,
// the place in it (line, HL7 field, XPath, DICOM tag) and says what is wrong.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ssmix {

enum class Severity { error, warning, note };

struct Place {
    std::string file;
    std::uint32_t line = 0;   // 1-based; 0 when the format has no lines (DICOM)
    std::string where;        // "PID-5", an XPath, "(0010,0010)", "byte 1234"
};

struct Diagnostic {
    Severity severity = Severity::error;
    Place place;
    std::string code;     // stable, for tests and docs: "dicom.read.failed"
    std::string message;  // one sentence: what was found, what was expected
};

// A parse result: value is empty only if nothing usable was read; diagnostics may be
// non-empty even when a value was read (warnings, or errors in parts that were skipped).
template <class T>
struct Parsed {
    std::optional<T> value;
    std::vector<Diagnostic> diagnostics;

    [[nodiscard]] bool has_errors() const {
        for (const auto& d : diagnostics)
            if (d.severity == Severity::error) return true;
        return false;
    }
};

[[nodiscard]] Diagnostic error(Place place, std::string code, std::string message);
[[nodiscard]] Diagnostic warning(Place place, std::string code, std::string message);

[[nodiscard]] const char* to_string(Severity severity);

// "a.hl7:2: PID-7: error: birth date ... [hl7.ts.invalid]"
[[nodiscard]] std::string to_string(const Diagnostic& diagnostic);

}  // namespace ssmix
