// core/bundle/chunk_script.h — the text of a chunk script, DATA/Dnnnnnnn.JS:
//   ssmixChunk(7,"<base64 of the payload>");
// Written by the packager, read back by `ssmix verify` (the viewer receives the arguments
// directly from the browser when the script runs).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/bytes.h"

namespace ssmix::bundle {

[[nodiscard]] std::string chunk_script(std::uint32_t chunk, ByteView payload);

struct ChunkScript {
    std::uint32_t chunk = 0;
    Bytes payload;
};

// Empty if the text is not exactly what chunk_script() writes.
[[nodiscard]] std::optional<ChunkScript> parse_chunk_script(std::string_view text);

}  // namespace ssmix::bundle
