// packager/disc/disc_tree.cpp — staging folder, syncfs, two renames.
#include "packager/disc/disc_tree.h"

#include <fcntl.h>    // AT_FDCWD
#include <stdio.h>    // renameat2, RENAME_EXCHANGE (glibc)
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "core/base/disc_names.h"
#include "core/base/durable_file.h"
#include "packager/disc/partial_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

bool is_ssmix_disc_tree(const fs::path& folder) {
    return fs::is_regular_file(folder / disc::index_page) && fs::is_regular_file(folder / disc::viewer_script);
}

DiscTreeWriter::DiscTreeWriter(fs::path target, const fs::path& near) {
    fs::path place;
    if (!target.empty()) {
        target_ = fs::absolute(std::move(target)).lexically_normal();
        if (target_.filename().empty()) target_ = target_.parent_path();
        std::error_code ec;
        if (fs::exists(target_, ec) && !(fs::is_directory(target_) && (fs::is_empty(target_) || is_ssmix_disc_tree(target_))))
            throw std::runtime_error(target_.string() + " exists and is not a disc tree made by ssmix; choose another --tree folder");
        place = target_;
    } else {
        place = fs::absolute(near).lexically_normal() / "ssmix-disc";
    }
    fs::create_directories(place.parent_path());
    remove_stale_partials(place);
    staging_ = partial_path(place);
    fs::remove_all(staging_);
    fs::create_directory(staging_);
}

DiscTreeWriter::~DiscTreeWriter() {
    if (committed_) return;
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
}

void DiscTreeWriter::write(const std::string& disc_path, ByteView bytes) {
    const fs::path file = staging_ / disc_path;
    fs::create_directories(file.parent_path());
    write_file(file, bytes);
}

void DiscTreeWriter::copy(const std::string& disc_path, const fs::path& source) {
    const fs::path file = staging_ / disc_path;
    fs::create_directories(file.parent_path());
    fs::copy_file(source, file, fs::copy_options::overwrite_existing);
}

void DiscTreeWriter::remove(const std::string& disc_path) { fs::remove_all(staging_ / disc_path); }

std::uint64_t DiscTreeWriter::disc_bytes() const {
    std::uint64_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(staging_))
        if (entry.is_regular_file()) total += (entry.file_size() + 2047) / 2048 * 2048;
    return total;
}

void DiscTreeWriter::commit() {
    if (target_.empty()) throw std::logic_error("DiscTreeWriter::commit without a target folder");
    sync_file_system(staging_);
    if (fs::exists(target_)) {
        // Swap in one step (Linux renameat2), so the target never disappears; the old tree then
        // sits at the staging name and is removed.
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
            throw std::system_error(errno, std::generic_category(), "cannot replace " + target_.string());
        sync_directory(target_.parent_path());
        committed_ = true;
        fs::remove_all(staging_);
    } else {
        fs::rename(staging_, target_);
        sync_directory(target_.parent_path());
        committed_ = true;
    }
}

void check_output_folder(const fs::path& output, const std::string& option) {
    const fs::path folder = fs::absolute(output).parent_path();
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || ::access(folder.c_str(), W_OK | X_OK) != 0)
        throw std::runtime_error("cannot write " + option + " " + output.string() + ": the folder " + folder.string() + " " +
                                 (ec ? "cannot be created (" + ec.message() + ")" : "is not writable (" + std::string(std::strerror(errno)) + ")"));
}

}  // namespace ssmix::packager
