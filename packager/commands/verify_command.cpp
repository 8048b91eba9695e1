// packager/commands/verify_command.cpp — `ssmix verify OUT.iso|OUTDIR`: reads the disc back and checks
// it (packager/disc/disc_verify.h); exit 0 only if everything holds.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "packager/commands/command.h"
#include "packager/support/console.h"
#include "packager/disc/disc_verify.h"
#include "packager/disc/iso_files.h"
#include "packager/support/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct VerifyOptions {
    fs::path disc;
    bool json = false;
};

int run_verify(const VerifyOptions& options) {
    DiscVerification result;
    std::string kind;
    try {
        if (fs::is_directory(options.disc)) {
            kind = "tree";
            DiskFiles files(options.disc);
            result = verify_disc(files, nullptr, options.disc.string());
        } else if (fs::is_regular_file(options.disc)) {
            kind = "image";
            IsoFiles files(options.disc, false);
            const IsoFiles plain(options.disc, true);
            result = verify_disc(files, &plain, options.disc.string());
            if (!files.has_joliet() || !files.has_rock_ridge())
                result.findings.push_back(error({options.disc.string(), 0, ""}, "verify.iso.extensions",
                                                "the image lacks Joliet or Rock Ridge names: long SS-MIX2 names are lost"));
        } else {
            std::cerr << "ssmix verify: " << options.disc.string() << " is neither an image file nor a folder\n";
            return exit_usage;
        }
    } catch (const std::exception& e) {
        result.findings.push_back(error({options.disc.string(), 0, ""}, "verify.unreadable", e.what()));
    }
    const bool ok = count_errors(result.findings) == 0;
    if (options.json) {
        std::cout << nlohmann::ordered_json{{"ok", ok}, {"disc", options.disc.string()}, {"kind", kind}, {"files", result.paths},
                                            {"dicomReferences", result.dicom_references}, {"xdmDocuments", result.xdm_documents},
                                            {"bundledFiles", result.bundled_files},
                                            {"findings", diagnostics_json(result.findings)}}
                         .dump(2)
                  << '\n';
    } else {
        for (const auto& f : result.findings) std::cout << to_string(f) << '\n';
        std::cerr << (ok ? "OK: " : "PROBLEMS: ") << kind << " with " << result.paths.size() << " files, " << result.dicom_references
                  << " DICOMDIR references, " << result.xdm_documents << " XDM documents, " << result.bundled_files << " files in the viewer data; " << result.findings.size()
                  << " findings\n";
    }
    return ok ? exit_ok : exit_data_problem;
}

}  // namespace

Command add_verify_command(CLI::App& app) {
    auto options = std::make_shared<VerifyOptions>();
    CLI::App* cli = app.add_subcommand("verify", "Read a disc image or tree back and check checksums, DICOMDIR, names and viewer data");
    cli->add_option("disc", options->disc, "ISO image or disc folder")->required();
    cli->add_flag("--json", options->json, "Print the findings as JSON");
    return {cli, [options] { return run_verify(*options); }};
}

}  // namespace ssmix::packager
