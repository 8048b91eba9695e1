// packager/commands/check_command.cpp — `ssmix check DIR`: validates a standardized storage; one
// finding per line ("file:segment: place: severity: message [code]"), or JSON.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/ssmix2/storage_check.h"
#include "packager/commands/command.h"
#include "packager/support/console.h"
#include "packager/support/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct CheckOptions {
    fs::path storage;
    bool json = false;
};

int run_check(const CheckOptions& options) {
    if (!fs::is_directory(options.storage)) {
        std::cerr << "ssmix check: " << options.storage.string() << " is not a folder\n";
        return exit_usage;
    }
    DiskFiles files(options.storage);
    const auto result = ssmix2::check_storage(files, options.storage.string());
    const std::size_t errors = count_errors(result.findings);
    if (options.json) {
        std::cout << nlohmann::ordered_json{{"ok", errors == 0},
                                            {"storage", fs::absolute(options.storage).string()},
                                            {"files", result.files},
                                            {"errors", errors},
                                            {"warnings", result.findings.size() - errors},
                                            {"findings", diagnostics_json(result.findings)}}
                         .dump(2)
                  << '\n';
    } else {
        for (const auto& finding : result.findings) std::cout << to_string(finding) << '\n';
        std::cerr << "Checked " << result.files << " files: " << errors << " errors, " << result.findings.size() - errors
                  << " warnings\n";
    }
    return errors == 0 ? exit_ok : exit_data_problem;
}

}  // namespace

Command add_check_command(CLI::App& app) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* cli = app.add_subcommand("check", "Validate an SS-MIX2 standardized storage: paths, names, encoding, content");
    cli->add_option("storage", options->storage, "Root folder of the standardized storage")->required();
    cli->add_flag("--json", options->json, "Print the findings as JSON");
    return {cli, [options] { return run_check(*options); }};
}

}  // namespace ssmix::packager
