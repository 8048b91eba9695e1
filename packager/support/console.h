// packager/support/console.h — what every `ssmix` command prints: diagnostics and results on stdout or
// stderr, a progress line when stderr is a terminal, and the exit codes of DESIGN.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/diagnostic.h"

namespace ssmix::packager {

enum ExitCode : int { exit_ok = 0, exit_data_problem = 1, exit_usage = 2 };

class Progress {
public:
    explicit Progress(std::string label);
    ~Progress();
    void update(std::size_t done, std::size_t total);   // redraws at most ~10 times a second

private:
    std::string label_;
    bool terminal_;
    long long last_draw_ms_ = -1000;
    bool drawn_ = false;
};

// Prints each diagnostic as one line on stderr ("file: place: error: message [code]").
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

[[nodiscard]] std::size_t count_errors(const std::vector<Diagnostic>& diagnostics);

// [{severity, file, line, where, code, message}, ...] for --json output.
[[nodiscard]] nlohmann::ordered_json diagnostics_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace ssmix::packager
