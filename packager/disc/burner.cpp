// packager/disc/burner.cpp — the libburn sequence of its own libburner example: grab the
// drive, check the media, one session with one Mode 1 data track fed through a fifo, let
// libburn pick SAO/TAO, poll progress, then read back with burn_read_data. libburn types
// stay in this file.
#include "packager/disc/burner.h"

#include <fcntl.h>
#include <libburn/libburn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

using namespace burn;   // libburn declares its C API inside namespace burn for C++

constexpr std::uint64_t block = 2048;

std::string mib(std::uint64_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20) + " MiB"; }

// libburn's queued messages (severity SORRY and worse), joined, for the error we throw.
std::string libburn_messages() {
    std::string all;
    int code = 0, os_errno = 0;
    char text[BURN_MSGS_MESSAGE_LEN], severity[80];
    while (burn_msgs_obtain(const_cast<char*>("SORRY"), &code, text, &os_errno, severity) > 0) {
        if (!all.empty()) all += "; ";
        all += text;
    }
    return all.empty() ? std::string() : " (libburn: " + all + ")";
}

class Library {
public:
    Library() {
        if (!burn_initialize()) throw std::runtime_error("libburn could not start");
        burn_msgs_set_severities(const_cast<char*>("SORRY"), const_cast<char*>("NEVER"), const_cast<char*>("ssmix burn: "));
        // libburn's handler stops a burn cleanly on Ctrl+C instead of leaving the drive busy.
        burn_set_signal_handling(const_cast<char*>("ssmix burn: "), nullptr, 0);
    }
    ~Library() { burn_finish(); }
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;
};

class GrabbedDrive {
public:
    GrabbedDrive(const std::string& device, bool eject) : eject_(eject) {
        std::vector<char> address(BURN_DRIVE_ADR_LEN, '\0');
        if (device.starts_with("stdio:")) {
            if (device.size() >= address.size()) throw std::runtime_error("the device name is too long");
            std::memcpy(address.data(), device.data(), device.size());
        } else if (burn_drive_convert_fs_adr(const_cast<char*>(device.c_str()), address.data()) <= 0) {
            throw std::runtime_error(device + " is not a CD/DVD writer this system can use (for an image file, write stdio:PATH)" +
                                     libburn_messages());
        }
        if (burn_drive_scan_and_grab(&infos_, address.data(), 1) <= 0 || !infos_)
            throw std::runtime_error("cannot open the drive " + device + libburn_messages());
        drive_ = infos_[0].drive;
    }
    ~GrabbedDrive() {
        burn_drive_release(drive_, eject_ ? 1 : 0);
        burn_drive_info_free(infos_);
    }
    GrabbedDrive(const GrabbedDrive&) = delete;
    GrabbedDrive& operator=(const GrabbedDrive&) = delete;

    burn_drive* get() const { return drive_; }
    std::string name() const {
        if (burn_drive_get_drive_role(drive_) != 1) return "stdio file";
        return std::string(infos_[0].vendor) + " " + infos_[0].product;
    }

private:
    burn_drive_info* infos_ = nullptr;
    burn_drive* drive_ = nullptr;
    bool eject_;
};

// One closed session with one data track whose source is the image file.
class DiscPlan {
public:
    DiscPlan(const fs::path& iso, std::uint64_t size) {
        disc_ = burn_disc_create();
        session_ = burn_session_create();
        burn_disc_add_session(disc_, session_, BURN_POS_END);
        track_ = burn_track_create();
        burn_track_define_data(track_, 0, 0, 1, BURN_MODE1);
        file_ = burn_file_source_new(iso.c_str(), nullptr);
        if (!file_) throw std::runtime_error("cannot open " + iso.string() + libburn_messages());
        fifo_ = burn_fifo_source_new(file_, block, 2048, 0);   // 4 MiB between file and drive
        if (!fifo_ || burn_track_set_source(track_, fifo_) != BURN_SOURCE_OK)
            throw std::runtime_error("cannot feed " + iso.string() + " to the drive" + libburn_messages());
        burn_track_set_size(track_, static_cast<off_t>(size));
        burn_session_add_track(session_, track_, BURN_POS_END);
    }
    ~DiscPlan() {
        if (fifo_) burn_source_free(fifo_);
        if (file_) burn_source_free(file_);
        burn_track_free(track_);
        burn_session_free(session_);
        burn_disc_free(disc_);
    }
    DiscPlan(const DiscPlan&) = delete;
    DiscPlan& operator=(const DiscPlan&) = delete;
    burn_disc* get() const { return disc_; }

private:
    burn_disc* disc_ = nullptr;
    burn_session* session_ = nullptr;
    burn_track* track_ = nullptr;
    burn_source* file_ = nullptr;
    burn_source* fifo_ = nullptr;
};

void require_blank_media(burn_drive* drive, const std::string& device) {
    enum burn_disc_status status;
    while ((status = burn_disc_get_status(drive)) == BURN_DISC_UNREADY) usleep(100000);
    switch (status) {
        case BURN_DISC_BLANK: return;
        case BURN_DISC_EMPTY: throw std::runtime_error("there is no disc in " + device + ": insert a blank CD-R");
        case BURN_DISC_FULL:
        case BURN_DISC_APPENDABLE:
            throw std::runtime_error("the disc in " + device + " is not blank: insert a blank CD-R (a patient's disc is written once, whole)");
        default: throw std::runtime_error("the disc in " + device + " cannot be used: " + std::to_string(status) + libburn_messages());
    }
}

// libburn presents the "medium" of a stdio: pseudo drive on a file or block device as blank
// whatever it holds (libburn 1.5.4 drive.c: a read-write stdio drive is always BURN_DISC_BLANK)
// and would write over it. What a real drive would call a used disc is found here instead: a
// regular file that has data, a block device whose first 64 KiB are not all zero.
void require_blank_pseudo_drive(const std::string& device) {
    const std::string path = device.substr(std::strlen("stdio:"));
    if (path.empty() || path == "-" || path.starts_with("/dev/fd/")) return;   // no medium, or a stream
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return;                                 // a new file: blank
    const std::string used = "the disc in " + device + " is not blank: ";
    const std::string why = " (a patient's disc is written once, whole: give a new file or an empty device)";
    if (S_ISREG(st.st_mode) && st.st_size > 0)
        throw std::runtime_error(used + "the file already holds " + std::to_string(st.st_size) + " bytes" + why);
    if (!S_ISBLK(st.st_mode)) return;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot read " + device + " to see whether it is blank: " + std::strerror(errno));
    std::vector<char> head(64 * 1024);
    const ssize_t got = ::read(fd, head.data(), head.size());
    ::close(fd);
    if (got < 0) throw std::runtime_error("cannot read " + device + " to see whether it is blank");
    for (ssize_t i = 0; i < got; ++i)
        if (head[static_cast<std::size_t>(i)] != 0) throw std::runtime_error(used + "the device already holds data" + why);
}

// Reads the written disc back and compares it with the image, block range by block range.
void compare_with_image(burn_drive* drive, const fs::path& iso, std::uint64_t size, const BurnOptions& options) {
    if (burn_drive_get_drive_role(drive) == 1) burn_drive_re_assess(drive, 0);   // the media changed under the drive
    std::ifstream image(iso, std::ios::binary);
    std::vector<char> expected(1 << 20), actual(1 << 20);
    for (std::uint64_t offset = 0; offset < size; offset += expected.size()) {
        const auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(expected.size(), size - offset));
        if (!image.read(expected.data(), want)) throw std::runtime_error("cannot read " + iso.string() + " to compare");
        off_t got = 0;
        if (burn_read_data(drive, static_cast<off_t>(offset), actual.data(), want, &got, 2) <= 0 || got != want)
            throw std::runtime_error("the written disc cannot be read back at byte " + std::to_string(offset + static_cast<std::uint64_t>(got)) +
                                     ": the disc is faulty; burn another one" + libburn_messages());
        if (std::memcmp(expected.data(), actual.data(), static_cast<std::size_t>(want)) != 0)
            throw std::runtime_error("the written disc differs from the image near byte " + std::to_string(offset) +
                                     ": the disc is faulty; burn another one");
        if (options.progress) options.progress("verifying", offset + static_cast<std::uint64_t>(want), size);
    }
}

}  // namespace

BurnReport burn_image(const fs::path& iso, const BurnOptions& options) {
    std::error_code ec;
    const std::uint64_t size = fs::file_size(iso, ec);
    if (ec) throw std::runtime_error("cannot read " + iso.string() + ": " + ec.message());
    if (size == 0 || size % block != 0) throw std::runtime_error(iso.string() + " is not a disc image (its size is not whole 2048-byte sectors)");

    Library library;
    GrabbedDrive drive(options.device, options.eject);
    BurnReport report;
    report.drive = drive.name();
    report.simulated = options.simulate;
    report.bytes = size;
    require_blank_media(drive.get(), options.device);
    if (burn_drive_get_drive_role(drive.get()) != 1) require_blank_pseudo_drive(options.device);
    int profile = 0;
    char profile_name[80] = {};
    burn_disc_get_profile(drive.get(), &profile, profile_name);
    report.media = profile_name[0] ? profile_name : "unknown";

    DiscPlan plan(iso, size);
    std::unique_ptr<burn_write_opts, decltype(&burn_write_opts_free)> opts(burn_write_opts_new(drive.get()), burn_write_opts_free);
    burn_write_opts_set_perform_opc(opts.get(), 0);
    burn_write_opts_set_multi(opts.get(), 0);   // close the disc: nothing can be appended later
    burn_write_opts_set_simulate(opts.get(), options.simulate ? 1 : 0);
    burn_write_opts_set_underrun_proof(opts.get(), 1);
    burn_drive_set_speed(drive.get(), 0, 0);
    char reasons[BURN_REASONS_LEN] = {};
    const enum burn_write_types type = burn_write_opts_auto_write_type(opts.get(), plan.get(), reasons, 0);
    if (type == BURN_WRITE_NONE)
        throw std::runtime_error("the drive cannot write this disc (" + report.media + "): " + reasons + libburn_messages());
    report.write_type = type == BURN_WRITE_SAO ? "SAO" : "TAO";
    const off_t space = burn_disc_available_space(drive.get(), opts.get());
    if (space > 0 && static_cast<std::uint64_t>(space) < size)
        throw std::runtime_error("the disc in " + options.device + " is too small: it holds " + mib(static_cast<std::uint64_t>(space)) +
                                 ", the image needs " + mib(size) + ": use a larger disc, or pack again with a smaller --media");

    burn_disc_write(opts.get(), plan.get());
    while (burn_drive_get_status(drive.get(), nullptr) == BURN_DRIVE_SPAWNING) usleep(100000);
    burn_progress progress{};
    while (burn_drive_get_status(drive.get(), &progress) != BURN_DRIVE_IDLE) {
        if (options.progress && progress.sectors > 0)
            options.progress(options.simulate ? "simulating" : "writing", static_cast<std::uint64_t>(progress.sector) * block,
                             static_cast<std::uint64_t>(progress.sectors) * block);
        usleep(200000);
    }
    if (!burn_drive_wrote_well(drive.get()))
        throw std::runtime_error(std::string(options.simulate ? "the simulated burn" : "the burn") + " failed" + libburn_messages() +
                                 (options.simulate ? "" : ": this disc may be unusable"));
    if (!options.simulate) {
        compare_with_image(drive.get(), iso, size, options);
        report.verified = true;
    }
    return report;
}

}  // namespace ssmix::packager
