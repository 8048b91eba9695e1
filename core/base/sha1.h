// core/base/sha1.h — SHA-1 (FIPS 180-4 §6.1), only because IHE XDS metadata names documents
// by it (the DocumentEntry "hash" slot, ITI TF-3 §4.2.3.2.9). Everything else uses SHA-256.
#pragma once

#include <string>

#include "core/base/bytes.h"

namespace ssmix {

[[nodiscard]] std::string sha1_hex(ByteView data);   // 40 lower-case hex digits

}  // namespace ssmix
