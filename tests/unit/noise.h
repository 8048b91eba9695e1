// tests/unit/noise.h — incompressible bytes for tests that need data deflate cannot shrink
// (streams that span chunks, series that overrun a room): a linear congruential generator.
#pragma once

#include <cstdint>

#include "core/base/bytes.h"

namespace ssmix::test {

inline Bytes noise(std::size_t n, std::uint32_t seed) {
    Bytes b(n);
    for (auto& x : b) {
        seed = seed * 1103515245u + 12345u;
        x = static_cast<std::uint8_t>(seed >> 16);
    }
    return b;
}

}  // namespace ssmix::test
