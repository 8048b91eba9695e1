// packager/commands/listen_command.cpp — `ssmix listen`: the storage on the network (HL7 over MLLP).
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "packager/commands/command.h"
#include "packager/support/console.h"
#include "packager/listen/listener.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

Command add_listen_command(CLI::App& app) {
    auto options = std::make_shared<ListenOptions>();
    auto idle_seconds = std::make_shared<long>(300);
    auto json = std::make_shared<bool>(false);
    CLI::App* cli = app.add_subcommand("listen", "Receive HL7 v2 messages over TCP (MLLP) and store them in an SS-MIX2 storage");
    cli->add_option("--storage", options->storage, "Root folder of the standardized storage (created if missing)")->required();
    cli->add_option("--rejected", options->rejected,
                    "Folder for messages that cannot be stored, each with a .reason.txt (default: <storage>/../rejected)");
    cli->add_option("--bind", options->bind, "Address to listen on (default 127.0.0.1)");
    cli->add_option("--port", options->port, "TCP port (default 2575; 0 = any free port, printed on stdout)");
    cli->add_option("--max-frame", options->max_frame_bytes, "Largest message accepted, in bytes (default 16 MiB)");
    cli->add_option("--idle-timeout", *idle_seconds, "Close a connection silent for this many seconds (default 300)")
        ->check(CLI::PositiveNumber);
    cli->add_option("--log", options->log_file, "Write the message log to this file instead of stderr");
    cli->add_flag("--json", *json, "Log one JSON object per line");
    cli->add_option("--transactions", options->transactions.root,
                    "Also append every stored message to an SS-MIX2 transaction storage in this folder");
    cli->add_option("--facility-id", options->transactions.facility_id, "Facility ID (10 characters) for the transaction headers")
        ->check([](const std::string& id) { return id.size() == 10 ? std::string() : std::string("must be 10 characters"); });
    return {cli, [options, idle_seconds, json] {
                options->idle_timeout = std::chrono::seconds(*idle_seconds);
                options->json_log = *json;
                if (options->rejected.empty()) options->rejected = options->storage.parent_path() / "rejected";
                try {
                    return run_listener(*options);
                } catch (const std::exception& e) {
                    std::cerr << "ssmix listen: " << e.what() << "\n";
                    return static_cast<int>(exit_data_problem);
                }
            }};
}

}  // namespace ssmix::packager
