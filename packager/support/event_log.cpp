// packager/support/event_log.cpp — line-buffered writes under a mutex.
#include "packager/support/event_log.h"

#include <stdexcept>

#include "core/base/local_time.h"

namespace ssmix::packager {

std::string local_time_iso() { return local_time_now("%Y-%m-%dT%H:%M:%S.%f%z"); }

EventLog::EventLog(const std::filesystem::path& file, bool json) : json_(json) {
    own_ = !file.empty();
    out_ = own_ ? std::fopen(file.c_str(), "a") : stderr;
    if (!out_) throw std::runtime_error("cannot open log file " + file.string());
}

EventLog::~EventLog() {
    if (own_) std::fclose(out_);
}

void EventLog::write(const std::string& event, nlohmann::ordered_json fields) {
    nlohmann::ordered_json line = {{"time", local_time_iso()}, {"event", event}};
    for (auto& [key, value] : fields.items()) line[key] = value;
    std::string text;
    if (json_) {
        text = line.dump();
    } else {
        text = line["time"].get<std::string>() + " " + event;
        for (auto& [key, value] : fields.items())
            text += " " + key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
    }
    text += '\n';
    const std::lock_guard lock(mutex_);
    std::fwrite(text.data(), 1, text.size(), out_);
    std::fflush(out_);
}

}  // namespace ssmix::packager
