// packager/commands/dicom_command.cpp — `ssmix dicom echo|find|fetch|receive`: the hospital's
// PACS and modalities over the DICOM network (packager/dicom_net, DCMTK's dcmnet).
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/clinical/dates.h"
#include "core/dicom/text.h"
#include "packager/commands/command.h"
#include "packager/dicom_net/fetch.h"
#include "packager/dicom_net/receiver.h"
#include "packager/support/console.h"
#include "packager/support/event_log.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct PeerOptions {
    std::string peer;
    NetworkOptions network;
    bool json = false;
};

void add_peer_options(CLI::App& cli, PeerOptions& o) {
    cli.add_option("peer", o.peer, "The PACS or modality: AET@HOST:PORT (e.g. ORTHANC@192.168.1.20:4242)")->required();
    cli.add_option("--calling-ae", o.network.calling_ae, "Our AE title (default SSMIXCARRY)");
    cli.add_option("--timeout", o.network.timeout_seconds, "Seconds to wait for the peer: connecting, each message (default 30)")
        ->check(CLI::PositiveNumber);
}

int usage_error(const std::string& command, const std::string& message) {
    std::cerr << "ssmix dicom " << command << ": " << message << "\n";
    return exit_usage;
}

// The peer and our AE title, checked; exit_usage with a message when they are not right.
std::optional<DicomPeer> checked_peer(const std::string& command, const PeerOptions& o) {
    std::string problem;
    auto peer = parse_peer(o.peer, problem);
    if (peer && valid_ae_title(o.network.calling_ae, problem)) return peer;
    std::cerr << "ssmix dicom " << command << ": " << problem << "\n";
    return std::nullopt;
}

struct QueryOptions {
    std::string patient, name, from, to, modality;
    std::vector<std::string> studies;
};

void add_query_options(CLI::App& cli, QueryOptions& q, bool name_allowed) {
    cli.add_option("--patient", q.patient, "Patient ID");
    if (name_allowed) cli.add_option("--name", q.name, "Patient's name (kanji, kana or roman letters; each word matched anywhere)");
    cli.add_option("--from", q.from, "First study date (YYYYMMDD)");
    cli.add_option("--to", q.to, "Last study date (YYYYMMDD)");
    cli.add_option("--modality", q.modality, "Only studies with these modalities, e.g. CT,MR");
}

StudyQuery to_query(const QueryOptions& q) { return {q.patient, q.name, q.from, q.to, comma_separated(q.modality), q.studies}; }

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

nlohmann::ordered_json study_json(const StudyAnswer& s) {
    nlohmann::ordered_json j = {{"patientId", s.patient_id}, {"patientName", s.patient_name}, {"birthDate", s.birth_date}, {"sex", s.sex},
                                {"studyInstanceUid", s.study_uid}, {"date", s.date}, {"time", s.time}, {"description", s.description},
                                {"accession", s.accession}, {"modalities", s.modalities}};
    j["series"] = s.series ? nlohmann::ordered_json(*s.series) : nlohmann::ordered_json();
    j["instances"] = s.instances ? nlohmann::ordered_json(*s.instances) : nlohmann::ordered_json();
    return j;
}

// Studies grouped under their patient, so two patients never read as one.
void print_studies(const std::vector<StudyAnswer>& studies) {
    std::string patient;
    for (const auto& s : studies) {
        if (s.patient_id != patient) {
            patient = s.patient_id;
            std::cout << "患者 " << s.patient_id << "  " << dicom::display_person_name(s.patient_name) << "  "
                      << clinical::display_date(s.birth_date) << "  " << s.sex << "\n";
        }
        std::cout << "  " << clinical::display_date(s.date) << "  " << join(s.modalities, "/") << "  " << s.description << "  "
                  << (s.series ? std::to_string(*s.series) : "?") << " series, " << (s.instances ? std::to_string(*s.instances) : "?")
                  << " instances  " << s.study_uid << "\n";
    }
    if (studies.empty()) std::cout << "No study matches.\n";
}

int finish(const std::vector<Diagnostic>& diagnostics, bool json, nlohmann::ordered_json out, bool ok) {
    if (json) {
        out["ok"] = ok && count_errors(diagnostics) == 0;
        out["diagnostics"] = diagnostics_json(diagnostics);
        std::cout << out.dump(2) << '\n';
    } else {
        print_diagnostics(diagnostics);
    }
    return ok && count_errors(diagnostics) == 0 ? exit_ok : exit_data_problem;
}

// SIGINT and SIGTERM go to one thread that asks the receiver to stop, whatever the DCMTK threads
// are doing (they inherit the blocked mask).
class StopOnSignal {
public:
    explicit StopOnSignal(std::function<void(int)> stop) {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        sigaddset(&set_, SIGUSR1);   // our own wake-up when the receiver ends by itself
        pthread_sigmask(SIG_BLOCK, &set_, nullptr);
        thread_ = std::thread([this, stop = std::move(stop)] {
            int signal = 0;
            sigwait(&set_, &signal);
            if (signal != SIGUSR1) stop(signal);
        });
    }
    ~StopOnSignal() {
        pthread_kill(thread_.native_handle(), SIGUSR1);
        thread_.join();
    }

private:
    sigset_t set_;
    std::thread thread_;
};

}  // namespace

Command add_dicom_command(CLI::App& app) {
    CLI::App* dicom = app.add_subcommand("dicom", "The PACS and modalities over the DICOM network: echo, find, fetch, receive");
    dicom->require_subcommand(1);
    auto run = std::make_shared<std::function<int()>>();

    // echo
    auto echo = std::make_shared<PeerOptions>();
    CLI::App* echo_cli = dicom->add_subcommand("echo", "C-ECHO: does the peer answer? (exit 0 when it does)");
    add_peer_options(*echo_cli, *echo);
    echo_cli->add_flag("--json", echo->json, "Print the result as JSON");
    echo_cli->callback([run, echo] {
        *run = [echo] {
            const auto peer = checked_peer("echo", *echo);
            if (!peer) return static_cast<int>(exit_usage);
            auto answer = PacsClient(*peer, echo->network).echo();
            if (!echo->json && answer.value) std::cout << peer->text() << " answered C-ECHO\n";
            return finish(answer.diagnostics, echo->json, {{"peer", peer->text()}}, answer.value.has_value());
        };
    });

    // find
    auto find = std::make_shared<PeerOptions>();
    auto find_query = std::make_shared<QueryOptions>();
    CLI::App* find_cli = dicom->add_subcommand("find", "C-FIND: a patient's studies on the peer, by ID or by name");
    add_peer_options(*find_cli, *find);
    add_query_options(*find_cli, *find_query, true);
    find_cli->add_flag("--json", find->json, "Print the studies as JSON (UTF-8)");
    find_cli->callback([run, find, find_query] {
        *run = [find, find_query] {
            const auto peer = checked_peer("find", *find);
            if (!peer) return static_cast<int>(exit_usage);
            if (find_query->patient.empty() == find_query->name.empty()) return usage_error("find", "give --patient ID or --name NAME");
            auto studies = PacsClient(*peer, find->network).find_studies(to_query(*find_query));
            nlohmann::ordered_json out = {{"peer", peer->text()}, {"studies", nlohmann::ordered_json::array()}};
            if (studies.value) {
                for (const auto& s : *studies.value) out["studies"].push_back(study_json(s));
                if (!find->json) print_studies(*studies.value);
            }
            return finish(studies.diagnostics, find->json, out, studies.value.has_value());
        };
    });

    // fetch
    auto fetch = std::make_shared<PeerOptions>();
    auto fetch_query = std::make_shared<QueryOptions>();
    auto fetch_out = std::make_shared<fs::path>();
    auto fetch_method = std::make_shared<std::string>("get");
    auto fetch_port = std::make_shared<unsigned>(0);
    CLI::App* fetch_cli = dicom->add_subcommand("fetch", "Retrieve a patient's studies into a folder (C-GET, or C-MOVE to us)");
    add_peer_options(*fetch_cli, *fetch);
    add_query_options(*fetch_cli, *fetch_query, false);
    fetch_cli->add_option("--study", fetch_query->studies, "Only this Study Instance UID (repeat for more)");
    fetch_cli->add_option("-o,--output", *fetch_out, "Folder for the studies (<patient>/<study>/<series>/<instance>.dcm)")->required();
    fetch_cli->add_option("--method", *fetch_method, "get (default: C-GET) or move (C-MOVE to our AE title on --port)");
    fetch_cli->add_option("--port", *fetch_port, "With --method move: the port our storage SCP listens on (the PACS must know it)");
    fetch_cli->add_flag("--json", fetch->json, "Print the result as JSON");
    fetch_cli->callback([run, fetch, fetch_query, fetch_out, fetch_method, fetch_port] {
        *run = [=] {
            const auto peer = checked_peer("fetch", *fetch);
            if (!peer) return static_cast<int>(exit_usage);
            if (fetch_query->patient.empty()) return usage_error("fetch", "--patient ID is required");
            if (*fetch_method != "get" && *fetch_method != "move") return usage_error("fetch", "--method is get or move");
            if (*fetch_method == "move" && (*fetch_port == 0 || *fetch_port > 65535))
                return usage_error("fetch", "--method move needs --port (where the PACS sends the instances)");
            FetchRequest request{*peer, fetch->network, to_query(*fetch_query), *fetch_out,
                                 *fetch_method == "move" ? RetrieveMethod::move : RetrieveMethod::get, static_cast<std::uint16_t>(*fetch_port)};
            try {
                const FetchResult result = fetch_studies(request, [](const std::string& line) { std::cerr << line << "\n"; });
                nlohmann::ordered_json out = {{"peer", peer->text()}, {"output", fs::absolute(*fetch_out).string()}, {"studies", nlohmann::ordered_json::array()}};
                unsigned total = 0;
                for (const auto& s : result.studies) {
                    auto j = study_json(s.study);
                    j["expected"] = s.expected, j["received"] = s.received, j["missing"] = s.missing;
                    out["studies"].push_back(j);
                    total += s.received;
                }
                if (!fetch->json)
                    std::cout << "Retrieved " << total << " instances of " << result.studies.size() << " studies into "
                              << fs::absolute(*fetch_out).string() << (result.complete() ? "" : " (incomplete: see above)") << "\n";
                return finish(result.diagnostics, fetch->json, out, result.complete());
            } catch (const std::exception& e) {
                std::cerr << "ssmix dicom fetch: " << e.what() << "\n";
                return static_cast<int>(exit_data_problem);
            }
        };
    });

    // receive
    auto receive = std::make_shared<ReceiverSettings>();
    auto store_dir = std::make_shared<fs::path>();
    auto allow = std::make_shared<std::vector<std::string>>();
    auto receive_json = std::make_shared<bool>(false);
    auto log_file = std::make_shared<fs::path>();
    CLI::App* receive_cli = dicom->add_subcommand("receive", "A storage SCP: modalities and PACS push studies to us (C-STORE)");
    receive_cli->add_option("--store", *store_dir, "Folder for what arrives (<patient>/<study>/<series>/<instance>.dcm)")->required();
    receive_cli->add_option("--port", receive->port, "TCP port to listen on")->required()->check(CLI::Range(1, 65535));
    receive_cli->add_option("--ae-title", receive->ae_title, "Our AE title (default SSMIXCARRY); other called AE titles are refused");
    receive_cli->add_option("--allow", *allow, "Accept only this peer, AET@HOST (repeat for more; default: any)");
    receive_cli->add_option("--timeout", receive->timeout_seconds, "Close an association silent this many seconds (default 60)")->check(CLI::PositiveNumber);
    receive_cli->add_option("--log", *log_file, "Write the log to this file instead of stderr");
    receive_cli->add_flag("--json", *receive_json, "Log one JSON object per line");
    receive_cli->callback([run, receive, store_dir, allow, receive_json, log_file] {
        *run = [=] {
            std::string problem;
            if (!valid_ae_title(receive->ae_title, problem)) return usage_error("receive", problem);
            for (const auto& text : *allow) {
                auto peer = parse_allowed_peer(text, problem);
                if (!peer) return usage_error("receive", problem);
                receive->allow.push_back(*peer);
            }
            try {
                ReceivedStore store(*store_dir);
                EventLog log(*log_file, *receive_json);
                receive->store = &store;
                receive->on_event = [&log](const ReceiverEvent& e) {
                    nlohmann::ordered_json fields = {{"peer", e.peer}};
                    if (e.instance) {
                        fields["result"] = to_string(e.instance->outcome);
                        fields["status"] = e.instance->status;
                        fields["sop"] = e.instance->sop_instance_uid;
                        fields["path"] = e.instance->path;
                    }
                    if (!e.detail.empty()) fields["detail"] = e.detail;
                    log.write(e.kind, fields);
                };
                Receiver receiver(*receive);
                StopOnSignal signals([&](int signal) {
                    log.write("stopping", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
                    receiver.stop();
                });
                std::cout << "listening " << receive->ae_title << " " << receive->port << std::endl;
                if (!receiver.run(problem)) {
                    std::cerr << "ssmix dicom receive: " << problem << "\n";
                    return static_cast<int>(exit_data_problem);
                }
                log.write("stopped", {});
                return static_cast<int>(exit_ok);
            } catch (const std::exception& e) {
                std::cerr << "ssmix dicom receive: " << e.what() << "\n";
                return static_cast<int>(exit_data_problem);
            }
        };
    });
    return {dicom, [run] { return (*run)(); }};
}

}  // namespace ssmix::packager
