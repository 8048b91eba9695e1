// packager/disc/media.cpp — the table.
#include "packager/disc/media.h"

#include <algorithm>
#include <cstdio>

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

const char* media_option(Media media) {
    switch (media) {
        case Media::cd650: return "cd650";
        case Media::cd700: return "cd700";
        case Media::dvd: return "dvd";
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

std::string mib_text(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string too_large_message(std::uint64_t need, Media media) {
    const std::uint64_t budget = file_budget_bytes(media);
    return "the disc's files need " + mib_text(need) + " but a " + media_name(media) + " holds " + mib_text(budget) + " (" +
           mib_text(need > budget ? need - budget : 0) + " too much): use --media " +
           (media == Media::dvd ? std::string("... (already the largest)") : std::string(media == Media::cd650 ? "cd700 or dvd" : "dvd")) +
           ", fewer studies (--dicom), or a shorter period (--from/--to)";
}

std::uint64_t file_budget_bytes(Media media) {
    const std::uint64_t capacity = capacity_bytes(media);
    return capacity - std::max<std::uint64_t>(capacity / 50, 2u << 20);
}

}  // namespace ssmix::packager
