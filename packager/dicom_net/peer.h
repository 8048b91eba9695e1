// packager/dicom_net/peer.h — a DICOM node as PACS administrators write it, AET@HOST:PORT, and
// the settings every association of `ssmix dicom` shares (our AE title, timeouts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ssmix::packager {

struct DicomPeer {
    std::string ae_title;   // at most 16 characters, no backslash or control characters
    std::string host;
    std::uint16_t port = 0;
    [[nodiscard]] std::string text() const { return ae_title + "@" + host + ":" + std::to_string(port); }
};

// "ORTHANC@pacs.example:4242"; empty with `problem` saying what is wrong.
[[nodiscard]] std::optional<DicomPeer> parse_peer(std::string_view text, std::string& problem);

// An AE title DICOM allows (PS3.5 VR AE: 1-16 characters of the default repertoire, no '\',
// not only spaces); `problem` says why not.
[[nodiscard]] bool valid_ae_title(std::string_view title, std::string& problem);

// "CT,MR" -> {"CT", "MR"} (empty parts dropped): how --modality lists modalities.
[[nodiscard]] std::vector<std::string> comma_separated(const std::string& text);

// DCMTK leaves Nagle's algorithm on unless TCP_NODELAY=1 is in the environment; with it on,
// every small PDU waits for the peer's delayed ACK (about 40 ms an instance on loopback). Set it
// for this process unless the person running us chose otherwise.
void disable_nagle_unless_asked();

struct NetworkOptions {
    std::string calling_ae = "SSMIXCARRY";   // our AE title
    unsigned timeout_seconds = 30;           // connect, association and each DIMSE message
};

}  // namespace ssmix::packager
