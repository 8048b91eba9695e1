// packager/disc/checksums.cpp — the sha256sum text format, both ways.
#include "packager/disc/checksums.h"

#include "core/base/disc_names.h"
#include "core/base/durable_file.h"
#include "core/base/sha256.h"
#include "packager/support/parallel.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

void write_checksums(DiscTreeWriter& tree, std::map<std::string, std::string> known) {
    std::vector<std::string> to_hash;
    for (const auto& entry : fs::recursive_directory_iterator(tree.root())) {
        if (!entry.is_regular_file()) continue;
        const std::string path = fs::relative(entry.path(), tree.root()).generic_string();
        if (path != disc::checksums && !known.count(path)) to_hash.push_back(path);
    }
    std::vector<std::string> hashed(to_hash.size());
    parallel_for(to_hash.size(), [&](std::size_t i) { hashed[i] = sha256_hex(read_file(tree.path(to_hash[i]))); });
    for (std::size_t i = 0; i < to_hash.size(); ++i) known[to_hash[i]] = hashed[i];
    tree.write(std::string(disc::checksums), as_bytes(checksums_text(known)));
}

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
