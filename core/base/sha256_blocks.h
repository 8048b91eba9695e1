// core/base/sha256_blocks.h — the SHA-256 compression function over whole 64-byte blocks, in
// two implementations: portable C++ (FIPS 180-4 §6.2.2) and the x86 SHA extensions, which
// hash a disc's 500 MB several times faster (bench/pack). Sha256 picks the CPU one when the
// processor has it; tests compare the two.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ssmix::detail {

void sha256_blocks_portable(std::uint32_t state[8], const std::uint8_t* data, std::size_t blocks);

// Returns false, doing nothing, when this build or this processor has no SHA extensions.
bool sha256_blocks_cpu(std::uint32_t state[8], const std::uint8_t* data, std::size_t blocks);

}  // namespace ssmix::detail
