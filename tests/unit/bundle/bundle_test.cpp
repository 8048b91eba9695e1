// tests/unit/bundle/bundle_test.cpp — tests core/bundle/bundle_writer.cpp, bundle_files.cpp,
// chunk_script.cpp and manifest.cpp together: what the packager writes, the viewer reads back.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/bundle/bundle_files.h"
#include "core/bundle/bundle_writer.h"
#include "core/bundle/chunk_script.h"
#include "tests/unit/noise.h"

using namespace ssmix;
using ssmix::test::noise;
using namespace ssmix::bundle;

namespace {

// Chunks as the browser would deliver them: parsed from the written script text.
struct ScriptChunks final : ChunkProvider {
    std::map<std::uint32_t, std::string> scripts;
    std::map<std::uint32_t, Bytes> loaded;
    bool deliver = true;
    int requests = 0;
    const Bytes* payload(std::uint32_t chunk) override {
        if (auto it = loaded.find(chunk); it != loaded.end()) return &it->second;
        ++requests;
        if (!deliver) return nullptr;
        auto parsed = parse_chunk_script(scripts.at(chunk));
        REQUIRE(parsed);
        REQUIRE(parsed->chunk == chunk);
        return &(loaded[chunk] = std::move(parsed->payload));
    }
};

struct Written {
    ScriptChunks chunks;
    Manifest manifest;
    std::map<std::string, Bytes> files;
};

Written write_bundle(std::size_t chunk_bytes) {
    Written w;
    w.files = {{"DICOM/P0000001/ST000001/SE000001/IM000001", noise(5000, 1)},
               {"DICOM/P0000001/ST000001/SE000001/IM000002", noise(3000, 2)},
               {"DICOM/P0000001/ST000001/SE000002/IM000001", Bytes(20000, 0)},
               {"EMPTY", {}}};
    BundleWriter writer([&](std::uint32_t chunk, const std::string& script) { w.chunks.scripts[chunk] = script; },
                        {chunk_bytes});
    for (const auto& [path, bytes] : w.files) writer.add(path, bytes);
    w.manifest = writer.finish();
    return w;
}

}  // namespace

TEST_CASE("bundle: every file reads back byte for byte, across chunk boundaries") {
    for (std::size_t chunk_bytes : {1024u, 4096u, 1u << 20}) {
        Written w = write_bundle(chunk_bytes);
        CHECK(w.manifest.chunk_sizes.size() == w.chunks.scripts.size());
        // Round trip through the JSON text, as MANIFEST.JS carries it.
        auto parsed = parse_manifest_json(manifest_json(w.manifest), "MANIFEST.JS");
        REQUIRE(parsed.value);
        BundleFiles files(std::move(*parsed.value), w.chunks, ContentCheck::sha256);
        CHECK(files.list().size() == w.files.size());
        for (const auto& [path, bytes] : w.files) {
            const FileRead read = files.read(path);
            REQUIRE(read.status == ReadStatus::ready);
            CHECK(read.bytes == bytes);
        }
    }
}

TEST_CASE("bundle: the start chunks hold only what was added before end_start_chunks, and are named in the manifest") {
    std::map<std::uint32_t, std::string> scripts;
    BundleWriter writer([&](std::uint32_t chunk, const std::string& script) { scripts[chunk] = script; }, {1u << 20});
    writer.add("SSMIX2/A", Bytes(100, 1));
    writer.end_start_chunks();
    writer.add("DICOM/B", Bytes(100, 2));
    const Manifest manifest = writer.finish();
    REQUIRE(manifest.chunk_sizes.size() == 2);
    CHECK(scripts.size() == 2);
    CHECK(manifest.start_chunks == 1);
    const auto& b = manifest.files.at(0).path == "DICOM/B" ? manifest.files.at(0) : manifest.files.at(1);
    CHECK(b.first_chunk == 1);
    CHECK(b.offset == 0);
    // Through the JSON and back; a count beyond the chunks is refused.
    auto parsed = parse_manifest_json(manifest_json(manifest), "MANIFEST.JS");
    REQUIRE(parsed.value);
    CHECK(parsed.value->start_chunks == 1);
    const auto too_many = parse_manifest_json(R"({"format":"ssmix-bundle-1","chunks":[10],"files":[],"startChunks":2})", "M.JS");
    CHECK_FALSE(too_many.value);
    CHECK(too_many.diagnostics.at(0).place.where == "startChunks");
}

TEST_CASE("bundle: small chunk size makes one file span several chunks") {
    Written w = write_bundle(1024);
    CHECK(w.manifest.chunk_sizes.size() >= 8);
    for (std::size_t i = 0; i + 1 < w.manifest.chunk_sizes.size(); ++i) CHECK(w.manifest.chunk_sizes[i] == 1024);
}

TEST_CASE("bundle: a read while chunks are loading is pending, then ready") {
    Written w = write_bundle(1024);
    w.chunks.deliver = false;
    BundleFiles files(w.manifest, w.chunks, ContentCheck::sha256);
    const std::string path = "DICOM/P0000001/ST000001/SE000001/IM000001";
    CHECK(files.read(path).status == ReadStatus::pending);
    CHECK(w.chunks.requests > 1);   // every chunk of the file was asked for at once
    w.chunks.deliver = true;
    CHECK(files.read(path).status == ReadStatus::ready);
}

TEST_CASE("bundle: a missing path is missing, not an error") {
    Written w = write_bundle(4096);
    BundleFiles files(w.manifest, w.chunks, ContentCheck::sha256);
    CHECK(files.read("DICOM/NOPE").status == ReadStatus::missing);
}

TEST_CASE("bundle: a corrupted chunk is reported with the file and chunk names, with or without the SHA-256") {
    for (const ContentCheck check : {ContentCheck::sha256, ContentCheck::stream_only}) {
        CAPTURE(static_cast<int>(check));
        Written w = write_bundle(1 << 20);
        auto parsed = parse_chunk_script(w.chunks.scripts.at(0));
        REQUIRE(parsed);
        parsed->payload[parsed->payload.size() / 2] ^= 0xFF;
        w.chunks.loaded[0] = parsed->payload;
        BundleFiles files(w.manifest, w.chunks, check);
        bool reported = false;
        for (const auto& [path, bytes] : w.files) {
            const FileRead read = files.read(path);
            if (read.status == ReadStatus::failed) {
                reported = true;
                REQUIRE(read.diagnostics.size() == 1);
                CHECK(read.diagnostics[0].code == "bundle.file.corrupt");
                CHECK(read.diagnostics[0].message.find(path) != std::string::npos);
            } else {
                CHECK(read.bytes == bytes);   // files outside the damage still read
            }
        }
        CHECK(reported);
    }
}

TEST_CASE("bundle: the manifest's SHA-256 is checked only when asked for") {
    Written w = write_bundle(4096);
    const std::string path = w.manifest.files.front().path;
    w.manifest.files.front().sha256 = std::string(64, '0');
    BundleFiles hashed(w.manifest, w.chunks, ContentCheck::sha256);
    const FileRead refused = hashed.read(path);
    REQUIRE(refused.status == ReadStatus::failed);
    CHECK(refused.diagnostics[0].message.find("checksum does not match") != std::string::npos);
    BundleFiles streamed(w.manifest, w.chunks, ContentCheck::stream_only);
    CHECK(streamed.read(path).status == ReadStatus::ready);
}

TEST_CASE("bundle: chunk script text is exactly one call, and other text is refused") {
    const Bytes payload = {1, 2, 3, 250};
    const std::string script = chunk_script(42, payload);
    CHECK(script == "ssmixChunk(42,\"AQID+g==\");\n");
    auto parsed = parse_chunk_script(script);
    REQUIRE(parsed);
    CHECK(parsed->chunk == 42);
    CHECK(parsed->payload == payload);
    CHECK_FALSE(parse_chunk_script("ssmixChunk(42,\"AQID+g==\");alert(1);\n"));
    CHECK_FALSE(parse_chunk_script("ssmixChunk(x,\"AQID\");\n"));
    CHECK_FALSE(parse_chunk_script("evil(42,\"AQID\");\n"));
}

TEST_CASE("manifest: chunk file names are 8.3 and numbered") {
    CHECK(chunk_file_name(0) == "D0000000.JS");
    CHECK(chunk_file_name(1234567) == "D1234567.JS");
}

TEST_CASE("manifest: damaged manifests are refused with the place named") {
    CHECK(parse_manifest_json("not json", "M.JS").diagnostics.at(0).code == "bundle.manifest.invalid");
    CHECK(parse_manifest_json("{\"format\":\"other\"}", "M.JS").diagnostics.at(0).place.where == "format");
    CHECK(parse_manifest_json("{\"format\":7}", "M.JS").diagnostics.at(0).place.where == "format");   // found by fuzz_bundle_manifest: threw
    const auto out_of_range = parse_manifest_json(
        R"({"format":"ssmix-bundle-1","chunks":[10],"files":[{"path":"A","size":1,"sha256":"x","chunk":1,"offset":0,"stored":1}]})",
        "M.JS");
    CHECK_FALSE(out_of_range.value);
    CHECK(out_of_range.diagnostics.at(0).place.where == "files[0]");
    const auto too_long = parse_manifest_json(
        R"({"format":"ssmix-bundle-1","chunks":[10,10],"files":[{"path":"A","size":1,"sha256":"x","chunk":0,"offset":5,"stored":16}]})",
        "M.JS");
    CHECK_FALSE(too_long.value);
    const auto missing_key = parse_manifest_json(
        R"({"format":"ssmix-bundle-1","chunks":[10],"files":[{"path":"A","size":1}]})", "M.JS");
    CHECK_FALSE(missing_key.value);
}

TEST_CASE("bundle: the manifest carries the image index through, and refuses one that is not a list") {
    Manifest manifest;
    manifest.images_json = R"([{"path":"DICOM/P0000001/ST000001/SE000001/IM000001","sop":"2.25.1","frames":1,"patientName":"宮本^美智子"}])";
    const std::string json = manifest_json(manifest);
    CHECK(std::all_of(json.begin(), json.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));   // an ASCII script
    const auto parsed = parse_manifest_json(json, "MANIFEST.JS");
    REQUIRE(parsed.value);
    CHECK(nlohmann::json::parse(parsed.value->images_json) == nlohmann::json::parse(manifest.images_json));
    CHECK(parse_manifest_json(manifest_json({}), "MANIFEST.JS").value->images_json.empty());
    const auto not_a_list = parse_manifest_json(R"({"format":"ssmix-bundle-1","chunks":[],"files":[],"images":{}})", "M.JS");
    CHECK_FALSE(not_a_list.value);
    CHECK(not_a_list.diagnostics.at(0).place.where == "images");
}
