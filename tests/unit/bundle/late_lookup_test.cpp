// tests/unit/bundle/late_lookup_test.cpp — tests BundleFiles' LateLookup (bundle_files.cpp):
// files left out of the table it was made with are found when first read, asked once per
// path, and an entry pointing outside the chunks is refused like one in the table.
#include <doctest/doctest.h>

#include <map>

#include "core/bundle/bundle_files.h"
#include "core/bundle/bundle_writer.h"
#include "core/bundle/chunk_script.h"
#include "tests/unit/noise.h"

using namespace ssmix;
using namespace ssmix::bundle;

namespace {

struct Chunks final : ChunkProvider {
    std::map<std::uint32_t, Bytes> payloads;
    const Bytes* payload(std::uint32_t chunk) override { return &payloads.at(chunk); }
};

}  // namespace

TEST_CASE("bundle late lookup: a file not in the table is read through the lookup, asked once") {
    Chunks chunks;
    BundleWriter writer([&](std::uint32_t chunk, const std::string& script) { chunks.payloads[chunk] = parse_chunk_script(script)->payload; },
                        {4096});
    const Bytes letter = test::noise(3000, 1), image = test::noise(9000, 2);
    writer.add("IHE_XDM/SUBSET01/DOC00001.XML", letter);
    writer.add("DICOM/P0000001/S0000001/I0000001", image);
    Manifest full = writer.finish();
    Manifest start = full;   // the table the viewer starts with: the image left out
    std::erase_if(start.files, [](const BundledFile& f) { return f.path.starts_with("DICOM/"); });

    std::map<std::string, int> asked;
    BundleFiles files(start, chunks, ContentCheck::sha256, "MANIFEST.JS", [&](const std::string& path) -> std::optional<BundledFile> {
        ++asked[path];
        for (const auto& f : full.files)
            if (f.path == path) return f;
        return std::nullopt;
    });
    CHECK(files.list().size() == 1);   // only the table
    CHECK(files.read("IHE_XDM/SUBSET01/DOC00001.XML").bytes == letter);
    CHECK(asked.empty());
    for (int i = 0; i < 2; ++i) {
        const FileRead read = files.read("DICOM/P0000001/S0000001/I0000001");
        REQUIRE(read.status == ReadStatus::ready);
        CHECK(read.bytes == image);
    }
    CHECK(files.read("DICOM/NOPE").status == ReadStatus::missing);
    CHECK(files.read("DICOM/NOPE").status == ReadStatus::missing);
    CHECK(asked["DICOM/P0000001/S0000001/I0000001"] == 1);
    CHECK(asked["DICOM/NOPE"] == 1);
}

TEST_CASE("bundle late lookup: an entry outside the chunks, or under another path, is missing") {
    Chunks chunks;
    chunks.payloads[0] = Bytes(100, 0);
    Manifest manifest;
    manifest.chunk_sizes = {100};
    BundleFiles files(manifest, chunks, ContentCheck::stream_only, "MANIFEST.JS", [](const std::string& path) -> std::optional<BundledFile> {
        if (path == "A") return BundledFile{"A", 10, "", 0, 90, 20};   // runs 10 bytes past the last chunk
        if (path == "B") return BundledFile{"C", 10, "", 0, 0, 10};    // answers for another file
        if (path == "D") return BundledFile{"D", 10, "", 3, 0, 10};    // no chunk 3
        return std::nullopt;
    });
    for (const char* path : {"A", "B", "D"}) {
        CAPTURE(path);
        CHECK(files.read(path).status == ReadStatus::missing);
    }
}
