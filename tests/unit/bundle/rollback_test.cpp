// tests/unit/bundle/rollback_test.cpp — tests BundleWriter::mark/rollback (a series that did not
// fit leaves no trace) and reserve_chunk/fill_reserved (the DICOMDIR among the start chunks,
// written after the images).
#include <doctest/doctest.h>

#include <map>

#include "core/bundle/bundle_files.h"
#include "core/bundle/bundle_writer.h"
#include "core/bundle/chunk_script.h"
#include "tests/unit/noise.h"

using namespace ssmix;
using ssmix::test::noise;
using namespace ssmix::bundle;

namespace {

struct Scripts final : ChunkProvider {
    std::map<std::uint32_t, std::string> scripts;
    std::map<std::uint32_t, Bytes> loaded;
    const Bytes* payload(std::uint32_t chunk) override {
        auto parsed = parse_chunk_script(scripts.at(chunk));
        REQUIRE(parsed);
        REQUIRE(parsed->chunk == chunk);
        return &(loaded[chunk] = std::move(parsed->payload));
    }
};

}  // namespace

TEST_CASE("bundle rollback: files and chunks after the mark are gone, the rest reads back, later files follow on") {
    Scripts s;
    std::vector<std::uint32_t> retracted;
    BundleWriter writer([&](std::uint32_t chunk, const std::string& script) { s.scripts[chunk] = script; }, {1024},
                        [&](std::uint32_t chunk) {
                            retracted.push_back(chunk);
                            s.scripts.erase(chunk);
                        });
    const Bytes kept = noise(1500, 1), dropped = noise(5000, 2), after = noise(700, 3);
    writer.add("A", kept);                 // chunk 0 full, chunk 1 partly filled
    const auto mark = writer.mark();
    writer.add("B", dropped);              // fills chunk 1, writes chunks 2..5
    const std::size_t written = s.scripts.size();
    REQUIRE(written > 2);
    writer.rollback(mark);
    CHECK(retracted.size() == written - 1);   // every chunk written after chunk 0, newest first
    CHECK(retracted.front() == written - 1);
    CHECK(s.scripts.size() == 1);
    CHECK(s.scripts.count(0) == 1);
    CHECK(writer.file_count() == 1);
    CHECK(writer.open_chunk_bytes() == mark.payload.size());
    writer.add("C", after);
    const Manifest manifest = writer.finish();
    CHECK(manifest.files.size() == 2);
    CHECK(manifest.chunk_sizes.size() == s.scripts.size());
    BundleFiles files(manifest, s, ContentCheck::sha256);
    CHECK(files.read("A").bytes == kept);
    CHECK(files.read("C").bytes == after);
    CHECK(files.read("B").status == ReadStatus::missing);
}

TEST_CASE("bundle reserve: a reserved chunk keeps its place among the start chunks and is filled later, whatever its size") {
    Scripts s;
    BundleWriter writer([&](std::uint32_t chunk, const std::string& script) { s.scripts[chunk] = script; }, {1024});
    writer.add("SSMIX2/A", noise(300, 4));
    const std::uint32_t reserved = writer.reserve_chunk();
    writer.end_start_chunks();
    const Bytes image = noise(3000, 5), dicomdir = noise(4000, 6);   // larger than a chunk
    writer.add("DICOM/IM1", image);
    writer.fill_reserved(reserved, "DICOMDIR", prepare_file(dicomdir));
    const Manifest manifest = writer.finish();
    CHECK(reserved == 1);
    CHECK(manifest.start_chunks == 2);
    CHECK(manifest.chunk_sizes.at(reserved) > 1024);
    auto parsed = parse_manifest_json(manifest_json(manifest), "MANIFEST.JS");
    REQUIRE(parsed.value);
    BundleFiles files(std::move(*parsed.value), s, ContentCheck::sha256);
    CHECK(files.read("DICOMDIR").bytes == dicomdir);
    CHECK(files.read("DICOM/IM1").bytes == image);
    for (const auto& f : manifest.files)
        if (f.path.starts_with("DICOM/")) CHECK(f.first_chunk >= manifest.start_chunks);
}

TEST_CASE("bundle reserve: a reserved chunk never filled is written empty, so no chunk script is missing") {
    Scripts s;
    BundleWriter writer([&](std::uint32_t chunk, const std::string& script) { s.scripts[chunk] = script; }, {1024});
    writer.add("SSMIX2/A", noise(10, 7));
    const std::uint32_t reserved = writer.reserve_chunk();
    writer.end_start_chunks();
    const Manifest manifest = writer.finish();
    REQUIRE(s.scripts.count(reserved));
    CHECK(manifest.chunk_sizes.at(reserved) == 0);
    CHECK(parse_chunk_script(s.scripts[reserved])->payload.empty());
}
