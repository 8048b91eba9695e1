// packager/disc/media.h — what fits on which medium. Capacities in 2048-byte sectors: a 74-
// minute CD-R holds 333,000 (≈ 650 MiB), an 80-minute one 360,000 (≈ 703 MiB); a single-layer
// DVD±R 2,295,104 (4.7 GB) (shared/research/media.md §4). A margin is kept for the ISO 9660,
// Joliet and Rock Ridge directories.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ssmix::packager {

enum class Media { cd650, cd700, dvd };

[[nodiscard]] std::optional<Media> parse_media(const std::string& name);   // "cd650", "cd700", "dvd"
[[nodiscard]] const char* media_name(Media media);     // "CD-R 650 MiB"
[[nodiscard]] const char* media_option(Media media);   // "cd650", as --media takes it
[[nodiscard]] std::uint64_t capacity_bytes(Media media);
// Room for files: the capacity less 2% (at least 2 MiB) for directories and sector padding.
[[nodiscard]] std::uint64_t file_budget_bytes(Media media);
// What to say when files of `need` bytes do not fit: by how much, and what to do.
[[nodiscard]] std::string too_large_message(std::uint64_t need, Media media);
// "12.3 MiB"
[[nodiscard]] std::string mib_text(std::uint64_t bytes);
// Bytes a file of `size` occupies on the disc: whole 2048-byte sectors.
[[nodiscard]] constexpr std::uint64_t sectors_bytes(std::uint64_t size) { return (size + 2047) / 2048 * 2048; }

}  // namespace ssmix::packager
