// packager/support/event_log.h — one line per message (or instance) and per connection event, to stderr or
// a file, as text or JSON lines (--json). Thread-safe; each line written whole.
#pragma once

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace ssmix::packager {

class EventLog {
public:
    EventLog(const std::filesystem::path& file, bool json);   // empty path: stderr
    ~EventLog();
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    // fields: {"peer", ...}; "time" and "event" are added. Text form: time event key=value ...
    void write(const std::string& event, nlohmann::ordered_json fields);

private:
    std::mutex mutex_;
    std::FILE* out_;
    bool own_;
    bool json_;
};

[[nodiscard]] std::string local_time_iso();   // 2026-11-26T10:23:16.612+09:00

}  // namespace ssmix::packager
