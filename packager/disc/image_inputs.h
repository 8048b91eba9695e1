// packager/disc/image_inputs.h — another vendor's disc given to `pack --dicom` as an ISO 9660
// image (many PCs have no optical drive, so discs travel as .iso files): its files are read with
// libisofs and copied into a hidden folder beside the output, which is then searched like any
// folder; the folder is removed when the pack ends, whatever happens.
#pragma once

#include <filesystem>
#include <vector>

namespace ssmix::packager {

// True when the file is an ISO 9660 image (the volume descriptor "CD001" at 32,769).
[[nodiscard]] bool is_iso_image(const std::filesystem::path& file);

class ImageInputs {
public:
    // The hidden folders go beside `near` (the output), or in the temporary folder (a dry run).
    explicit ImageInputs(const std::filesystem::path& near);
    ~ImageInputs();
    ImageInputs(const ImageInputs&) = delete;
    ImageInputs& operator=(const ImageInputs&) = delete;

    // The paths with every disc image replaced by the folder its files were copied to. Throws
    // std::runtime_error naming the image when it cannot be read.
    [[nodiscard]] std::vector<std::filesystem::path> resolve(const std::vector<std::filesystem::path>& paths);

private:
    std::filesystem::path base_;
    std::vector<std::filesystem::path> folders_;
};

}  // namespace ssmix::packager
