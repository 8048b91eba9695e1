// packager/disc/iso_writer.cpp — libisofs: import the tree, create a burn source, copy its
// 2048-byte blocks into the file. libisofs types stay in this file.
#include "packager/disc/iso_writer.h"

// libisofs' own definition of struct burn_source: libburn's C++ header puts its copy in
// namespace burn, which libisofs' functions do not take.
#define LIBISOFS_WITHOUT_LIBBURN 1
#include <libisofs/libisofs.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include "core/base/durable_file.h"
#include "packager/disc/partial_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

void check(int status, const char* what) {
    if (status < 0) {
        char message[256] = {};
        std::snprintf(message, sizeof message, "%s failed: %s", what, iso_error_to_msg(status));
        throw std::runtime_error(message);
    }
}

// libisofs needs iso_init() once per process; it is cheap to keep it for the process' life.
void ensure_initialised() {
    static const int status = iso_init();
    check(status, "iso_init");
}

}  // namespace

std::string volume_id_from(const std::string& text) {
    std::string id;
    for (char c : text) {
        if (id.size() == 32) break;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        id += (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_';
    }
    return id.empty() ? std::string("SSMIX_CARRY") : id;
}

std::uint64_t write_iso_image(const fs::path& tree, const fs::path& iso, const IsoOptions& options) {
    ensure_initialised();
    IsoImage* image = nullptr;
    check(iso_image_new(options.volume_id.c_str(), &image), "iso_image_new");
    std::unique_ptr<IsoImage, decltype(&iso_image_unref)> image_owner(image, iso_image_unref);
    iso_image_set_publisher_id(image, options.publisher.c_str());
    iso_image_set_application_id(image, "SS-MIX CARRY (IHE PDI + XDM)");
    iso_tree_set_follow_symlinks(image, 0);
    iso_tree_set_ignore_hidden(image, 1);
    check(iso_tree_add_dir_rec(image, iso_image_get_root(image), tree.c_str()), "adding the disc tree");

    IsoWriteOpts* write_options = nullptr;
    check(iso_write_opts_new(&write_options, 0), "iso_write_opts_new");
    std::unique_ptr<IsoWriteOpts, decltype(&iso_write_opts_free)> options_owner(write_options, iso_write_opts_free);
    check(iso_write_opts_set_iso_level(write_options, 1), "ISO level 1");
    check(iso_write_opts_set_rockridge(write_options, 1), "Rock Ridge");
    check(iso_write_opts_set_joliet(write_options, 1), "Joliet");
    // SS-MIX2 file names reach ~75 characters; Joliet's 64 would cut them. 103 is what
    // libisofs allows and Windows reads (libisofs.h, iso_write_opts_set_joliet_long_names).
    check(iso_write_opts_set_joliet_long_names(write_options, 1), "Joliet long names");
    check(iso_write_opts_set_joliet_longer_paths(write_options, 1), "Joliet long paths");
    // Joliet names as Windows shows them ("IM000001", not "IM000001.;1"); the ISO 9660 tree
    // keeps the dot and ";1" ECMA-119 requires.
    check(iso_write_opts_set_no_force_dots(write_options, 2), "Joliet names without a forced dot");
    check(iso_write_opts_set_omit_version_numbers(write_options, 2), "Joliet names without ;1");
    iso_write_opts_set_always_gmt(write_options, 1);
    // 300 KiB of zeros after the file system, as xorriso adds by default: Linux read-ahead on
    // TAO-written CDs otherwise fails on the last files (xorriso(1), -padding).
    check(iso_write_opts_set_tail_blocks(write_options, 150), "tail padding");

    burn_source* source = nullptr;
    check(iso_image_create_burn_source(image, write_options, &source), "creating the image");
    const std::uint64_t total = static_cast<std::uint64_t>(source->get_size(source));

    remove_stale_partials(iso);
    const fs::path temp = partial_path(iso);
    std::FILE* out = std::fopen(temp.c_str(), "wb");
    if (!out) {
        source->free_data(source);
        std::free(source);
        throw std::runtime_error("cannot create " + temp.string());
    }
    // libisofs' ring buffer answers EOF, dropping the data, when a request crosses the end of
    // the image (libisofs/buffer.c, iso_ring_buffer_read); get_size() is the exact size, so
    // the last request asks for exactly what is left.
    std::vector<unsigned char> buffer(1 << 20);
    std::uint64_t done = 0;
    bool ok = true;
    while (ok && done < total) {
        const auto want = static_cast<int>(std::min<std::uint64_t>(buffer.size(), total - done));
        const int n = source->read_xt(source, buffer.data(), want);
        ok = n == want && std::fwrite(buffer.data(), 1, static_cast<std::size_t>(n), out) == static_cast<std::size_t>(n);
        if (ok) done += static_cast<std::uint64_t>(n);
        if (ok && options.progress) options.progress(done, total);
    }
    source->free_data(source);
    std::free(source);
    ok = ok && std::fflush(out) == 0 && ::fsync(fileno(out)) == 0;
    ok = std::fclose(out) == 0 && ok;
    if (!ok || done != total) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw std::runtime_error("writing the image failed after " + std::to_string(done) + " of " + std::to_string(total) + " bytes");
    }
    fs::rename(temp, iso);
    sync_directory(iso.parent_path().empty() ? fs::path(".") : iso.parent_path());
    return done;
}

}  // namespace ssmix::packager
