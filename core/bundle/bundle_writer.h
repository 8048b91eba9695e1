// core/bundle/bundle_writer.h — builds the viewer data bundle: deflates each file, packs the
// streams into chunk payloads of about `chunk_bytes`, hands each finished chunk script to a
// sink (so a 500 MB disc never sits in memory at once), and returns the manifest.
#pragma once

#include <functional>
#include <string>

#include "core/base/bytes.h"
#include "core/bundle/manifest.h"

namespace ssmix::bundle {

struct BundleOptions {
    std::size_t chunk_bytes = 1 << 20;  // payload per chunk script, before base64
};

// Level 1: on CT slices it stores 0.225 of the size where level 6 stores 0.220, six times
// faster (bench/pack, README "Benchmarks").
inline constexpr int bundle_deflate_level = 1;

// A file made ready for the bundle: what the manifest says of it and its deflated stream.
// Separate from BundleWriter::add so callers may prepare files on several threads.
struct PreparedFile {
    std::uint64_t size = 0;
    std::string sha256;
    Bytes stream;
};

[[nodiscard]] PreparedFile prepare_file(ByteView bytes);

class BundleWriter {
public:
    // Receives each finished chunk: its number and the text of its script file.
    using ChunkSink = std::function<void(std::uint32_t chunk, const std::string& script)>;

    BundleWriter(ChunkSink sink, BundleOptions options = {});

    void add(const std::string& path, ByteView bytes) { add(path, prepare_file(bytes)); }
    void add(const std::string& path, const PreparedFile& file);   // files go into chunks in call order
    // Everything added so far is what the viewer reads at its start: the chunk being filled is
    // closed, and the chunks so far become the manifest's start_chunks.
    void end_start_chunks();
    [[nodiscard]] Manifest finish();   // writes the last chunk; call once

private:
    void flush_chunk();

    ChunkSink sink_;
    BundleOptions options_;
    Manifest manifest_;
    Bytes payload_;   // the chunk being filled
};

}  // namespace ssmix::bundle
