// packager/disc/image_inputs.cpp
#include "packager/disc/image_inputs.h"

#include <unistd.h>

#include <array>
#include <fstream>
#include <stdexcept>

#include "core/base/durable_file.h"
#include "packager/disc/iso_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

bool is_iso_image(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) < 32774) return false;
    std::ifstream in(file, std::ios::binary);
    std::array<char, 5> id{};
    in.seekg(32769);
    in.read(id.data(), id.size());
    return in && std::string_view(id.data(), id.size()) == "CD001";
}

ImageInputs::ImageInputs(const fs::path& near)
    : base_(near.empty() ? fs::temp_directory_path() : fs::absolute(near).parent_path()) {}

ImageInputs::~ImageInputs() {
    for (const auto& folder : folders_) {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
}

std::vector<fs::path> ImageInputs::resolve(const std::vector<fs::path>& paths) {
    std::vector<fs::path> out;
    for (const auto& path : paths) {
        if (!is_iso_image(path)) {
            out.push_back(path);
            continue;
        }
        const fs::path folder = base_ / (".ssmix-image-" + std::to_string(::getpid()) + "-" + std::to_string(folders_.size() + 1));
        folders_.push_back(folder);
        try {
            IsoFiles image(path, false);
            for (const auto& entry : image.list()) {
                FileRead file = image.read(entry.path);
                if (file.status != ReadStatus::ready) throw std::runtime_error(entry.path + " cannot be read from the image");
                const fs::path target = folder / entry.path;
                fs::create_directories(target.parent_path());
                write_file(target, file.bytes);
            }
        } catch (const std::exception& e) {
            throw std::runtime_error("the disc image " + path.string() + " cannot be read: " + e.what());
        }
        out.push_back(folder);
    }
    return out;
}

}  // namespace ssmix::packager
