// core/base/sha256_x86.cpp — SHA-256 with the x86 SHA extensions (SHA-NI: sha256rnds2,
// sha256msg1, sha256msg2), four rounds per step, after Intel's "New Instructions Supporting
// the Secure Hash Algorithm on Intel Architecture Processors" (2013). The state is kept in the
// ABEF/CDGH order the instructions use. Only this file is compiled with the instruction set.
#include "core/base/sha256_blocks.h"

#if defined(__x86_64__) && !defined(__EMSCRIPTEN__)
#include <cpuid.h>
#include <immintrin.h>

namespace ssmix::detail {
namespace {

bool processor_has_sha() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    const bool sha = (b >> 29) & 1;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    const bool ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    return sha && ssse3 && sse41;
}

__attribute__((target("sha,ssse3,sse4.1"))) void blocks(std::uint32_t state[8], const std::uint8_t* data, std::size_t count) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i cdab = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0xB1);
    __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)), 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; count > 0; --count, data += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        __m128i w[4];   // message words t..t+3, for the last four groups
        for (int group = 0; group < 16; ++group) {
            __m128i& current = w[group % 4];
            if (group < 4) {
                current = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * group)), byte_swap);
            } else {
                const __m128i previous = w[(group + 3) % 4], before_previous = w[(group + 2) % 4];
                current = _mm_sha256msg1_epu32(current, w[(group + 1) % 4]);            // W[t-16] + σ0(W[t-15])
                current = _mm_add_epi32(current, _mm_alignr_epi8(previous, before_previous, 4));   // + W[t-7]
                current = _mm_sha256msg2_epu32(current, previous);                       // + σ1(W[t-2])
            }
            __m128i message = _mm_add_epi32(current, _mm_load_si128(reinterpret_cast<const __m128i*>(sha256_round_constants + 4 * group)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
            message = _mm_shuffle_epi32(message, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, message);
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(feba, dchg, 0xF0));      // DCBA
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(dchg, feba, 8));     // HGFE
}

}  // namespace

bool sha256_blocks_cpu(std::uint32_t state[8], const std::uint8_t* data, std::size_t count) {
    static const bool available = processor_has_sha();
    if (!available) return false;
    blocks(state, data, count);
    return true;
}

}  // namespace ssmix::detail

#else

namespace ssmix::detail {
bool sha256_blocks_cpu(std::uint32_t*, const std::uint8_t*, std::size_t) { return false; }
}  // namespace ssmix::detail

#endif
