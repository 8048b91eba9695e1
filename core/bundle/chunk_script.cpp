// core/bundle/chunk_script.cpp — one line of JavaScript per chunk, nothing else in it.
#include "core/bundle/chunk_script.h"

#include <charconv>

#include "core/base/base64.h"
#include "core/bundle/manifest.h"

namespace ssmix::bundle {

std::string chunk_script(std::uint32_t chunk, ByteView payload) {
    return std::string(chunk_function) + "(" + std::to_string(chunk) + ",\"" + encode_base64(payload) + "\");\n";
}

std::optional<ChunkScript> parse_chunk_script(std::string_view text) {
    const std::string prefix = std::string(chunk_function) + "(";
    if (!text.starts_with(prefix)) return std::nullopt;
    text.remove_prefix(prefix.size());
    ChunkScript result;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result.chunk);
    if (error != std::errc{}) return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    if (!text.starts_with(",\"")) return std::nullopt;
    text.remove_prefix(2);
    const auto close = text.find('"');
    if (close == std::string_view::npos || text.substr(close) != "\");\n") return std::nullopt;
    auto payload = decode_base64(text.substr(0, close));
    if (!payload) return std::nullopt;
    result.payload = std::move(*payload);
    return result;
}

}  // namespace ssmix::bundle
