// core/base/uid.cpp — RFC 9562 version and variant bits; the decimal by long division by 10.
#include "core/base/uid.h"

#include <algorithm>
#include <random>

#include "core/base/sha256.h"

namespace ssmix {
namespace {

Uuid with_version(Uuid uuid, std::uint8_t version) {
    uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0F) | (version << 4));
    uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3F) | 0x80);   // RFC 4122 / 9562 variant
    return uuid;
}

}  // namespace

Uuid random_uuid() {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    Uuid bytes{};
    for (auto& b : bytes) b = static_cast<std::uint8_t>(random());
    return with_version(bytes, 4);
}

Uuid name_uuid(std::string_view name) {
    Sha256 hash;
    hash.update(as_bytes(name));
    const auto digest = hash.finish();
    Uuid bytes{};
    std::copy_n(digest.begin(), bytes.size(), bytes.begin());
    return with_version(bytes, 8);
}

std::string uuid_oid(const Uuid& uuid) {
    Uuid number = uuid;
    std::string digits;
    while (std::any_of(number.begin(), number.end(), [](std::uint8_t b) { return b != 0; })) {
        unsigned remainder = 0;
        for (auto& b : number) {
            const unsigned value = remainder * 256 + b;
            b = static_cast<std::uint8_t>(value / 10);
            remainder = value % 10;
        }
        digits += static_cast<char>('0' + remainder);
    }
    if (digits.empty()) digits = "0";
    std::string oid = "2.25.";   // (appended, not "2.25." + digits: GCC 12 warns falsely on that)
    oid.append(digits.rbegin(), digits.rend());
    return oid;
}

std::string uuid_urn(const Uuid& uuid) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "urn:uuid:";
    for (std::size_t i = 0; i < uuid.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[uuid[i] >> 4];
        out += hex[uuid[i] & 15];
    }
    return out;
}

}  // namespace ssmix
