// packager/disc/iso_writer.h — the CD-R/DVD image of a disc tree, written with libisofs:
// ISO 9660 level 1 (8.3 upper-case names, which DICOM PS3.12 F.1.2.1 and IHE PDI require)
// plus Joliet and Rock Ridge, so long names (the SS-MIX2 files) survive for readers that use
// them. Written to a hidden temporary file beside the target and renamed when complete.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace ssmix::packager {

struct IsoOptions {
    std::string volume_id;       // A-Z 0-9 _, at most 32 characters (Joliet keeps the first 16)
    std::string publisher = "SS-MIX CARRY";
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;   // bytes
};

// Throws std::runtime_error with libisofs' reason when the image cannot be made.
// Returns the image size in bytes.
std::uint64_t write_iso_image(const std::filesystem::path& tree, const std::filesystem::path& iso, const IsoOptions& options);

// A valid volume id from free text: upper case, other characters as '_', 32 characters at most.
[[nodiscard]] std::string volume_id_from(const std::string& text);

}  // namespace ssmix::packager
