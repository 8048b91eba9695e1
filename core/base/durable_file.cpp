// core/base/durable_file.cpp — POSIX I/O with explicit error reporting.
#include "core/base/durable_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <system_error>
#include <utility>

namespace ssmix {
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

fs::path parent_or_dot(const fs::path& path) { return path.parent_path().empty() ? fs::path(".") : path.parent_path(); }

}  // namespace

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
    const fs::path temp = parent_or_dot(path) / ("." + path.filename().string() + ".tmp" + std::to_string(random() % 1000000000));
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
    sync_directory(parent_or_dot(path));
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

void create_directories_durable(const fs::path& directory) {
    if (fs::is_directory(directory)) return;
    create_directories_durable(parent_or_dot(directory));
    if (::mkdir(directory.c_str(), 0755) != 0 && errno != EEXIST) throw_errno("cannot create directory", directory);
    sync_directory(parent_or_dot(directory));
}

DirectoryLock::DirectoryLock(const fs::path& directory) {
    fd_ = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) throw_errno("cannot open directory", directory);
    while (::flock(fd_, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        const int error = errno;
        ::close(fd_);
        errno = error;
        throw_errno("cannot lock directory", directory);
    }
}

DirectoryLock::~DirectoryLock() {
    if (fd_ >= 0) ::close(fd_);   // closing releases the flock
}

}  // namespace ssmix
