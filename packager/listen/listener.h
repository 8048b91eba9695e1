// packager/listen/listener.h — `ssmix listen`: receives HL7 v2 over TCP with MLLP framing and
// stores each message exactly as `ssmix ingest` would (the same IngestPipeline). Networking
// runs on one thread (standalone Asio), storage on another: messages are stored in batches —
// staged, flushed once, committed, flushed again (group commit) — and each message's ACK is
// sent only after the flush that made it durable. Every connection is independent: garbage,
// oversized frames, slow or silent peers and broken connections affect only themselves.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "packager/ingest/ingest_pipeline.h"

namespace ssmix::packager {

struct ListenOptions {
    std::filesystem::path storage;
    std::filesystem::path rejected;
    TransactionOptions transactions;
    std::string bind = "127.0.0.1";
    std::uint16_t port = 2575;                   // 0: any free port (reported on stdout)
    std::size_t max_frame_bytes = 16u << 20;
    std::chrono::seconds idle_timeout{300};
    std::size_t batch_limit = 256;               // messages per group commit at most
    std::filesystem::path log_file;              // empty: stderr
    bool json_log = false;
};

// Runs until SIGTERM or SIGINT, then stops accepting, stores and acknowledges what has been
// received, and returns 0. Throws std::system_error when the address cannot be bound.
int run_listener(const ListenOptions& options);

}  // namespace ssmix::packager
