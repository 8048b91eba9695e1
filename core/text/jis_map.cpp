// core/text/jis_map.cpp — the reverse map is built once from the generated forward table.
#include "core/text/jis_map.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/text/detail/jis_tables.h"

namespace ssmix::text {
namespace {

struct ReverseEntry {
    char32_t cp;
    std::uint16_t jis;
};

const std::vector<ReverseEntry>& reverse_table() {
    static const std::vector<ReverseEntry> table = [] {
        std::vector<ReverseEntry> entries;
        const auto forward = detail::jis0208();
        for (std::size_t i = 0; i < forward.size(); ++i)
            if (forward[i] != 0)
                entries.push_back({forward[i], static_cast<std::uint16_t>((0x21 + i / 94) << 8 | (0x21 + i % 94))});
        // Windows (CP932) code points for characters JIS X 0208 has under another code point.
        const std::pair<char32_t, std::uint16_t> windows_variants[] = {
            {U'\uFF5E', 0x2141}, {U'\u2225', 0x2142}, {U'\uFF0D', 0x215D}, {U'\uFFE0', 0x2171},
            {U'\uFFE1', 0x2172}, {U'\uFFE2', 0x224C}, {U'\u2014', 0x213D}, {U'\u00A5', 0x216F}};
        for (const auto& [cp, jis] : windows_variants) entries.push_back({cp, jis});
        std::sort(entries.begin(), entries.end(), [](const ReverseEntry& a, const ReverseEntry& b) { return a.cp < b.cp; });
        return entries;
    }();
    return table;
}

}  // namespace

std::optional<JisChar> jis_to_unicode(std::uint8_t first, std::uint8_t second) {
    if (first < 0x21 || first > 0x7E || second < 0x21 || second > 0x7E) return std::nullopt;
    const unsigned row = first - 0x20u, cell = second - 0x20u;
    const std::size_t index = (row - 1) * 94 + (cell - 1);
    if (const char16_t cp = detail::jis0208()[index]; cp != 0) return JisChar{cp, JisSource::jis0208};
    if (row == 13) {
        if (const char16_t cp = detail::nec_row13()[cell - 1]; cp != 0) return JisChar{cp, JisSource::nec_row13};
    }
    if (row >= 89 && row <= 92) {
        if (const char16_t cp = detail::ibm_rows_89_92()[(row - 89) * 94 + cell - 1]; cp != 0)
            return JisChar{cp, JisSource::ibm_rows};
    }
    return std::nullopt;
}

std::optional<JisChar> cp932_to_unicode(unsigned row, unsigned cell) {
    if (cell < 1 || cell > 94) return std::nullopt;
    if (row >= 1 && row <= 94) return jis_to_unicode(static_cast<std::uint8_t>(row + 0x20), static_cast<std::uint8_t>(cell + 0x20));
    if (row >= 115 && row <= 119) {
        if (const char16_t cp = detail::ibm_rows_115_119()[(row - 115) * 94 + cell - 1]; cp != 0)
            return JisChar{cp, JisSource::ibm_extension};
    }
    return std::nullopt;
}

std::optional<std::uint16_t> unicode_to_jis(char32_t cp) {
    const auto& table = reverse_table();
    const auto it = std::lower_bound(table.begin(), table.end(), cp, [](const ReverseEntry& e, char32_t c) { return e.cp < c; });
    if (it == table.end() || it->cp != cp) return std::nullopt;
    return it->jis;
}

std::optional<std::string_view> nho_replacement(char32_t cp) {
    for (const auto& entry : detail::nho_replacements())
        if (entry.character == cp) return std::string_view(reinterpret_cast<const char*>(entry.replacement));
    return std::nullopt;
}

}  // namespace ssmix::text
