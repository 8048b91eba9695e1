// bench/listen/mllp_load.cpp — load for the listen benchmark, and its baseline:
//   mllp_load send PORT CONNECTIONS FILE...   each connection sends its share of the files as
//                                              MLLP frames, one at a time, waiting for each ACK;
//                                              prints "<messages> <seconds> <non-AA ACKs>"
//   mllp_load echo PORT                        a loopback echo of the transport: answers every
//                                              frame at once with a fixed ACK (no parsing, no disk)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

using Bytes = std::vector<unsigned char>;

int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        std::perror("connect");
        std::exit(1);
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool send_all(int fd, const unsigned char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Reads until the end of one frame; returns its content (buffer keeps any bytes after it).
bool read_frame(int fd, std::string& buffer, std::string& frame) {
    for (;;) {
        const auto end = buffer.find("\x1c\r");
        if (end != std::string::npos) {
            frame = buffer.substr(1, end - 1);
            buffer.erase(0, end + 2);
            return true;
        }
        char chunk[65536];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

int send_mode(int port, int connections, const std::vector<Bytes>& messages) {
    std::atomic<int> refused{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            const int fd = connect_to(port);
            std::string buffer, ack;
            for (std::size_t i = static_cast<std::size_t>(c); i < messages.size(); i += static_cast<std::size_t>(connections)) {
                Bytes frame{0x0B};
                frame.insert(frame.end(), messages[i].begin(), messages[i].end());
                frame.push_back(0x1C);
                frame.push_back(0x0D);
                if (!send_all(fd, frame.data(), frame.size()) || !read_frame(fd, buffer, ack)) {
                    ++refused;
                    break;
                }
                if (ack.find("MSA|AA") == std::string::npos) ++refused;
            }
            ::close(fd);
        });
    }
    for (auto& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu %.6f %d\n", messages.size(), seconds, refused.load());
    return 0;
}

int echo_mode(int port) {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener, 64) != 0) {
        std::perror("bind");
        return 1;
    }
    const std::string ack = "\x0bMSH|^~\\&|ECHO|||||20240101000000||ACK|1|P|2.5\rMSA|AA|1\r\x1c\r";
    for (;;) {
        const int fd = ::accept(listener, nullptr, nullptr);
        if (fd < 0) continue;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::thread([fd, ack] {
            std::string buffer, frame;
            while (read_frame(fd, buffer, frame))
                if (!send_all(fd, reinterpret_cast<const unsigned char*>(ack.data()), ack.size())) break;
            ::close(fd);
        }).detach();
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && std::string(argv[1]) == "echo") return echo_mode(std::atoi(argv[2]));
    if (argc >= 5 && std::string(argv[1]) == "send") {
        std::vector<Bytes> messages;
        for (int i = 4; i < argc; ++i) {
            std::ifstream in(argv[i], std::ios::binary);
            messages.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            while (!messages.back().empty() && messages.back().back() == 0x1C) messages.back().pop_back();
        }
        return send_mode(std::atoi(argv[2]), std::atoi(argv[3]), messages);
    }
    std::fprintf(stderr, "usage: mllp_load send PORT CONNECTIONS FILE... | mllp_load echo PORT\n");
    return 2;
}
