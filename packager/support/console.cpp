// packager/support/console.cpp — terminal output; core never prints, so this is the only place.
#include "packager/support/console.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace ssmix::packager {
namespace {

long long now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Progress::Progress(std::string label) : label_(std::move(label)), terminal_(isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
    if (drawn_) std::fputs("\n", stderr);
}

void Progress::update(std::size_t done, std::size_t total) {
    if (!terminal_) return;
    const long long now = now_ms();
    if (done != total && now - last_draw_ms_ < 100) return;
    last_draw_ms_ = now;
    drawn_ = true;
    std::fprintf(stderr, "\r%s %zu/%zu", label_.c_str(), done, total);
    std::fflush(stderr);
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << to_string(d) << '\n';
}

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics) {
    std::size_t errors = 0;
    for (const auto& d : diagnostics) errors += d.severity == Severity::error;
    return errors;
}

nlohmann::ordered_json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics)
        list.push_back({{"severity", to_string(d.severity)}, {"file", d.place.file}, {"line", d.place.line},
                        {"where", d.place.where}, {"code", d.code}, {"message", d.message}});
    return list;
}

}  // namespace ssmix::packager
