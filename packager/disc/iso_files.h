// packager/disc/iso_files.h — the files inside an ISO image, read with libisofs, as a
// FileSource: what `ssmix verify` checks is the image itself, not the tree it came from.
// Names: the Rock Ridge / Joliet names when the image has them (long names kept); with
// plain_iso9660, the ISO 9660 names a reader that knows only ISO 9660 sees.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/base/file_source.h"

namespace ssmix::packager {

class IsoFiles final : public FileSource {
public:
    // Throws std::runtime_error when the file is not a readable ISO 9660 image.
    IsoFiles(const std::filesystem::path& iso, bool plain_iso9660);
    ~IsoFiles() override;

    [[nodiscard]] std::vector<FileEntry> list() const override;
    [[nodiscard]] FileRead read(const std::string& path) override;
    [[nodiscard]] const std::string& volume_id() const { return volume_id_; }
    [[nodiscard]] bool has_joliet() const { return joliet_; }
    [[nodiscard]] bool has_rock_ridge() const { return rock_ridge_; }

private:
    struct Image;
    std::unique_ptr<Image> image_;
    std::string volume_id_;
    bool joliet_ = false, rock_ridge_ = false;
};

}  // namespace ssmix::packager
