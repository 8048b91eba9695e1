// packager/dicom_net/receiver.h — a Storage SCP for modalities and PACS that push (`ssmix dicom
// receive`) and for the instances a C-MOVE sends us (`ssmix dicom fetch --method move`), on
// DCMTK's DcmSCPPool: one association per thread. It accepts every storage SOP class DCMTK knows
// in every transfer syntax it reads (JPEG 2000 kept as it is) and Verification; each instance is
// stored durably (ReceivedStore) before its status is sent. An --allow list refuses other peers
// at association; a called AE title other than ours is refused too. stop() lets the open
// associations finish.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "packager/dicom_net/received_store.h"

namespace ssmix::packager {

struct AllowedPeer {
    std::string ae_title;
    std::string address;   // the peer's IP address (a host name is resolved when parsed)
};

// "MODALITY1@192.168.1.30" (or a host name); empty with `problem` set when it is not one.
[[nodiscard]] std::optional<AllowedPeer> parse_allowed_peer(const std::string& text, std::string& problem);

struct ReceiverEvent {
    std::string kind;                 // "association", "refused", "instance", "released", "aborted", "error"
    std::string peer;                 // AE title @ address
    std::string detail;               // why refused, or what went wrong
    const StoredInstance* instance = nullptr;   // for "instance"
};

struct ReceiverSettings {
    std::string ae_title = "SSMIXCARRY";
    std::uint16_t port = 0;
    std::vector<AllowedPeer> allow;       // empty: any peer
    unsigned timeout_seconds = 60;        // a silent association is closed after this
    unsigned max_associations = 16;
    ReceivedStore* store = nullptr;
    std::function<void(const ReceiverEvent&)> on_event;   // called from the association threads
};

class Receiver {
public:
    explicit Receiver(ReceiverSettings settings);
    ~Receiver();
    Receiver(const Receiver&) = delete;
    Receiver& operator=(const Receiver&) = delete;

    // Listens until stop(); returns false with `problem` when the port cannot be opened.
    bool run(std::string& problem);
    // From any thread (a signal watcher): no new association, the open ones finish, run returns.
    void stop();

private:
    ReceiverSettings settings_;
    void* pool_ = nullptr;   // the DcmSCPPool, kept out of this header
    std::atomic<bool> stop_requested_{false};
};

}  // namespace ssmix::packager
