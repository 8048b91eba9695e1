// core/clinical/dates.cpp
#include "core/clinical/dates.h"

#include <utility>

namespace ssmix::clinical {
namespace {

bool digits(std::string_view text) { return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos; }

unsigned number(std::string_view text) {
    unsigned n = 0;
    for (char c : text) n = n * 10 + static_cast<unsigned>(c - '0');
    return n;
}

}  // namespace

std::optional<std::chrono::year_month_day> parse_date(std::string_view t) {
    if (t.size() < 8 || !digits(t.substr(0, 8))) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{static_cast<int>(number(t.substr(0, 4)))},
                                           std::chrono::month{number(t.substr(4, 2))}, std::chrono::day{number(t.substr(6, 2))}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string display_date(std::string_view t) {
    if (t.size() < 8) return std::string(t);
    std::string out = std::string(t.substr(0, 4)) + "/" + std::string(t.substr(4, 2)) + "/" + std::string(t.substr(6, 2));
    if (t.size() >= 12 && digits(t.substr(8, 4))) out += " " + std::string(t.substr(8, 2)) + ":" + std::string(t.substr(10, 2));
    return out;
}

std::optional<int> age_in_years(std::string_view birth, std::string_view on) {
    const auto b = parse_date(birth), d = parse_date(on);
    if (!b || !d || *d < *b) return std::nullopt;
    int years = int(d->year()) - int(b->year());
    if (std::pair{unsigned(d->month()), unsigned(d->day())} < std::pair{unsigned(b->month()), unsigned(b->day())}) --years;
    return years;
}

}  // namespace ssmix::clinical
