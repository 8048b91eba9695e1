// core/base/sha256.h — SHA-256 (FIPS 180-4) for the disc's checksums (SHA256.TXT, the viewer
// bundle manifest, XDS document hashes). Incremental, so large DICOM files stream through.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/base/bytes.h"

namespace ssmix {

class Sha256 {
public:
    Sha256();
    void update(ByteView data);
    [[nodiscard]] std::array<std::uint8_t, 32> finish();  // call once; the object is then spent

private:
    void compress(const std::uint8_t* data, std::size_t blocks);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::uint64_t total_bytes_ = 0;
};

[[nodiscard]] std::string to_hex(std::span<const std::uint8_t> digest);
[[nodiscard]] std::string sha256_hex(ByteView data);

}  // namespace ssmix
