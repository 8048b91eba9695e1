// packager/commands/pack_command.cpp — `ssmix pack`: one patient's disc. The plan decides what
// goes on it (packager/disc/disc_plan.h); the writers put it into a hidden tree in this order
// (SS-MIX2, documents, viewer, DICOM with key images and the viewer's data, README.TXT, the
// static page, SHA256.TXT), then the ISO image and the tree take their final names.
#include <unistd.h>

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/base/disc_names.h"
#include "core/base/local_time.h"
#include "packager/commands/command.h"
#include "packager/dicom_net/fetch.h"
#include "packager/disc/checksums.h"
#include "packager/disc/disc_verify.h"
#include "packager/disc/disc_plan.h"
#include "packager/disc/disc_tree.h"
#include "packager/disc/document_writer.h"
#include "packager/disc/image_inputs.h"
#include "packager/disc/image_writer.h"
#include "packager/disc/iso_writer.h"
#include "packager/disc/pack_report.h"
#include "packager/disc/readme_text.h"
#include "packager/disc/static_page.h"
#include "packager/disc/viewer_bundle.h"
#include "packager/support/console.h"
#include "packager/support/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct PackOptions {
    PackRequest request;
    std::string media = "cd650";
    fs::path iso, tree, viewer_dir;
    bool no_bundle = false, dry_run = false, json = false;
    std::string pacs, pacs_method = "get", modality;   // --pacs: the images come from a PACS
    unsigned pacs_port = 0;
    NetworkOptions network;
};

// The folder a --pacs retrieve fills, beside the output, removed whatever happens.
class PacsFolder {
public:
    explicit PacsFolder(const fs::path& near) : path_(fs::absolute(near).parent_path() / (".ssmix-pacs-" + std::to_string(::getpid()))) {}
    ~PacsFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    PacsFolder(const PacsFolder&) = delete;
    PacsFolder& operator=(const PacsFolder&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

int usage(const std::string& message) {
    std::cerr << "ssmix pack: " << message << "\n";
    return exit_usage;
}

int fail(std::vector<Diagnostic> diagnostics, const std::string& message, bool json) {
    if (!message.empty()) diagnostics.push_back(error({"ssmix pack", 0, ""}, "pack.failed", message));
    if (json) std::cout << nlohmann::ordered_json{{"ok", false}, {"diagnostics", diagnostics_json(diagnostics)}}.dump(2) << '\n';
    else print_diagnostics(diagnostics);
    return exit_data_problem;
}

int run_pack(PackOptions& o) {
    PackRequest& request = o.request;
    const auto media = parse_media(o.media);
    if (!media) return usage("--media must be cd650, cd700 or dvd");
    request.media = *media;
    request.bundle = !o.no_bundle;
    if (o.iso.empty() && o.tree.empty() && !o.dry_run) return usage("say where the disc goes: -o OUT.iso and/or --tree FOLDER");
    if (!request.storage.empty() && request.patient.empty()) return usage("--storage needs --patient ID");
    if (!request.extended.empty() && request.patient.empty()) return usage("--extended needs --patient ID");
    if (!request.extended.empty() && !fs::is_directory(request.extended)) return usage("--extended " + request.extended.string() + " is not a folder");
    if (!o.pacs.empty() && request.patient.empty()) return usage("--pacs needs --patient ID");
    if (o.pacs_method != "get" && o.pacs_method != "move") return usage("--pacs-method is get or move");
    if (request.storage.empty() && request.extended.empty() && request.dicom.empty() && request.documents.empty() && o.pacs.empty())
        return usage("nothing to pack: give --storage and --patient, --extended, --dicom and/or --document");
    std::string problem;
    const auto viewer = find_viewer(o.viewer_dir, problem);
    if (!viewer) return fail({}, problem, o.json);
    request.viewer = *viewer;

    try {
        if (!o.iso.empty()) check_output_folder(o.iso, "-o");
        if (!o.tree.empty()) check_output_folder(o.tree, "--tree");
        std::optional<PacsFolder> pacs_folder;
        if (!o.pacs.empty()) {
            const auto peer = parse_peer(o.pacs, problem);
            if (!peer) return usage("--pacs: " + problem);
            if (o.pacs_method == "move" && o.pacs_port == 0) return usage("--pacs-method move needs --pacs-port (where the PACS sends the images)");
            pacs_folder.emplace(o.iso.empty() ? o.tree : o.iso);
            const FetchRequest fetch{*peer, o.network, {request.patient, "", request.from, request.to, comma_separated(o.modality), {}}, pacs_folder->path(),
                                     o.pacs_method == "move" ? RetrieveMethod::move : RetrieveMethod::get, static_cast<std::uint16_t>(o.pacs_port)};
            FetchResult fetched = fetch_studies(fetch, [](const std::string& line) { std::cerr << line << "\n"; });
            if (!fetched.complete())
                return fail(std::move(fetched.diagnostics), "the images could not all be retrieved from " + peer->text() + "; nothing was written", o.json);
            request.dicom.push_back(pacs_folder->path());
        }
        ImageInputs images_given(o.iso.empty() ? o.tree : o.iso);
        request.dicom = images_given.resolve(request.dicom);
        auto planned = plan_disc(request);
        if (!planned.value) return fail(std::move(planned.diagnostics), "", o.json);
        const DiscPlan& plan = *planned.value;
        if (o.dry_run) {
            print_plan(plan, o.json);
            return count_errors(plan.diagnostics) == 0 ? exit_ok : exit_data_problem;
        }

        DiscTreeWriter tree(o.tree, fs::absolute(o.iso.empty() ? o.tree : o.iso).parent_path());
        for (const auto& file : plan.ssmix2) tree.copy(file.disc_path, file.source);
        write_documents(plan, tree);
        tree.copy(std::string(disc::viewer_script), plan.viewer.viewer_js);
        tree.copy(std::string(disc::index_page), plan.viewer.index_htm);
        std::optional<ViewerBundleWriter> bundle;
        if (plan.bundle) {
            bundle.emplace(tree, bundle_room(plan));
            for (const auto& d : plan.documents) bundle->add_file(d.xdm_path);
            if (!plan.documents.empty()) bundle->add_file(std::string(disc::xdm_metadata));
            for (const auto& file : plan.ssmix2) bundle->add_file(file.disc_path);
            bundle->end_start_files(!plan.instances.empty());
        }
        WrittenImages images = write_images(plan, tree, bundle ? &*bundle : nullptr, o.tree.empty());
        std::vector<Diagnostic> diagnostics = plan.diagnostics;
        diagnostics.insert(diagnostics.end(), images.diagnostics.begin(), images.diagnostics.end());
        if (plan.ssmix2.empty() && images.paths.empty() && plan.documents.empty())
            return fail(std::move(diagnostics), "nothing could be written for patient " + plan.patient_id + ": see the problems above", o.json);
        ViewerBundle data;
        if (bundle) {
            if (!images.paths.empty()) bundle->add_dicomdir();
            data = bundle->finish();
        } else {
            write_empty_viewer_data(tree);
        }

        DiscSummary summary = plan.summary;
        summary.not_in_viewer_bundle = data.left_out;
        tree.write(std::string(disc::readme), as_bytes(readme_text(summary)));
        std::vector<DocumentLink> documents = document_links(plan);
        documents.insert(documents.end(), images.reports.begin(), images.reports.end());
        tree.write(std::string(disc::static_page),
                   as_bytes(static_page_html(plan.record ? &*plan.record : nullptr, summary, images.key_images, documents)));
        std::map<std::string, std::string> digests = images.digests;
        for (const auto& file : data.manifest.files) digests.emplace(file.path, file.sha256);
        write_checksums(tree, std::move(digests));
        // The disc is checked as `ssmix verify` would check it before it takes its name.
        DiskFiles staged(tree.root());
        const DiscVerification own_check = verify_disc(staged, nullptr, "the disc being written");
        if (!own_check.findings.empty()) {
            diagnostics.insert(diagnostics.end(), own_check.findings.begin(), own_check.findings.end());
            return fail(std::move(diagnostics), "the disc does not pass its own check (above); nothing was written", o.json);
        }
        const std::uint64_t disc_bytes = tree.disc_bytes();
        if (disc_bytes > plan.budget)
            return fail(std::move(diagnostics), too_large_message(disc_bytes, plan.media) + "; nothing was written", o.json);

        std::uint64_t iso_bytes = 0;
        if (!o.iso.empty()) {
            Progress progress("Writing the image (bytes)");
            const std::string volume = "SSMIX_" + plan.patient_id + "_" + local_time_now("%Y-%m-%d");
            iso_bytes = write_iso_image(tree.root(), o.iso,
                                        {volume_id_from(volume), "SS-MIX CARRY",
                                         [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); }});
        }
        if (!o.tree.empty()) tree.commit();
        const fs::path tree_path = o.tree.empty() ? fs::path() : fs::absolute(o.tree).lexically_normal();
        const fs::path iso_path = o.iso.empty() ? fs::path() : fs::absolute(o.iso).lexically_normal();
        print_result({plan, images, data, disc_bytes, iso_bytes, iso_path, tree_path, diagnostics}, o.json);
        return count_errors(diagnostics) == 0 ? exit_ok : exit_data_problem;
    } catch (const std::exception& e) {
        return fail({}, e.what(), o.json);
    }
}

}  // namespace

Command add_pack_command(CLI::App& app) {
    auto o = std::make_shared<PackOptions>();
    PackRequest& r = o->request;
    CLI::App* cli = app.add_subcommand("pack", "Write one patient's disc: SS-MIX2 data, DICOM images, the viewer, as an ISO image and/or a folder");
    cli->add_option("--storage", r.storage, "SS-MIX2 standardized storage to take the patient's messages from");
    cli->add_option("--patient", r.patient, "Patient ID (required with --storage; else taken from the DICOM files)");
    cli->add_option("--from", r.from, "First care date to include (YYYYMMDD)");
    cli->add_option("--to", r.to, "Last care date to include (YYYYMMDD)");
    cli->add_option("--dicom", r.dicom, "DICOM file, folder or disc (searched recursively); repeat for more");
    cli->add_option("--document", r.documents, "A CDA R2 document or a FHIR JSON document bundle (e.g. the referral letter); repeat for more");
    cli->add_option("--extended", r.extended, "SS-MIX2 extended storage: also put the patient's current CDA documents (in the period) on the disc");
    cli->add_option("-o,--output", o->iso, "ISO 9660 image to write (written to a temporary file, renamed when complete)");
    cli->add_option("--tree", o->tree, "Folder for the disc tree (replaced if it is an earlier ssmix tree)");
    cli->add_option("--media", o->media, "cd650 (default), cd700 or dvd: the size budget; dvd keeps compressed DICOM");
    cli->add_option("--institution", r.institution, "Who makes the disc, for README.TXT");
    cli->add_flag("--no-bundle", o->no_bundle, "Leave out the viewer's data copy (the viewer then asks for the disc folder)");
    cli->add_flag("--dry-run", o->dry_run, "Show what would go on the disc, and what would be left out and why, without writing anything");
    cli->add_option("--viewer-dir", o->viewer_dir, "Folder holding VIEWER.JS and INDEX.HTM (default: next to ssmix)");
    cli->add_option("--pacs", o->pacs, "Also take the patient's studies from this PACS, AET@HOST:PORT (C-GET, or C-MOVE to us)");
    cli->add_option("--pacs-method", o->pacs_method, "get (default) or move");
    cli->add_option("--pacs-port", o->pacs_port, "With --pacs-method move: the port our storage SCP listens on (the PACS must know it)");
    cli->add_option("--modality", o->modality, "With --pacs: only studies with these modalities, e.g. CT,MR");
    cli->add_option("--calling-ae", o->network.calling_ae, "With --pacs: our AE title (default SSMIXCARRY)");
    cli->add_flag("--json", o->json, "Print the result as JSON");
    return {cli, [o] { return run_pack(*o); }};
}

}  // namespace ssmix::packager
