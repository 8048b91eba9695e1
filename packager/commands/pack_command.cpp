// packager/pack_command.cpp — `ssmix pack`: one patient's disc. The SS-MIX2 subset, the DICOM
// studies (transcoded for STD-GEN-CD) with their DICOMDIR, the viewer and its data bundle,
// README.TXT and SHA256.TXT, written as a tree and/or an ISO 9660 image (libisofs).
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <tuple>
#include <cstring>
#include <ctime>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include <CLI/CLI.hpp>

#include "core/base/durable_file.h"
#include "core/base/sha256.h"
#include "core/base/sha1.h"
#include "core/cda/reader.h"
#include "core/base/local_time.h"
#include "core/ssmix2/extended_storage.h"
#include "core/cda/render.h"
#include "core/cda/render_common.h"
#include "core/clinical/build.h"
#include "core/dicom/dataset.h"
#include "core/dicom/image.h"
#include "core/ssmix2/patient_files.h"
#include "packager/cda_file.h"
#include "packager/command.h"
#include "packager/console.h"
#include "packager/disc/dicom_input.h"
#include "packager/disc/dicom_transcode.h"
#include "packager/disc/dicomdir_writer.h"
#include "packager/disc/disc_layout.h"
#include "packager/disc/disc_tree.h"
#include "packager/disc/iso_writer.h"
#include "packager/disc/checksums.h"
#include "packager/disc/media.h"
#include "packager/disc/readme_text.h"
#include "packager/disc/static_page.h"
#include "packager/disc/viewer_bundle.h"
#include "packager/disc/xdm_metadata.h"
#include "packager/disk_files.h"
#include "packager/parallel.h"
#include "packager/viewer_resources.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

struct PackOptions {
    fs::path storage, extended;
    std::string patient, from, to, institution, media_name = "cd650";
    std::vector<fs::path> dicom, documents;
    fs::path iso, tree, viewer_dir;
    bool no_bundle = false, json = false;
};


std::string mib(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

struct LoadedDocument {
    fs::path source;
    Bytes bytes;
    cda::Document document;
};

// The patient's messages from the storage, and what the record says about the patient.
struct StoragePart {
    std::vector<ssmix2::PatientFile> files;
    std::optional<clinical::ClinicalRecord> record;
};

class Packer {
public:
    explicit Packer(const PackOptions& options) : options_(options) {}

    int run() {
        const auto media = parse_media(options_.media_name);
        if (!media) return usage("--media must be cd650, cd700 or dvd");
        if (options_.iso.empty() && options_.tree.empty()) return usage("say where the disc goes: -o OUT.iso and/or --tree FOLDER");
        if (!options_.storage.empty() && options_.patient.empty()) return usage("--storage needs --patient ID");
        if (!options_.extended.empty() && options_.patient.empty()) return usage("--extended needs --patient ID");
        if (!options_.extended.empty() && !fs::is_directory(options_.extended))
            return usage("--extended " + options_.extended.string() + " is not a folder");
        if (options_.storage.empty() && options_.extended.empty() && options_.dicom.empty() && options_.documents.empty())
            return usage("nothing to pack: give --storage and --patient, --extended, --dicom and/or --document");
        std::string problem;
        const auto viewer = find_viewer(options_.viewer_dir, problem);
        if (!viewer) return fail(problem);

        try {
            if (!options_.iso.empty()) check_output_folder(options_.iso, "-o");
            if (!options_.tree.empty()) check_output_folder(options_.tree, "--tree");
            StoragePart storage = read_storage();
            auto inputs = collect_dicom(options_.dicom);
            diagnostics_.insert(diagnostics_.end(), inputs.diagnostics.begin(), inputs.diagnostics.end());
            auto documents = read_documents();
            if (!documents) return fail("a document cannot be put on the disc: see the problem above; nothing was written");
            choose_patient(storage, inputs, *documents);
            if (patient_id_.empty()) return fail("no data for a patient: no SS-MIX2 messages, no DICOM images, no documents");
            if (storage.files.empty() && kept_instances_.empty() && documents->empty())
                return fail("no data for patient " + patient_id_ + " in the storage, the DICOM input or the documents");
            if (!documents_match_patient(*documents))
                return fail("a document is about another patient: see the problem above; nothing was written");

            DiscTreeWriter tree(options_.tree, fs::absolute(options_.iso.empty() ? options_.tree : options_.iso).parent_path());
            write_ssmix2(tree, storage);
            const auto document_links = write_documents(tree, *documents);
            write_dicom(tree, *media);
            link_studies_to_orders(storage.record ? &*storage.record : nullptr);
            if (ssmix2_paths_.empty() && dicom_paths_.empty() && documents->empty())
                return fail("nothing could be written for patient " + patient_id_ + ": see the problems above");
            const auto key_images = write_key_images(tree);
            tree.copy("VIEWER/VIEWER.JS", viewer->viewer_js);
            tree.copy("INDEX.HTM", viewer->index_htm);

            // The standard files first: if they alone do not fit, nothing is written.
            const std::uint64_t budget = file_budget_bytes(*media);
            const std::uint64_t standard = tree.disc_bytes() + 64 * 1024;   // + README.TXT, SHA256.TXT
            if (standard > budget)
                return fail("the disc's files need " + mib(standard) + " but a " + media_name(*media) + " holds " + mib(budget) +
                            " (" + mib(standard - budget) + " too much): use --media " +
                            (*media == Media::dvd ? std::string("... (already the largest)") : std::string(*media == Media::cd650 ? "cd700 or dvd" : "dvd")) +
                            ", fewer studies (--dicom), or a shorter period (--from/--to)");
            ViewerBundle bundle = options_.no_bundle ? ViewerBundle{} : write_viewer_bundle(tree, bundle_units(), budget - standard);
            if (options_.no_bundle) {
                tree.write("VIEWER/DATA/MANIFEST.JS", as_bytes(bundle::manifest_script({})));
                for (const auto& unit : bundle_units()) bundle.left_out.push_back(unit.label);
            }
            summary_.media = media_name(*media);
            summary_.not_in_viewer_bundle = options_.no_bundle ? std::vector<std::string>{} : bundle.left_out;
            tree.write("README.TXT", as_bytes(readme_text(summary_)));
            tree.write("IHE_PDI/INDEX.HTM",
                       as_bytes(static_page_html(storage.record ? &*storage.record : nullptr, summary_, key_images, document_links)));
            write_checksums(tree, bundle.manifest);

            const std::uint64_t disc_bytes = tree.disc_bytes();
            std::uint64_t iso_bytes = 0;
            if (!options_.iso.empty()) {
                Progress progress("Writing the image (bytes)");
                iso_bytes = write_iso_image(tree.root(), options_.iso,
                                            {volume_id_from("SSMIX_" + patient_id_ + "_" + local_time_now("%Y-%m-%d %H:%M").substr(0, 10)), "SS-MIX CARRY",
                                             [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); }});
            }
            if (!options_.tree.empty()) tree.commit();
            return report(bundle, disc_bytes, iso_bytes, *media);
        } catch (const std::exception& e) {
            return fail(e.what());
        }
    }

private:
    int usage(const std::string& message) {
        std::cerr << "ssmix pack: " << message << "\n";
        return exit_usage;
    }

    int fail(const std::string& message) {
        diagnostics_.push_back(error({"ssmix pack", 0, ""}, "pack.failed", message));
        if (options_.json)
            std::cout << nlohmann::ordered_json{{"ok", false}, {"diagnostics", diagnostics_json(diagnostics_)}}.dump(2) << '\n';
        else
            print_diagnostics(diagnostics_);
        return exit_data_problem;
    }

    // Before any work: the folder that will hold the output exists (or can be made) and is
    // writable, so a mistyped path fails at once and by name.
    static void check_output_folder(const fs::path& output, const std::string& option) {
        const fs::path folder = fs::absolute(output).parent_path();
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec || ::access(folder.c_str(), W_OK | X_OK) != 0)
            throw std::runtime_error("cannot write " + option + " " + output.string() + ": the folder " + folder.string() + " " +
                                     (ec ? "cannot be created (" + ec.message() + ")" : "is not writable (" + std::string(std::strerror(errno)) + ")"));
    }

    StoragePart read_storage() {
        StoragePart part;
        if (options_.storage.empty()) return part;
        if (!fs::is_directory(options_.storage)) throw std::runtime_error(options_.storage.string() + " is not a folder");
        DiskFiles files(options_.storage);
        part.files = ssmix2::patient_files(files, options_.patient, {"", options_.from, options_.to, false});
        part.record = clinical::build_record(files, options_.patient, {"", options_.from, options_.to, false});
        diagnostics_.insert(diagnostics_.end(), part.record->diagnostics.begin(), part.record->diagnostics.end());
        return part;
    }

    // Each --document, read and checked before anything is written: a letter that cannot be
    // read stops the disc (it is usually the reason for the disc).
    std::optional<std::vector<LoadedDocument>> read_documents() {
        std::vector<LoadedDocument> documents;
        for (const auto& path : document_inputs()) {
            CdaFile file = read_cda_file(path);
            auto& parsed = file.document;
            diagnostics_.insert(diagnostics_.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
            if (!parsed.value) return std::nullopt;
            documents.push_back({path, std::move(file.bytes), std::move(*parsed.value)});
        }
        return documents;
    }

    // --document files, then the patient's current CDA documents in the --extended storage
    // (in the period). Other content there (PDF, images) is named and left out: XDM on this
    // disc carries CDA only.
    std::vector<fs::path> document_inputs() {
        std::vector<fs::path> paths = options_.documents;
        if (options_.extended.empty()) return paths;
        for (auto& path : ssmix2::current_documents(options_.extended, options_.patient, options_.from, options_.to)) {
            if (path.extension() == ".xml") {
                paths.push_back(std::move(path));
            } else {
                diagnostics_.push_back(warning({path.string(), 0, ""}, "pack.extended.not_cda",
                                               "not a CDA document: left off the disc (the extended storage keeps it)"));
            }
        }
        return paths;
    }

    bool documents_match_patient(const std::vector<LoadedDocument>& documents) {
        bool all = true;
        for (const auto& d : documents) {
            const auto& ids = d.document.patient.ids;
            if (std::any_of(ids.begin(), ids.end(), [&](const cda::Identifier& id) { return id.extension == patient_id_; })) continue;
            std::string found;
            for (const auto& id : ids) found += (found.empty() ? "" : ", ") + id.extension;
            diagnostics_.push_back(error({d.source.string(), 0, "/ClinicalDocument/recordTarget/patientRole/id"}, "pack.document.other_patient",
                                         "the document is about patient " + (found.empty() ? std::string("(no id)") : found) + ", not " +
                                             patient_id_ + " (one patient per disc)"));
            all = false;
        }
        return all;
    }

    // IHE_XDM/SUBSET01: the documents' original bytes and METADATA.XML; IHE_PDI: each as a
    // print-ready page.
    std::vector<DocumentLink> write_documents(DiscTreeWriter& tree, const std::vector<LoadedDocument>& documents) {
        std::vector<DocumentLink> links;
        if (documents.empty()) return links;
        std::vector<XdmDocument> entries;
        std::string patient_root;
        for (std::size_t i = 0; i < documents.size(); ++i) {
            const auto& d = documents[i];
            char name[32];
            std::snprintf(name, sizeof name, "DOC%05zu", (i + 1) % 100000);
            const std::string xdm_path = std::string("IHE_XDM/SUBSET01/") + name + ".XML";
            tree.write(xdm_path, d.bytes);
            document_paths_.push_back(xdm_path);
            entries.push_back({std::string(name) + ".XML", &d.document, d.bytes.size(), sha1_hex(d.bytes)});
            tree.write(std::string("IHE_PDI/") + name + ".HTM", as_bytes(cda::render_html_page(d.document)));
            const std::string author = d.document.authors.empty() ? "" : cda::detail::party_text(d.document.authors.front());
            links.push_back({std::string(name) + ".HTM", cda::detail::document_title(d.document), d.document.effective_time, author});
            summary_.documents.push_back({links.back().title, d.document.effective_time, author});
            for (const auto& id : d.document.patient.ids)
                if (id.extension == patient_id_ && patient_root.empty()) patient_root = id.root;
        }
        const std::time_t now = std::time(nullptr);
        std::tm utc{};
        gmtime_r(&now, &utc);
        char submitted[16];
        std::strftime(submitted, sizeof submitted, "%Y%m%d%H%M%S", &utc);
        tree.write("IHE_XDM/SUBSET01/METADATA.XML",
                   as_bytes(xdm_metadata_xml({patient_id_, patient_root, summary_.institution, submitted}, entries)));
        document_paths_.push_back("IHE_XDM/SUBSET01/METADATA.XML");
        return links;
    }

    // One patient per disc: the one asked for, else the only one in the DICOM input, else the
    // documents' patient.
    void choose_patient(const StoragePart& storage, const DicomInputs& inputs, const std::vector<LoadedDocument>& documents) {
        patient_id_ = options_.patient;
        if (patient_id_.empty()) {
            std::set<std::string> patients;
            for (const auto& input : inputs.instances) patients.insert(input.instance.patient_id);
            if (patients.size() > 1) {
                std::string list;
                for (const auto& id : patients) list += (list.empty() ? "" : ", ") + ("\"" + id + "\"");
                throw std::runtime_error("the images belong to " + std::to_string(patients.size()) + " patients (" + list +
                                         "); a disc holds one patient: choose one with --patient");
            }
            if (!patients.empty()) patient_id_ = *patients.begin();
            for (const auto& d : documents)
                if (patient_id_.empty() && !d.document.patient.ids.empty()) patient_id_ = d.document.patient.ids.front().extension;
        }
        std::map<std::string, std::vector<const DicomInput*>> others;   // one warning per other patient
        for (const auto& input : inputs.instances) {
            if (input.instance.patient_id == patient_id_) kept_instances_.push_back(input);
            else others[input.instance.patient_id].push_back(&input);
        }
        for (const auto& [id, files] : others)
            diagnostics_.push_back(warning({files.front()->source.string(), 0, "(0010,0020)"}, "pack.other_patient",
                                           std::to_string(files.size()) + " DICOM file(s) of patient \"" + id + "\", not " +
                                               patient_id_ + ": left out (one patient per disc)"));
        summary_.patient_id = patient_id_;
        if (storage.record) {
            const auto& patient = storage.record->patient;
            summary_.patient_name = patient.name;
            summary_.patient_name_kana = patient.name_kana;
            summary_.birth_date = patient.birth_date;
            summary_.sex = patient.sex;
        }
        if (summary_.patient_name.empty() && !documents.empty()) {
            const auto& patient = documents.front().document.patient;
            summary_.patient_name = patient.name.best();
            summary_.patient_name_kana = patient.name.syllabic;
            summary_.birth_date = patient.birth_time.substr(0, 8);
            summary_.sex = patient.gender;
        }
        if (summary_.patient_name.empty() && !kept_instances_.empty()) {
            const auto& i = kept_instances_.front().instance;
            summary_.patient_name = i.patient_name;
            summary_.birth_date = i.patient_birth_date;
            summary_.sex = i.patient_sex;
        }
        summary_.institution = !options_.institution.empty() ? options_.institution : "(記載なし / not stated)";
        summary_.created = local_time_now("%Y-%m-%d %H:%M");
    }

    void write_ssmix2(DiscTreeWriter& tree, const StoragePart& storage) {
        for (const auto& file : storage.files) {
            const std::string disc_path = "SSMIX2/" + file.path;
            tree.copy(disc_path, options_.storage / file.path);
            ssmix2_paths_.push_back(disc_path);
        }
        summary_.ssmix2_files = ssmix2_paths_.size();
    }

    void write_dicom(DiscTreeWriter& tree, Media media) {
        std::vector<const dicom::Instance*> instances;
        for (const auto& input : kept_instances_) instances.push_back(&input.instance);
        const auto paths = assign_dicom_paths(instances);
        const bool keep_compressed = media == Media::dvd;
        Progress progress("Writing DICOM");
        std::vector<std::string> written;
        for (std::size_t i = 0; i < kept_instances_.size(); ++i) {
            progress.update(i + 1, kept_instances_.size());
            auto result = write_disc_dicom(kept_instances_[i].source, tree.path(paths[i]), keep_compressed, options_.tree.empty());
            diagnostics_.insert(diagnostics_.end(), result.diagnostics.begin(), result.diagnostics.end());
            if (!result.value) continue;
            if (result.value->transcoded) ++transcoded_;
            else known_digests_[paths[i]] = kept_instances_[i].sha256;
            written.push_back(paths[i]);
            const auto& x = kept_instances_[i].instance;
            auto& series = series_[x.series_uid];
            if (series.paths.empty()) {
                series.label = x.study_date + " " + x.modality + " " + x.series_description + " (" + x.series_uid + ")";
                series.first = &x;
            }
            series.paths.push_back(paths[i]);
            series.images.push_back({paths[i], x});
            auto& on_disc = series.images.back().instance;
            on_disc.transfer_syntax_uid = result.value->transfer_syntax_uid;
            if (result.value->transcoded) on_disc.transfer_syntax_name.clear();   // the input's; the viewer needs only the UID
            auto& study = studies_[x.study_uid];
            study.date = x.study_date;
            study.description = x.study_description;
            if (study.modalities.find(x.modality) == std::string::npos) study.modalities += (study.modalities.empty() ? "" : "/") + x.modality;
            ++study.images;
        }
        dicom_paths_ = written;
        if (written.empty()) return;
        auto problems = write_dicomdir(tree.root(), written, keep_compressed ? DicomProfile::dvd_jpeg : DicomProfile::cd_uncompressed,
                                       "SSMIXCARRY");
        diagnostics_.insert(diagnostics_.end(), problems.begin(), problems.end());
    }

    // A study whose Study Instance UID an SS-MIX2 imaging order names (IPC-3) gets that order's
    // procedure (the order reporting it done, when there are several), for README.TXT and the report.
    void link_studies_to_orders(const clinical::ClinicalRecord* record) {
        static const std::vector<clinical::ImagingOrder> no_orders;
        const auto& orders = record ? record->imaging : no_orders;
        for (auto& [uid, study] : studies_) {
            std::string data_type;
            for (const auto& order : orders)
                if (order.study_uid == uid && order.data_type >= data_type) {
                    study.order = order.procedure.text.empty() ? order.procedure.code : order.procedure.text;
                    data_type = order.data_type;
                }
            if (!study.order.empty()) ++linked_studies_;
            summary_.studies.push_back(study);
        }
    }

    // One key image per series for the static page: the middle image, and the middle frame of
    // a multi-frame image, with the file's own window.
    std::vector<KeyImage> write_key_images(DiscTreeWriter& tree) {
        std::vector<const Series*> order;
        for (const auto& [uid, series] : series_) order.push_back(&series);
        std::sort(order.begin(), order.end(), [](const Series* a, const Series* b) {
            return std::tie(a->first->study_date, a->first->study_uid, a->first->series_number) <
                   std::tie(b->first->study_date, b->first->study_uid, b->first->series_number);
        });
        std::vector<KeyImage> images;
        for (const Series* series : order) {
            const std::string& path = series->paths[series->paths.size() / 2];
            auto dataset = dicom::read_dataset(read_file(tree.path(path)), path);
            if (!dataset.value) continue;
            const dicom::Instance& x = *series->first;
            dicom::FrameRenderer renderer(*dataset.value);
            const unsigned frames = x.frames > 1 ? x.frames : 1;
            auto jpeg = renderer.jpeg(frames / 2);
            if (!jpeg.value) {
                for (auto& d : jpeg.diagnostics) d.severity = Severity::warning;   // the disc is still complete
                diagnostics_.insert(diagnostics_.end(), jpeg.diagnostics.begin(), jpeg.diagnostics.end());
                continue;
            }
            char name[32];
            std::snprintf(name, sizeof name, "IMAGES/I%07zu.JPG", images.size() + 1);
            tree.write(std::string("IHE_PDI/") + name, *jpeg.value);
            const bool multi_frame = frames > 1;
            images.push_back({name, x.study_date, x.study_description, x.modality, x.series_description,
                              static_cast<unsigned>(multi_frame ? frames / 2 : series->paths.size() / 2),
                              static_cast<unsigned>(multi_frame ? frames : series->paths.size()), x.columns, x.rows, x.study_uid});
        }
        return images;
    }

    std::vector<BundleUnit> bundle_units() const {
        std::vector<BundleUnit> units;
        if (!document_paths_.empty()) units.push_back({"IHE_XDM", document_paths_, false, {}});
        if (!ssmix2_paths_.empty()) units.push_back({"SS-MIX2", ssmix2_paths_, false, {}});
        if (!dicom_paths_.empty()) units.push_back({"DICOMDIR", {"DICOMDIR"}, false, {}});
        for (const auto& [uid, series] : series_) units.push_back({series.label, series.paths, true, series.images});
        return units;
    }

    // SHA256.TXT. DICOM files copied unchanged have their source's digest, and the bundle's
    // manifest holds those of the files it carries; the rest are hashed on all cores.
    void write_checksums(DiscTreeWriter& tree, const bundle::Manifest& manifest) {
        std::map<std::string, std::string> digests = known_digests_;
        for (const auto& file : manifest.files) digests[file.path] = file.sha256;
        std::vector<std::string> to_hash;
        for (const auto& entry : fs::recursive_directory_iterator(tree.root())) {
            if (!entry.is_regular_file()) continue;
            const std::string path = fs::relative(entry.path(), tree.root()).generic_string();
            if (path != checksum_file && !digests.count(path)) to_hash.push_back(path);
        }
        std::vector<std::string> hashed(to_hash.size());
        parallel_for(to_hash.size(), [&](std::size_t i) { hashed[i] = sha256_hex(read_file(tree.path(to_hash[i]))); });
        for (std::size_t i = 0; i < to_hash.size(); ++i) digests[to_hash[i]] = hashed[i];
        tree.write(std::string(checksum_file), as_bytes(checksums_text(digests)));
    }

    int report(const ViewerBundle& bundle, std::uint64_t disc_bytes, std::uint64_t iso_bytes, Media media) {
        const std::size_t errors = count_errors(diagnostics_);
        const fs::path tree = options_.tree.empty() ? fs::path() : fs::absolute(options_.tree).lexically_normal();
        const fs::path iso = options_.iso.empty() ? fs::path() : fs::absolute(options_.iso).lexically_normal();
        if (options_.json) {
            nlohmann::ordered_json out = {{"ok", errors == 0}, {"patient", patient_id_}, {"media", options_.media_name}};
            if (!iso.empty()) out["iso"] = iso.string(), out["isoBytes"] = iso_bytes;
            if (!tree.empty()) out["tree"] = tree.string(), out["index"] = (tree / "INDEX.HTM").string();
            out["ssmix2"] = {{"files", ssmix2_paths_.size()}};
            out["documents"] = summary_.documents.size();
            out["dicom"] = {{"instances", dicom_paths_.size()}, {"studies", studies_.size()}, {"series", series_.size()}, {"transcoded", transcoded_},
                           {"linkedToOrders", linked_studies_}};
            out["bundle"] = {{"files", bundle.manifest.files.size()}, {"chunks", bundle.manifest.chunk_sizes.size()},
                             {"bytes", bundle.disc_bytes}, {"leftOut", bundle.left_out}};
            out["bytes"] = disc_bytes;
            out["budget"] = file_budget_bytes(media);
            out["diagnostics"] = diagnostics_json(diagnostics_);
            std::cout << out.dump(2) << '\n';
        } else {
            print_diagnostics(diagnostics_);
            std::cout << "Disc for patient " << patient_id_ << (summary_.patient_name.empty() ? "" : " " + summary_.patient_name) << " (" << media_name(media) << ", " << mib(disc_bytes) << " of "
                      << mib(file_budget_bytes(media)) << "):\n"
                      << "  documents (CDA, IHE XDM): " << summary_.documents.size() << "\n"
                      << "  SS-MIX2 messages: " << ssmix2_paths_.size() << "\n"
                      << "  DICOM: " << dicom_summary() << "\n"
                      << "  viewer data: " << bundle.manifest.files.size() << " files in " << bundle.manifest.chunk_sizes.size()
                      << " chunk scripts, " << mib(bundle.disc_bytes) << "\n";
            if (options_.no_bundle)
                std::cout << "  viewer data left out (--no-bundle): the viewer asks the physician to pick the disc folder\n";
            else
                for (const auto& label : bundle.left_out) std::cout << "  not in the viewer data (too large for the disc): " << label << "\n";
            if (!iso.empty()) std::cout << "Image: " << iso.string() << "\n";
            if (!tree.empty()) std::cout << "Open in a browser: " << (tree / "INDEX.HTM").string() << "\n";
        }
        return errors == 0 ? exit_ok : exit_data_problem;
    }

    std::string dicom_summary() const {
        if (dicom_paths_.empty()) return "none";
        return std::to_string(dicom_paths_.size()) + " instances in " + std::to_string(studies_.size()) + " studies, " +
               std::to_string(series_.size()) + " series (" + std::to_string(transcoded_) + " transcoded), with DICOMDIR" +
               (linked_studies_ ? ", " + std::to_string(linked_studies_) + " linked to imaging orders" : "");
    }

    const PackOptions& options_;
    std::string patient_id_;
    std::vector<DicomInput> kept_instances_;
    std::vector<std::string> ssmix2_paths_, dicom_paths_, document_paths_;
    struct Series {
        std::string label;
        std::vector<std::string> paths;   // in disc order (instance number)
        const dicom::Instance* first = nullptr;
        std::vector<dicom::IndexedInstance> images;   // the files as written on the disc
    };
    std::map<std::string, Series> series_;
    std::map<std::string, DiscSummary::Study> studies_;
    std::size_t linked_studies_ = 0;
    std::size_t transcoded_ = 0;
    std::map<std::string, std::string> known_digests_;   // disc path -> SHA-256
    DiscSummary summary_;
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace

Command add_pack_command(CLI::App& app) {
    auto options = std::make_shared<PackOptions>();
    CLI::App* cli = app.add_subcommand("pack", "Write one patient's disc: SS-MIX2 data, DICOM images, the viewer, as an ISO image and/or a folder");
    cli->add_option("--storage", options->storage, "SS-MIX2 standardized storage to take the patient's messages from");
    cli->add_option("--patient", options->patient, "Patient ID (required with --storage; else taken from the DICOM files)");
    cli->add_option("--from", options->from, "First care date to include (YYYYMMDD)");
    cli->add_option("--to", options->to, "Last care date to include (YYYYMMDD)");
    cli->add_option("--dicom", options->dicom, "DICOM file, folder or disc (searched recursively); repeat for more");
    cli->add_option("--document", options->documents, "A CDA R2 document (e.g. the referral letter); repeat for more");
    cli->add_option("--extended", options->extended, "SS-MIX2 extended storage: also put the patient's current CDA documents (in the period) on the disc");
    cli->add_option("-o,--output", options->iso, "ISO 9660 image to write (written to a temporary file, renamed when complete)");
    cli->add_option("--tree", options->tree, "Folder for the disc tree (replaced if it is an earlier ssmix tree)");
    cli->add_option("--media", options->media_name, "cd650 (default), cd700 or dvd: the size budget; dvd keeps compressed DICOM");
    cli->add_option("--institution", options->institution, "Who makes the disc, for README.TXT");
    cli->add_flag("--no-bundle", options->no_bundle, "Leave out the viewer's data copy (the viewer then asks for the disc folder)");
    cli->add_option("--viewer-dir", options->viewer_dir, "Folder holding VIEWER.JS and INDEX.HTM (default: next to ssmix)");
    cli->add_flag("--json", options->json, "Print the result as JSON");
    return {cli, [options] { return Packer(*options).run(); }};
}

}  // namespace ssmix::packager
