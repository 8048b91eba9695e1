// core/fhir/detail/json_access.h — reading untrusted FHIR JSON without trusting its shape:
// every field is asked for with the type it must have; a field of another type is an error
// naming its JSON path (Bundle.entry[3].resource.section[1].title) and reads as absent.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/diagnostic.h"

namespace ssmix::fhir::detail {

using ReadJson = nlohmann::json;

enum class Want { object, array, string, number, boolean };

// A JSON value with the path that names it in diagnostics.
struct At {
    const ReadJson* value = nullptr;
    std::string path;
    explicit operator bool() const { return value != nullptr; }
    const ReadJson& operator*() const { return *value; }
    const ReadJson* operator->() const { return value; }
};

class JsonAccess {
public:
    explicit JsonAccess(std::string file) : file_(std::move(file)) {}

    // `key` of object `at` when it has type `want`; empty when absent or of another type (an error).
    [[nodiscard]] At field(const At& at, std::string_view key, Want want);
    // A string field; "" when absent or not a string.
    [[nodiscard]] std::string text(const At& at, std::string_view key);
    // The elements of an array field that have type `want` (others are errors), with their paths.
    [[nodiscard]] std::vector<At> items(const At& at, std::string_view key, Want want = Want::object);
    // A number field as the shortest decimal text ("7.2", "1"); "" when absent.
    [[nodiscard]] std::string number_text(const At& at, std::string_view key);

    void error(const std::string& path, std::string code, std::string message);
    void warn(const std::string& path, std::string code, std::string message);
    [[nodiscard]] Place place(const std::string& path) const { return {file_, 0, path}; }
    [[nodiscard]] std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

private:
    std::string file_;
    std::vector<Diagnostic> diagnostics_;
};

// FHIR date, dateTime or instant ("2011-12-19T15:00:00+09:00") in the HL7 form the models use:
// "201112191500" (minutes at most) or, with `full`, "20111219150000+0900". "" when malformed.
[[nodiscard]] std::string hl7_time(std::string_view fhir, bool full = false);

// A JSON number as a person writes it: the shortest decimal that reads back as the same
// double, never in exponent form (50, 0.9, 0.00000015).
[[nodiscard]] std::string plain_decimal(double number);

}  // namespace ssmix::fhir::detail
