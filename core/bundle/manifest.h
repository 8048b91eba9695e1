// core/bundle/manifest.h — the viewer data bundle's table of contents (VIEWER/DATA/MANIFEST.JS):
// which disc files it carries, their sizes and SHA-256, and where their deflated bytes lie in
// the chunk scripts DATA/Dnnnnnnn.JS. See DESIGN.md "Viewer data bundle".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"

namespace ssmix::bundle {

inline constexpr std::string_view manifest_format = "ssmix-bundle-1";
inline constexpr std::string_view manifest_variable = "SSMIX_MANIFEST";   // global set by MANIFEST.JS
inline constexpr std::string_view chunk_function = "ssmixChunk";          // called by each chunk script

struct BundledFile {
    std::string path;             // disc path, '/'-separated: "DICOM/P0000001/S0000001/I0000001"
    std::uint64_t size = 0;       // original bytes
    std::string sha256;           // of the original bytes, lower-case hex
    std::uint32_t first_chunk = 0;
    std::uint64_t offset = 0;     // where the stream starts in first_chunk's payload
    std::uint64_t stored_size = 0;  // deflated stream length; may continue into later chunks
};

struct Manifest {
    std::vector<std::uint64_t> chunk_sizes;   // payload bytes (decoded base64) per chunk
    std::vector<BundledFile> files;           // sorted by path
    // The first chunks hold only what the viewer reads at its start (letters, messages,
    // DICOMDIR: everything but the images); the page loads them while the viewer compiles.
    std::uint32_t start_chunks = 0;
    // The bundled DICOM files' headers (a JSON array, core/dicom/instance_index), so the viewer
    // lists the studies without reading every file; empty when there are none.
    std::string images_json;
};

[[nodiscard]] std::string chunk_file_name(std::uint32_t chunk);   // 7 -> "D0000007.JS"

// "var SSMIX_MANIFEST = {...};" — a classic script that file:// pages may load.
[[nodiscard]] std::string manifest_script(const Manifest& manifest);
[[nodiscard]] std::string manifest_json(const Manifest& manifest);

// Whether a file entry's stream lies inside the chunks the manifest lists.
[[nodiscard]] bool inside_chunks(const Manifest& manifest, const BundledFile& file);

// One entry of the manifest's "files" as JSON text (as the page hands it over); nullopt when
// it lacks a member or has one of the wrong kind. Its bounds are the caller's (inside_chunks).
[[nodiscard]] std::optional<BundledFile> parse_file_entry_json(std::string_view json);

// Reads the JSON object (the part between "=" and ";" of MANIFEST.JS, or JSON.stringify of it).
[[nodiscard]] Parsed<Manifest> parse_manifest_json(std::string_view json, const std::string& file);

}  // namespace ssmix::bundle
