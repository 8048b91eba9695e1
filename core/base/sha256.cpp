// core/base/sha256.cpp — SHA-256 after FIPS 180-4 §6.2; constants from §4.2.2 and §5.3.3.
#include "core/base/sha256.h"

#include "core/base/sha256_blocks.h"

#include <cstring>

namespace ssmix {
namespace {

constexpr std::uint32_t rotate_right(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

}  // namespace

Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

}  // namespace ssmix

namespace ssmix::detail {

void sha256_blocks_portable(std::uint32_t state[8], const std::uint8_t* data, std::size_t blocks) {
    for (; blocks > 0; --blocks, data += 64) {
        std::array<std::uint32_t, 64> w{};
        for (int i = 0; i < 16; ++i)
            w[i] = std::uint32_t(data[4 * i]) << 24 | std::uint32_t(data[4 * i + 1]) << 16 | std::uint32_t(data[4 * i + 2]) << 8 |
                   std::uint32_t(data[4 * i + 3]);
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotate_right(w[i - 15], 7) ^ rotate_right(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotate_right(w[i - 2], 17) ^ rotate_right(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
            const std::uint32_t choose = (e & f) ^ (~e & g);
            const std::uint32_t t1 = h + s1 + choose + sha256_round_constants[i] + w[i];
            const std::uint32_t s0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
            const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
            const std::uint32_t t2 = s0 + majority;
            h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

}  // namespace ssmix::detail

namespace ssmix {

void Sha256::compress(const std::uint8_t* data, std::size_t blocks) {
    if (!detail::sha256_blocks_cpu(state_.data(), data, blocks)) detail::sha256_blocks_portable(state_.data(), data, blocks);
}

void Sha256::update(ByteView data) {
    std::size_t used = total_bytes_ % 64;
    total_bytes_ += data.size();
    std::size_t offset = 0;
    if (used > 0) {
        const std::size_t take = std::min(data.size(), 64 - used);
        std::memcpy(buffer_.data() + used, data.data(), take);
        offset = take;
        if (used + take < 64) return;
        compress(buffer_.data(), 1);
    }
    const std::size_t blocks = (data.size() - offset) / 64;
    compress(data.data() + offset, blocks);
    offset += blocks * 64;
    if (offset < data.size()) std::memcpy(buffer_.data(), data.data() + offset, data.size() - offset);
}

std::array<std::uint8_t, 32> Sha256::finish() {
    const std::uint64_t bit_length = total_bytes_ * 8;
    std::array<std::uint8_t, 72> padding{};
    padding[0] = 0x80;
    const std::size_t used = total_bytes_ % 64;
    const std::size_t pad = (used < 56 ? 56 : 120) - used;
    for (int i = 0; i < 8; ++i) padding[pad + i] = std::uint8_t(bit_length >> (56 - 8 * i));
    update({padding.data(), pad + 8});
    std::array<std::uint8_t, 32> digest{};
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j) digest[4 * i + j] = std::uint8_t(state_[i] >> (24 - 8 * j));
    return digest;
}

std::string to_hex(std::span<const std::uint8_t> digest) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(digest.size() * 2);
    for (auto byte : digest) {
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    return hex;
}

std::string sha256_hex(ByteView data) {
    Sha256 hash;
    hash.update(data);
    return to_hex(hash.finish());
}

}  // namespace ssmix
