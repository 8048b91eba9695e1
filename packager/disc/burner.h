// packager/disc/burner.h — writes a finished ISO image to a CD-R/DVD with libburn, then reads
// it back from the drive and compares SHA-256 with the image. The device is a drive path
// (/dev/sr0) or libburn's "stdio:PATH" pseudo drive (a file or block device written as if it
// were a disc; what the tests use). With `simulate`, the drive goes through the motions
// (a "dummy" burn on CD-R; on stdio, nothing is written) and there is nothing to read back.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace ssmix::packager {

struct BurnOptions {
    std::string device;
    bool simulate = false;
    bool eject = false;
    std::function<void(const char* phase, std::uint64_t done, std::uint64_t total)> progress;   // bytes
};

struct BurnReport {
    std::string drive;        // vendor and product, or "stdio file"
    std::string media;        // libburn's profile name, e.g. "CD-R"
    std::string write_type;   // "SAO" or "TAO"
    std::uint64_t bytes = 0;
    bool simulated = false;
    bool verified = false;    // read back and identical
};

// Throws std::runtime_error with a message for the hospital's IT staff (what is wrong with the
// drive, the media or the image, and what to do) when the burn or the check fails.
[[nodiscard]] BurnReport burn_image(const std::filesystem::path& iso, const BurnOptions& options);

}  // namespace ssmix::packager
