// core/base/uid.h — unique identifiers derived from UUIDs, as DICOM (PS3.5 B.2) and HL7 allow
// them: the 128 bits of a UUID as one decimal number under the root 2.25 (ITU-T X.667).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ssmix {

using Uuid = std::array<std::uint8_t, 16>;

[[nodiscard]] Uuid random_uuid();                       // version 4
[[nodiscard]] Uuid name_uuid(std::string_view name);    // version 8: the first 128 bits of SHA-256(name)

[[nodiscard]] std::string uuid_oid(const Uuid& uuid);   // "2.25.<decimal>"
[[nodiscard]] std::string uuid_urn(const Uuid& uuid);   // "urn:uuid:xxxxxxxx-xxxx-..."

// Shorthands: a fresh unique ID, and the same ID every time for the same name.
[[nodiscard]] inline std::string random_uuid_oid() { return uuid_oid(random_uuid()); }
[[nodiscard]] inline std::string name_uuid_oid(std::string_view name) { return uuid_oid(name_uuid(name)); }

}  // namespace ssmix
