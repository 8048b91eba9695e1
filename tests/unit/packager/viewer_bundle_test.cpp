// tests/unit/packager/viewer_bundle_test.cpp — tests packager/disc/viewer_bundle.cpp: a series
// that does not fit in the room is taken out again (its chunk scripts removed from the tree), the
// start files and the DICOMDIR stay in the start chunks, and what remains reads back.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/base/disc_names.h"
#include "core/base/durable_file.h"
#include "core/bundle/bundle_files.h"
#include "core/bundle/chunk_script.h"
#include "packager/disc/viewer_bundle.h"
#include "tests/unit/noise.h"

using namespace ssmix;
using ssmix::test::noise;
using namespace ssmix::packager;
namespace fs = std::filesystem;

namespace {

struct TreeChunks final : bundle::ChunkProvider {
    const DiscTreeWriter& tree;
    std::map<std::uint32_t, Bytes> loaded;
    explicit TreeChunks(const DiscTreeWriter& t) : tree(t) {}
    const Bytes* payload(std::uint32_t chunk) override {
        const Bytes script = read_file(tree.path(std::string(disc::viewer_data_folder) + bundle::chunk_file_name(chunk)));
        auto parsed = bundle::parse_chunk_script(as_text(script));
        REQUIRE(parsed);
        return &(loaded[chunk] = std::move(parsed->payload));
    }
};

std::size_t chunk_files(const DiscTreeWriter& tree) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(tree.path(std::string(disc::viewer_data_folder))))
        n += e.path().filename().string().starts_with("D");
    return n;
}

}  // namespace

TEST_CASE("viewer data: a series over the room is rolled back, and the next one that fits is kept") {
    const fs::path work = fs::temp_directory_path() / ("ssmix-viewer-bundle-" + std::to_string(::getpid()));
    fs::remove_all(work);
    {
        DiscTreeWriter tree({}, work);
        const Bytes letter = noise(2000, 1), dicomdir = noise(3000, 9);
        tree.write("IHE_XDM/SUBSET01/DOC00001.XML", letter);
        // Room: the manifest's reserve (64 KiB + 512 B per file) plus about 2 MiB of chunks.
        ViewerBundleWriter bundle(tree, (64 << 10) + (2 << 20) + 4096 * 4);
        bundle.add_file("IHE_XDM/SUBSET01/DOC00001.XML");
        bundle.end_start_files(true);

        bundle.begin_series("big");   // 3 MiB of noise does not deflate: over the room
        for (int i = 0; i < 3; ++i) {
            const Bytes image = noise(1 << 20, 10 + i);
            bundle.add("DICOM/P0000001/ST000001/SE000001/IM00000" + std::to_string(i + 1), bundle::prepare_file(image),
                       {"DICOM/P0000001/ST000001/SE000001/IM00000" + std::to_string(i + 1), {}});
        }
        const std::size_t chunks_with_big = chunk_files(tree);
        CHECK_FALSE(bundle.end_series());
        CHECK(chunk_files(tree) < chunks_with_big);   // its chunk scripts are gone from the tree

        const Bytes small = noise(100 << 10, 20);
        bundle.begin_series("small");
        dicom::IndexedInstance header{"DICOM/P0000001/ST000002/SE000001/IM000001", {}};
        header.instance.sop_instance_uid = "2.25.1";
        bundle.add(header.path, bundle::prepare_file(small), header);
        CHECK(bundle.end_series());

        tree.write(std::string(disc::dicomdir), dicomdir);
        bundle.add_dicomdir();
        const ViewerBundle result = bundle.finish();
        CHECK(result.left_out == std::vector<std::string>{"big"});
        CHECK(result.manifest.start_chunks == 2);   // the letter's chunk and the DICOMDIR's
        CHECK(result.manifest.files.size() == 3);
        CHECK(result.manifest.images_json.find("2.25.1") != std::string::npos);
        CHECK(result.manifest.images_json.find("ST000001/SE000001") == std::string::npos);   // the rolled-back series is not indexed
        CHECK(chunk_files(tree) == result.manifest.chunk_sizes.size());
        TreeChunks chunks(tree);
        bundle::BundleFiles files(result.manifest, chunks, bundle::ContentCheck::sha256);
        CHECK(files.read("IHE_XDM/SUBSET01/DOC00001.XML").bytes == letter);
        CHECK(files.read("DICOMDIR").bytes == dicomdir);
        CHECK(files.read(header.path).bytes == small);
        CHECK(files.read("DICOM/P0000001/ST000001/SE000001/IM000001").status == ReadStatus::missing);
    }
    fs::remove_all(work);
}
