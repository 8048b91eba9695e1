// packager/commands/command.h — how a subcommand plugs into `ssmix`: it declares its options on a
// CLI11 sub-app and returns the function that runs it (returning the exit code).
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace ssmix::packager {

struct Command {
    CLI::App* cli = nullptr;
    std::function<int()> run;
};

[[nodiscard]] Command add_burn_command(CLI::App& app);
[[nodiscard]] Command add_cda_command(CLI::App& app);
[[nodiscard]] Command add_clins_command(CLI::App& app);
[[nodiscard]] Command add_dicom_command(CLI::App& app);
[[nodiscard]] Command add_fhir_command(CLI::App& app);
[[nodiscard]] Command add_check_command(CLI::App& app);
[[nodiscard]] Command add_hl7_command(CLI::App& app);
[[nodiscard]] Command add_ingest_command(CLI::App& app);
[[nodiscard]] Command add_listen_command(CLI::App& app);
[[nodiscard]] Command add_pack_command(CLI::App& app);
[[nodiscard]] Command add_provide_command(CLI::App& app);
[[nodiscard]] Command add_referral_command(CLI::App& app);
[[nodiscard]] Command add_show_command(CLI::App& app);
[[nodiscard]] Command add_verify_command(CLI::App& app);

}  // namespace ssmix::packager
