// packager/disk_files.cpp — POSIX I/O with explicit error reporting.
#include "packager/disk_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <random>
#include <system_error>
#include <utility>

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void throw_errno(const std::string& what, const fs::path& path) {
    throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

void write_all(int fd, ByteView bytes, const fs::path& path) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw_errno("cannot write", path);
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

DiskFiles::DiskFiles(fs::path root) : root_(std::move(root)) {}

std::vector<FileEntry> DiskFiles::list() const {
    std::vector<FileEntry> entries;
    for (const auto& entry : fs::recursive_directory_iterator(root_)) {
        if (!entry.is_regular_file()) continue;
        entries.push_back({fs::relative(entry.path(), root_).generic_string(), entry.file_size()});
    }
    std::sort(entries.begin(), entries.end(), [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
    return entries;
}

FileRead DiskFiles::read(const std::string& path) {
    const fs::path full = root_ / path;
    std::error_code ec;
    if (!fs::is_regular_file(full, ec)) return {ReadStatus::missing, {}, {}};
    try {
        return {ReadStatus::ready, read_file(full), {}};
    } catch (const std::system_error& e) {
        return {ReadStatus::failed, {}, {error({full.string(), 0, ""}, "io.read", e.what())}};
    }
}

Bytes read_file(const fs::path& path) {
    Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw_errno("cannot open", path);
    Bytes bytes;
    std::uint8_t buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw_errno("cannot read", path);
        if (n == 0) break;
        bytes.insert(bytes.end(), buffer, buffer + n);
    }
    return bytes;
}

void write_file(const fs::path& path, ByteView bytes) {
    Descriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) throw_errno("cannot create", path);
    write_all(fd.get(), bytes, path);
    if (::close(fd.release()) != 0) throw_errno("cannot close", path);
}

void write_file_atomic(const fs::path& path, ByteView bytes) {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(random() % 1000000000));
    try {
        Descriptor fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        if (fd.get() < 0) throw_errno("cannot create", temp);
        write_all(fd.get(), bytes, temp);
        if (::fsync(fd.get()) != 0) throw_errno("cannot fsync", temp);
        if (::close(fd.release()) != 0) throw_errno("cannot close", temp);
        if (::rename(temp.c_str(), path.c_str()) != 0) throw_errno("cannot rename to", path);
    } catch (...) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw;
    }
    sync_directory(path.parent_path().empty() ? fs::path(".") : path.parent_path());
}

void sync_file_system(const fs::path& path) {
    Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw_errno("cannot open", path);
    if (::syncfs(fd.get()) != 0) throw_errno("cannot sync", path);
}

void sync_directory(const fs::path& directory) {
    Descriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) throw_errno("cannot open directory", directory);
    if (::fsync(fd.get()) != 0) throw_errno("cannot fsync directory", directory);
}

}  // namespace ssmix::packager
