// packager/disc/checksums.h — SHA256.TXT: one line per file of the disc, in the format of
// `sha256sum` ("<hex>  <path>"), so anyone can run `sha256sum -c SHA256.TXT` in the disc's root.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ssmix::packager {

inline constexpr std::string_view checksum_file = "SHA256.TXT";

// path -> lower-case hex digest; written sorted by path, LF line ends.
[[nodiscard]] std::string checksums_text(const std::map<std::string, std::string>& digests);

// Empty when a line is not "<64 hex>  <path>".
[[nodiscard]] std::optional<std::map<std::string, std::string>> parse_checksums(std::string_view text);

}  // namespace ssmix::packager
