// packager/dicom_net/peer.cpp
#include "packager/dicom_net/peer.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace ssmix::packager {

bool valid_ae_title(std::string_view title, std::string& problem) {
    if (title.empty() || title.size() > 16) {
        problem = "an AE title has 1 to 16 characters (\"" + std::string(title) + "\")";
        return false;
    }
    for (const char c : title)
        if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
            problem = "the AE title \"" + std::string(title) + "\" has a character DICOM does not allow (letters, digits, spaces and ASCII marks other than \\)";
            return false;
        }
    if (title.find_first_not_of(' ') == std::string_view::npos) {
        problem = "an AE title cannot be only spaces";
        return false;
    }
    return true;
}

void disable_nagle_unless_asked() { ::setenv("TCP_NODELAY", "1", 0); }

std::vector<std::string> comma_separated(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::optional<DicomPeer> parse_peer(std::string_view text, std::string& problem) {
    const auto at = text.find('@');
    const auto colon = text.rfind(':');
    if (at == std::string_view::npos || colon == std::string_view::npos || colon < at) {
        problem = "\"" + std::string(text) + "\" is not AET@HOST:PORT (for example ORTHANC@192.168.1.20:4242)";
        return std::nullopt;
    }
    DicomPeer peer;
    peer.ae_title = std::string(text.substr(0, at));
    peer.host = std::string(text.substr(at + 1, colon - at - 1));
    const std::string_view port = text.substr(colon + 1);
    unsigned value = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (error != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535) {
        problem = "the port in \"" + std::string(text) + "\" is not a number from 1 to 65535";
        return std::nullopt;
    }
    peer.port = static_cast<std::uint16_t>(value);
    if (peer.host.empty()) {
        problem = "the host in \"" + std::string(text) + "\" is empty";
        return std::nullopt;
    }
    if (!valid_ae_title(peer.ae_title, problem)) return std::nullopt;
    return peer;
}

}  // namespace ssmix::packager
