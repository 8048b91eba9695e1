// sample-data/generator/uid.cpp — SHA-256 of the name, first 128 bits with the UUID version
// (8, "custom") and variant bits set, printed in decimal.
#include "sample-data/generator/uid.h"

#include <algorithm>
#include <array>

#include "core/base/sha256.h"

namespace ssmix::sample {

std::string uid_for(std::string_view name) {
    Sha256 hash;
    hash.update(as_bytes(name));
    const auto digest = hash.finish();
    std::array<std::uint8_t, 16> uuid{};
    std::copy_n(digest.begin(), 16, uuid.begin());
    uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0F) | 0x80);   // version 8
    uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3F) | 0x80);   // RFC 4122 variant

    std::string decimal;
    while (std::any_of(uuid.begin(), uuid.end(), [](std::uint8_t b) { return b != 0; })) {
        unsigned remainder = 0;
        for (auto& byte : uuid) {
            const unsigned value = remainder * 256 + byte;
            byte = static_cast<std::uint8_t>(value / 10);
            remainder = value % 10;
        }
        decimal += static_cast<char>('0' + remainder);
    }
    std::reverse(decimal.begin(), decimal.end());
    return "2.25." + decimal;
}

}  // namespace ssmix::sample
