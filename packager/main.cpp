// packager/main.cpp — `ssmix`: the SS-MIX Carry command-line tool for hospital IT staff.
// Exit status: 0 done, 1 problems with the data (each reported), 2 usage errors.
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "packager/commands/command.h"
#include "packager/support/console.h"

int main(int argc, char** argv) {
    using namespace ssmix::packager;
    CLI::App app{"SS-MIX Carry: carries a patient's SS-MIX2 records and images to the receiving physician on a CD-R.", "ssmix"};
    app.set_version_flag("--version", std::string("ssmix ") + SSMIX_VERSION);
    app.require_subcommand(1);

    std::vector<Command> commands = {add_ingest_command(app), add_check_command(app), add_show_command(app),
                                     add_hl7_command(app), add_listen_command(app), add_pack_command(app),
                                     add_verify_command(app), add_burn_command(app), add_cda_command(app),
                                     add_referral_command(app), add_provide_command(app), add_clins_command(app), add_dicom_command(app),
                                     add_fhir_command(app)};

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_usage;
    }
    for (const auto& command : commands)
        if (command.cli->parsed()) return command.run();
    return exit_usage;
}
