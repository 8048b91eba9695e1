// core/clinical/age.cpp
#include "core/clinical/age.h"

#include <chrono>

namespace ssmix::clinical {
namespace {

std::optional<std::chrono::year_month_day> date_of(const std::string& t) {
    if (t.size() < 8 || t.substr(0, 8).find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{std::stoi(t.substr(0, 4))}, std::chrono::month{unsigned(std::stoi(t.substr(4, 2)))},
                                           std::chrono::day{unsigned(std::stoi(t.substr(6, 2)))}};
    if (!date.ok()) return std::nullopt;
    return date;
}

}  // namespace

std::optional<int> age_in_years(const std::string& birth, const std::string& on) {
    const auto b = date_of(birth), d = date_of(on);
    if (!b || !d || *d < *b) return std::nullopt;
    int years = int(d->year()) - int(b->year());
    if (std::pair{unsigned(d->month()), unsigned(d->day())} < std::pair{unsigned(b->month()), unsigned(b->day())}) --years;
    return years;
}

}  // namespace ssmix::clinical
