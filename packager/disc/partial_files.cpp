// packager/disc/partial_files.cpp
#include "packager/disc/partial_files.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

std::string partial_prefix(const fs::path& final_path) { return "." + final_path.filename().string() + ".partial-"; }

bool process_is_gone(const std::string& pid_text) {
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) return false;
    const long pid = std::stol(pid_text);
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

fs::path partial_path(const fs::path& final_path) {
    return final_path.parent_path() / (partial_prefix(final_path) + std::to_string(::getpid()));
}

void remove_stale_partials(const fs::path& final_path) {
    const fs::path folder = final_path.parent_path().empty() ? fs::path(".") : final_path.parent_path();
    const std::string prefix = partial_prefix(final_path);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && process_is_gone(name.substr(prefix.size()))) fs::remove_all(entry.path(), ec);
    }
}

}  // namespace ssmix::packager
