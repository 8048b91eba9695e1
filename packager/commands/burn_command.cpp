// packager/commands/burn_command.cpp — `ssmix burn OUT.iso --device DEV`: checks the image as `ssmix
// verify` does (a faulty image is never burnt), burns it with libburn and reads it back.
#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "packager/commands/command.h"
#include "packager/support/console.h"
#include "packager/disc/burner.h"
#include "packager/disc/disc_verify.h"
#include "packager/disc/iso_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct BurnCommandOptions {
    fs::path iso;
    BurnOptions burn;
    bool json = false;
};

int fail(const BurnCommandOptions& options, const std::string& message, const std::vector<Diagnostic>& findings = {}) {
    if (options.json) {
        std::cout << nlohmann::ordered_json{{"ok", false}, {"image", options.iso.string()}, {"device", options.burn.device},
                                            {"error", message}, {"findings", diagnostics_json(findings)}}
                         .dump(2)
                  << '\n';
    } else {
        print_diagnostics(findings);
        std::cerr << "ssmix burn: " << message << "\n";
    }
    return exit_data_problem;
}

int run_burn(BurnCommandOptions& options) {
    if (!fs::is_regular_file(options.iso)) {
        std::cerr << "ssmix burn: " << options.iso.string() << " is not a file\n";
        return exit_usage;
    }
    try {
        IsoFiles files(options.iso, false);
        const IsoFiles plain(options.iso, true);
        const DiscVerification check = verify_disc(files, &plain, options.iso.string());
        if (count_errors(check.findings) > 0)
            return fail(options, "the image did not pass the checks of ssmix verify; nothing was burnt", check.findings);
    } catch (const std::exception& e) {
        return fail(options, std::string(e.what()) + "; nothing was burnt");
    }

    std::optional<Progress> progress;
    std::string phase;
    options.burn.progress = [&](const char* now, std::uint64_t done, std::uint64_t total) {
        if (phase != now) {
            phase = now;
            progress.emplace(std::string("Burn: ") + now + " (bytes)");
        }
        progress->update(done, total);
    };
    try {
        const BurnReport report = burn_image(options.iso, options.burn);
        progress.reset();
        if (options.json) {
            std::cout << nlohmann::ordered_json{{"ok", true},           {"image", options.iso.string()}, {"device", options.burn.device},
                                                {"drive", report.drive}, {"media", report.media},        {"writeType", report.write_type},
                                                {"bytes", report.bytes}, {"simulated", report.simulated}, {"verified", report.verified}}
                             .dump(2)
                      << '\n';
        } else {
            std::cout << (report.simulated ? "Simulated burn (nothing written): " : "Burnt and read back identical: ") << options.iso.string()
                      << " -> " << options.burn.device << " (" << report.drive << ", " << report.media << ", " << report.write_type << ", "
                      << report.bytes << " bytes)\n";
        }
        return exit_ok;
    } catch (const std::exception& e) {
        progress.reset();
        return fail(options, e.what());
    }
}

}  // namespace

Command add_burn_command(CLI::App& app) {
    auto options = std::make_shared<BurnCommandOptions>();
    CLI::App* cli = app.add_subcommand("burn", "Burn a disc image made by `ssmix pack` to a blank CD-R/DVD and read it back to check it");
    cli->add_option("image", options->iso, "The ISO image (from ssmix pack -o)")->required();
    cli->add_option("--device", options->burn.device, "The writer, e.g. /dev/sr0 (or stdio:PATH to write a file as if it were a disc)")
        ->required();
    cli->add_flag("--dummy", options->burn.simulate, "Simulate: the drive goes through the motions, nothing is written");
    cli->add_flag("--eject", options->burn.eject, "Eject the disc when done");
    cli->add_flag("--json", options->json, "Print the result as JSON");
    return {cli, [options] { return run_burn(*options); }};
}

}  // namespace ssmix::packager
