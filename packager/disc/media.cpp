// packager/disc/media.cpp — the table.
#include "packager/disc/media.h"

#include <algorithm>

namespace ssmix::packager {

std::optional<Media> parse_media(const std::string& name) {
    if (name == "cd650") return Media::cd650;
    if (name == "cd700") return Media::cd700;
    if (name == "dvd") return Media::dvd;
    return std::nullopt;
}

const char* media_name(Media media) {
    switch (media) {
        case Media::cd650: return "CD-R 650 MiB";
        case Media::cd700: return "CD-R 700 MiB";
        case Media::dvd: return "DVD±R 4.7 GB";
    }
    return "?";
}

std::uint64_t capacity_bytes(Media media) {
    switch (media) {
        case Media::cd650: return 333000ull * 2048;
        case Media::cd700: return 360000ull * 2048;
        case Media::dvd: return 2295104ull * 2048;
    }
    return 0;
}

std::uint64_t file_budget_bytes(Media media) {
    const std::uint64_t capacity = capacity_bytes(media);
    return capacity - std::max<std::uint64_t>(capacity / 50, 2u << 20);
}

}  // namespace ssmix::packager
