// packager/disc/checksums.cpp — the sha256sum text format, both ways.
#include "packager/disc/checksums.h"

namespace ssmix::packager {

std::string checksums_text(const std::map<std::string, std::string>& digests) {
    std::string text;
    for (const auto& [path, digest] : digests) text += digest + "  " + path + "\n";
    return text;
}

std::optional<std::map<std::string, std::string>> parse_checksums(std::string_view text) {
    std::map<std::string, std::string> digests;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if (line.size() < 67 || line.substr(64, 2) != "  ") return std::nullopt;
        const std::string_view digest = line.substr(0, 64);
        for (char c : digest)
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
        digests[std::string(line.substr(66))] = std::string(digest);
    }
    return digests;
}

}  // namespace ssmix::packager
