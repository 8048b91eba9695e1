// tests/unit/packager/mllp_framer_test.cpp — tests packager/listen/mllp_framer.cpp byte by byte.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "packager/listen/mllp_framer.h"

using namespace ssmix;
using ssmix::packager::MllpFramer;

namespace {

struct Seen {
    std::vector<std::string> frames;
    std::vector<std::size_t> garbage;
    std::vector<std::pair<std::string, std::size_t>> too_large;
};

MllpFramer framer(Seen& seen, std::size_t max = 1000) {
    return MllpFramer(max, {[&](Bytes f) { seen.frames.emplace_back(f.begin(), f.end()); },
                            [&](std::size_t n) { seen.garbage.push_back(n); },
                            [&](Bytes head, std::size_t total) { seen.too_large.emplace_back(std::string(head.begin(), head.end()), total); }});
}

}  // namespace

TEST_CASE("mllp: frames arrive whole, whatever the chunking") {
    const std::string stream = "\x0bMSH|a\r\x1c\r\x0bMSH|b\r\x1c\r";
    for (std::size_t chunk : {1u, 2u, 3u, 7u, 100u}) {
        Seen seen;
        auto f = framer(seen);
        for (std::size_t i = 0; i < stream.size(); i += chunk) f.feed(as_bytes(std::string_view(stream).substr(i, chunk)));
        CHECK(seen.frames == std::vector<std::string>{"MSH|a\r", "MSH|b\r"});
        CHECK_FALSE(f.in_frame());
    }
}

TEST_CASE("mllp: garbage before a start block is counted and skipped, CR/LF between frames is not garbage") {
    Seen seen;
    auto f = framer(seen);
    f.feed(as_bytes("GET / HTTP/1.0\r\n\x0bMSH|a\x1c\r\r\n\x0bMSH|b\x1c\r"));
    CHECK(seen.frames == std::vector<std::string>{"MSH|a", "MSH|b"});
    CHECK(seen.garbage == std::vector<std::size_t>{std::string_view("GET / HTTP/1.0").size()});   // without its CR LF
}

TEST_CASE("mllp: a lone 0x1C is data, 0x1C 0x0B ends a frame from senders that omit the CR") {
    Seen seen;
    auto f = framer(seen);
    f.feed(as_bytes("\x0b" "a\x1c" "b\x1c\r"));
    f.feed(as_bytes("\x0b" "c\x1c\x0b" "d\x1c\r"));
    CHECK(seen.frames == std::vector<std::string>{"a\x1c" "b", "c", "d"});
}

TEST_CASE("mllp: a frame over the limit is dropped to its end and reported with its head") {
    Seen seen;
    auto f = framer(seen, 10);
    f.feed(as_bytes("\x0bMSH|0123456789abcdef\x1c\r\x0bok\x1c\r"));
    REQUIRE(seen.too_large.size() == 1);
    CHECK(seen.too_large[0].first == "MSH|012345");
    CHECK(seen.too_large[0].second >= 20);
    CHECK(seen.frames == std::vector<std::string>{"ok"});
}

TEST_CASE("mllp: a frame that never ends is dropped when the next one starts") {
    Seen seen;
    auto f = framer(seen);
    f.feed(as_bytes("\x0bhalf a messa"));
    CHECK(f.in_frame());
    CHECK(f.pending_bytes() == 12);
    f.feed(as_bytes("\x0bwhole\x1c\r"));
    CHECK(seen.frames == std::vector<std::string>{"whole"});
    CHECK(seen.garbage == std::vector<std::size_t>{13});
}
