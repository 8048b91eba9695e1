// packager/disc/checksums.h — SHA256.TXT: one line per file of the disc, in the format of
// `sha256sum` ("<hex>  <path>"), so anyone can run `sha256sum -c SHA256.TXT` in the disc's root.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "packager/disc/disc_tree.h"

namespace ssmix::packager {

// Writes SHA256.TXT for every file of the tree: `known` digests (files hashed as they were
// written) are taken as they are, the rest hashed on all cores.
void write_checksums(DiscTreeWriter& tree, std::map<std::string, std::string> known);

// path -> lower-case hex digest; written sorted by path, LF line ends.
[[nodiscard]] std::string checksums_text(const std::map<std::string, std::string>& digests);

// Empty when a line is not "<64 hex>  <path>".
[[nodiscard]] std::optional<std::map<std::string, std::string>> parse_checksums(std::string_view text);

}  // namespace ssmix::packager
