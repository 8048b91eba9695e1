// core/bundle/deflate.cpp — thin zlib wrappers; zlib types stop here.
#include "core/bundle/deflate.h"

#include <limits>
#include <stdexcept>

#include <zlib.h>

namespace ssmix::bundle {

Bytes deflate_bytes(ByteView bytes, int level) {
    uLongf capacity = compressBound(static_cast<uLong>(bytes.size()));
    Bytes out(capacity);
    const int status = compress2(out.data(), &capacity, bytes.data(), static_cast<uLong>(bytes.size()), level);
    if (status != Z_OK) throw std::runtime_error("zlib compress2 failed: " + std::to_string(status));  // only out of memory
    out.resize(capacity);
    return out;
}

Inflated inflate_bytes(ByteView stream, std::size_t expected_size) {
    if (stream.size() > std::numeric_limits<uInt>::max() || expected_size > std::numeric_limits<uInt>::max())
        return {std::nullopt, "stream larger than 4 GiB"};
    Bytes out(expected_size + 1);   // one spare byte detects a stream longer than announced
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return {std::nullopt, "zlib could not start"};
    z.next_in = const_cast<Bytef*>(stream.data());
    z.avail_in = static_cast<uInt>(stream.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int status = inflate(&z, Z_FINISH);
    const std::size_t produced = out.size() - z.avail_out;
    std::string reason = z.msg ? z.msg : "";
    inflateEnd(&z);
    if (status != Z_STREAM_END) {
        if (produced > expected_size) return {std::nullopt, "stream decodes to more than the expected " + std::to_string(expected_size) + " bytes"};
        if (reason.empty()) reason = status == Z_BUF_ERROR ? "stream is truncated" : "zlib error " + std::to_string(status);
        return {std::nullopt, reason};
    }
    if (produced != expected_size)
        return {std::nullopt, "stream decodes to " + std::to_string(produced) + " bytes, expected " + std::to_string(expected_size)};
    out.resize(produced);
    return {std::move(out), {}};
}

}  // namespace ssmix::bundle
