// core/bundle/bundle_files.h — the disc's files as the viewer sees them through the data
// bundle: a FileSource that finds a file in the manifest, gathers its deflated stream from
// the chunks (asking the ChunkProvider, which may still be loading them), inflates it and
// checks it (ContentCheck). The viewer may hand it only the files it reads at its start and
// find the others (a large series' images) when they are first asked for (LateLookup).
#pragma once

#include <functional>
#include <map>
#include <optional>

#include "core/base/disc_names.h"
#include "core/base/file_source.h"
#include "core/bundle/manifest.h"

namespace ssmix::bundle {

class ChunkProvider {
public:
    virtual ~ChunkProvider() = default;
    // The chunk's payload, or nullptr while it is not loaded yet (the provider starts loading
    // it; ask again later). A chunk that failed to load returns an empty payload.
    [[nodiscard]] virtual const Bytes* payload(std::uint32_t chunk) = 0;
};

// How a file read from the bundle is checked. Either way damage fails the read: every stream
// is zlib's, whose Adler-32 inflate checks, and must give exactly the listed size.
enum class ContentCheck {
    sha256,        // also against the manifest's SHA-256 (`ssmix verify`, before a disc is burnt)
    stream_only,   // the viewer: hashing took it 3.7 ms of the 11 per 512 x 512 CT slice (bench/viewer)
};

// A file of the manifest left out of the table BundleFiles was made with, by its path
// (nullopt: not in the bundle). Asked once per path; what it gives is checked like the table.
using LateLookup = std::function<std::optional<BundledFile>(const std::string& path)>;

class BundleFiles final : public FileSource {
public:
    BundleFiles(Manifest manifest, ChunkProvider& chunks, ContentCheck check,
                std::string manifest_name = std::string(disc::manifest), LateLookup late = {});

    [[nodiscard]] std::vector<FileEntry> list() const override;   // the table's files only
    [[nodiscard]] FileRead read(const std::string& path) override;
    void prefetch(const std::string& path) override;   // asks for the chunks the file lies in

    [[nodiscard]] const Manifest& manifest() const { return manifest_; }

private:
    [[nodiscard]] const BundledFile* find(const std::string& path) const;

    Manifest manifest_;
    ChunkProvider& chunks_;
    ContentCheck check_;
    std::string manifest_name_;
    LateLookup late_;
    mutable std::map<std::string, std::optional<BundledFile>> late_found_;   // answers of late_, by path
};

}  // namespace ssmix::bundle
