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
// The same with the bytes' SHA-256 already known (a file hashed when it was read).
[[nodiscard]] PreparedFile prepare_file(ByteView bytes, std::string sha256);

class BundleWriter {
public:
    // Receives each finished chunk: its number and the text of its script file.
    using ChunkSink = std::function<void(std::uint32_t chunk, const std::string& script)>;
    // Told that a chunk handed out earlier is void (rollback): remove its script.
    using ChunkRetract = std::function<void(std::uint32_t chunk)>;

    explicit BundleWriter(ChunkSink sink, BundleOptions options = {}, ChunkRetract retract = {});

    void add(const std::string& path, ByteView bytes) { add(path, prepare_file(bytes)); }
    void add(const std::string& path, const PreparedFile& file);   // files go into chunks in call order
    // Everything added so far is what the viewer reads at its start: the chunk being filled is
    // closed, and the chunks so far become the manifest's start_chunks.
    void end_start_chunks();
    // A chunk number kept for one file that is known only later (the DICOMDIR, made after the
    // images): the chunk being filled is closed and the next number set aside; fill it once
    // with fill_reserved (a chunk may then be larger than chunk_bytes; one never filled is written
    // empty by finish). Call before
    // end_start_chunks to keep it among the start chunks.
    [[nodiscard]] std::uint32_t reserve_chunk();
    void fill_reserved(std::uint32_t chunk, const std::string& path, const PreparedFile& file);
    [[nodiscard]] Manifest finish();   // writes the last chunk; call once

    // A point to come back to: rollback(mark) forgets every file added since and retracts the
    // chunks handed out since, so a group of files (an image series) that turned out not to fit
    // leaves no trace. Costs a copy of the chunk being filled (at most chunk_bytes).
    struct Mark {
        std::size_t files = 0, chunks = 0;
        Bytes payload;
    };
    [[nodiscard]] Mark mark() const { return {manifest_.files.size(), manifest_.chunk_sizes.size(), payload_}; }
    void rollback(const Mark& mark);
    [[nodiscard]] std::size_t open_chunk_bytes() const { return payload_.size(); }   // the chunk being filled, before base64
    [[nodiscard]] std::size_t file_count() const { return manifest_.files.size(); }

private:
    void flush_chunk();

    ChunkSink sink_;
    ChunkRetract retract_;
    BundleOptions options_;
    Manifest manifest_;
    Bytes payload_;   // the chunk being filled
    std::vector<std::uint32_t> unfilled_;   // reserved chunks not filled yet
};

}  // namespace ssmix::bundle
