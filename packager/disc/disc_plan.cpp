// packager/disc/disc_plan.cpp — inputs are read once here (DICOM files on all cores, hashed as
// they are read); sizes of files that stay as they are are exact, those of transcoded files and
// of the viewer's data are estimated, and the writers correct what an estimate got wrong.
#include "packager/disc/disc_plan.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/base/disc_names.h"
#include "core/base/durable_file.h"
#include "core/base/local_time.h"
#include "core/bundle/bundle_writer.h"
#include "core/bundle/deflate.h"
#include "core/cda/document_summary.h"
#include "core/clinical/build.h"
#include "core/dicom/dicom_document.h"
#include "core/dicom/text.h"
#include "core/ssmix2/extended_storage.h"
#include "core/ssmix2/patient_files.h"
#include "packager/disc/disc_layout.h"
#include "packager/support/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

constexpr std::uint64_t readme_and_checksums = 64 * 1024;

class Planner {
public:
    explicit Planner(const PackRequest& request) : request_(request) {}

    Parsed<DiscPlan> run() {
        plan_.media = request_.media;
        plan_.budget = file_budget_bytes(request_.media);
        plan_.profile = request_.media == Media::dvd ? dicom::DiscProfile::dvd_jpeg : dicom::DiscProfile::cd_uncompressed;
        plan_.viewer = request_.viewer;
        plan_.bundle = request_.bundle;
        read_storage();
        DicomInputs inputs = collect_dicom(request_.dicom);
        add(inputs.diagnostics);
        if (!read_documents()) return fail("a document cannot be put on the disc: see the problem above; nothing was written");
        if (!choose_patient(inputs)) return fail(patient_problem_);
        if (plan_.patient_id.empty()) return fail("no data for a patient: no SS-MIX2 messages, no DICOM images, no documents");
        if (plan_.ssmix2.empty() && instances_.empty() && plan_.documents.empty())
            return fail("no data for patient " + plan_.patient_id + " in the storage, the DICOM input or the documents");
        if (!documents_match_patient())
            return fail("a document is about another patient: see the problem above; nothing was written");
        describe_patient();
        name_documents();
        plan_instances();
        plan_series();
        if (plan_.ssmix2.empty() && plan_.instances.empty() && plan_.documents.empty())
            return fail("nothing could be written for patient " + plan_.patient_id + ": see the problems above");
        plan_sizes();
        if (plan_.standard_bytes > plan_.budget) return fail(too_large_message(plan_.standard_bytes, request_.media));
        plan_bundle();
        Parsed<DiscPlan> result;
        result.diagnostics = plan_.diagnostics;
        result.value = std::move(plan_);
        return result;
    }

private:
    void add(const std::vector<Diagnostic>& diagnostics) {
        plan_.diagnostics.insert(plan_.diagnostics.end(), diagnostics.begin(), diagnostics.end());
    }

    Parsed<DiscPlan> fail(const std::string& message) {
        Parsed<DiscPlan> result;
        result.diagnostics = std::move(plan_.diagnostics);
        result.diagnostics.push_back(error({"ssmix pack", 0, ""}, "pack.failed", message));
        return result;
    }

    // The patient's current messages in the period (undated ones always), and the record
    // they make, which names the patient and links imaging orders to studies.
    void read_storage() {
        if (request_.storage.empty()) return;
        if (!fs::is_directory(request_.storage)) throw std::runtime_error(request_.storage.string() + " is not a folder");
        DiskFiles files(request_.storage);
        const ssmix2::PatientFileOptions options{"", request_.from, request_.to, false};
        for (const auto& file : ssmix2::patient_files(files, request_.patient, options))
            plan_.ssmix2.push_back({std::string(disc::ssmix2_folder) + file.path, request_.storage / file.path,
                                    fs::file_size(request_.storage / file.path)});
        plan_.record = clinical::build_record(files, request_.patient, {"", request_.from, request_.to, false});
        add(plan_.record->diagnostics);
    }

    // Each --document, then the patient's current CDA documents in the extended storage, read
    // and checked now: a letter that cannot be read stops the disc (it is usually its reason).
    bool read_documents() {
        std::vector<fs::path> paths = request_.documents;
        if (!request_.extended.empty())
            for (auto& path : ssmix2::current_documents(request_.extended, request_.patient, request_.from, request_.to)) {
                if (path.extension() == ".xml") paths.push_back(std::move(path));
                else
                    plan_.diagnostics.push_back(warning({path.string(), 0, ""}, "pack.extended.not_cda",
                                                        "not a CDA document: left off the disc (the extended storage keeps it)"));
            }
        for (const auto& path : paths) {
            DocumentFile file = read_document_file(path);   // CDA XML or a FHIR document bundle
            add(file.document.diagnostics);
            if (!file.document.value) return false;
            plan_.documents.push_back({path, std::move(file.bytes), std::move(*file.document.value), {}, {}, file.format, file.patient_place});
        }
        return true;
    }

    // One patient per disc: the one asked for, else the only one in the DICOM input, else the
    // documents'. Images of other patients are left out, one warning per patient.
    bool choose_patient(DicomInputs& inputs) {
        plan_.patient_id = request_.patient;
        if (plan_.patient_id.empty()) {
            std::set<std::string> patients;
            for (const auto& input : inputs.instances)
                if (!input.instance.patient_id.empty()) patients.insert(input.instance.patient_id);
            if (patients.size() > 1) {
                std::string list;
                for (const auto& id : patients) list += (list.empty() ? "" : ", ") + ("\"" + id + "\"");
                patient_problem_ = "the images belong to " + std::to_string(patients.size()) + " patients (" + list +
                                   "); a disc holds one patient: choose one with --patient";
                return false;
            }
            if (!patients.empty()) plan_.patient_id = *patients.begin();
            for (const auto& d : plan_.documents)
                if (plan_.patient_id.empty() && !d.document.patient.ids.empty()) plan_.patient_id = d.document.patient.ids.front().extension;
        }
        std::map<std::string, std::vector<const DicomInput*>> others;
        for (auto& input : inputs.instances) {
            if (input.instance.patient_id.empty())   // nobody's: never attributed to the disc's patient
                plan_.diagnostics.push_back(warning({input.source.string(), 0, "(0010,0020)"}, "pack.no_patient_id",
                                                    "no Patient ID: it cannot be told whose images these are; left out"));
            else if (input.instance.patient_id == plan_.patient_id)
                instances_.push_back(std::move(input));
            else
                others[input.instance.patient_id].push_back(&input);
        }
        for (const auto& [id, files] : others)
            plan_.diagnostics.push_back(warning({files.front()->source.string(), 0, "(0010,0020)"}, "pack.other_patient",
                                                std::to_string(files.size()) + " DICOM file(s) of patient \"" + id + "\", not " +
                                                    plan_.patient_id + ": left out (one patient per disc)"));
        return true;
    }

    bool documents_match_patient() {
        bool all = true;
        for (const auto& d : plan_.documents) {
            const auto& ids = d.document.patient.ids;
            if (std::any_of(ids.begin(), ids.end(), [&](const cda::Identifier& id) { return id.extension == plan_.patient_id; })) continue;
            std::string found;
            for (const auto& id : ids) found += (found.empty() ? "" : ", ") + id.extension;
            plan_.diagnostics.push_back(error({d.source.string(), 0, d.patient_place}, "pack.document.other_patient",
                                              "the document is about patient " + (found.empty() ? std::string("(no id)") : found) + ", not " +
                                                  plan_.patient_id + " (one patient per disc)"));
            all = false;
        }
        return all;
    }

    // Who the disc is for, as README.TXT and the pages name them: from the messages, else the
    // documents, else the images.
    void describe_patient() {
        DiscSummary& s = plan_.summary;
        s.patient_id = plan_.patient_id;
        if (plan_.record) {
            const auto& patient = plan_.record->patient;
            s.patient_name = patient.name;
            s.patient_name_kana = patient.name_kana;
            s.birth_date = patient.birth_date;
            s.sex = patient.sex;
        }
        if (s.patient_name.empty() && !plan_.documents.empty()) {
            const auto& patient = plan_.documents.front().document.patient;
            s.patient_name = patient.name.best();
            s.patient_name_kana = patient.name.syllabic;
            s.birth_date = patient.birth_time.substr(0, 8);
            s.sex = patient.gender;
        }
        if (s.patient_name.empty() && !instances_.empty()) {
            const auto& i = instances_.front().instance;
            s.patient_name = dicom::display_person_name(i.patient_name);
            s.birth_date = i.patient_birth_date;
            s.sex = i.patient_sex;
        }
        s.institution = !request_.institution.empty() ? request_.institution : "(記載なし / not stated)";
        s.created = local_time_now("%Y-%m-%d %H:%M");
        s.ssmix2_files = plan_.ssmix2.size();
        s.media = media_name(request_.media);
    }

    void name_documents() {
        for (std::size_t i = 0; i < plan_.documents.size(); ++i) {
            PlannedDocument& d = plan_.documents[i];
            d.xdm_path = disc::xdm_document(i + 1, disc_extension(d.format));
            d.page_path = disc::document_page(i + 1);
            const std::string author = d.document.authors.empty() ? "" : cda::party_text(d.document.authors.front());
            plan_.summary.documents.push_back({cda::document_title(d.document), d.document.effective_time, author});
            for (const auto& id : d.document.patient.ids)
                if (id.extension == plan_.patient_id && plan_.patient_id_root.empty())
                    plan_.patient_id_root = id.root.starts_with("urn:oid:") ? id.root.substr(8) : id.root;   // a FHIR system names the OID as a URN
        }
        plan_.xdm_submission_time = utc_time_now("%Y%m%d%H%M%S");
    }

    // Disc paths in study date, series and instance order; the transfer syntax each file has on
    // the disc. A file whose syntax the medium does not allow and that DCMTK cannot decode is
    // left out here, by name and reason, and the rest goes on.
    void plan_instances() {
        if (request_.media == Media::dvd) {
            std::vector<std::string> syntaxes;
            for (const auto& input : instances_) syntaxes.push_back(input.instance.transfer_syntax_uid);
            plan_.profile = dicom::dvd_profile_for(syntaxes);
        }
        plan_.summary.dicom_profile = dicom::profile_name(plan_.profile);
        std::vector<const dicom::Instance*> headers;
        for (const auto& input : instances_) headers.push_back(&input.instance);
        const auto paths = assign_dicom_paths(headers);
        std::vector<std::size_t> order(instances_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return paths[a] < paths[b]; });
        for (const std::size_t i : order) {
            DicomInput& input = instances_[i];
            const dicom::Instance& x = input.instance;
            if (!dicom::listable_in_dicomdir(x.sop_class_uid)) {
                plan_.diagnostics.push_back(error({input.source.string(), 0, "(0008,0016)"}, "dicom.sop_class",
                                                  "SOP class " + x.sop_class_uid + " is not a storage class a DICOMDIR can list (private or unknown); left out"));
                continue;
            }
            if (x.study_uid.empty() || x.series_uid.empty()) {   // no study or series to file it under, on the disc or in a DICOMDIR
                plan_.diagnostics.push_back(error({input.source.string(), 0, x.study_uid.empty() ? "(0020,000D)" : "(0020,000E)"}, "dicom.no_uid",
                                                  std::string("no ") + (x.study_uid.empty() ? "Study" : "Series") +
                                                      " Instance UID: it cannot be filed in a study; left out"));
                continue;
            }
            dicom::DiscEncoding encoding = dicom::disc_encoding(x.transfer_syntax_uid, plan_.profile);
            if (!x.part10) encoding.transcode = true;   // written anew with a meta header
            for (const auto& fill : input.fills) {
                encoding.transcode = true;   // written anew, with what the DICOMDIR needs
                plan_.diagnostics.push_back(warning({input.source.string(), 0, fill.tag}, "pack.filled",
                                                    "no " + fill.name + " " + fill.tag + ": the disc's copy carries " +
                                                        (fill.value.empty() ? std::string("an empty one") : "\"" + fill.value + "\"") +
                                                        " so that its DICOMDIR can list it"));
            }
            if (encoding.transcode && !dicom::can_decode(x.transfer_syntax_uid)) {
                plan_.diagnostics.push_back(error({input.source.string(), 0, "(0002,0010)"}, "dicom.transcode.unsupported",
                                                  "cannot decode " + x.transfer_syntax_name + " (" + x.transfer_syntax_uid +
                                                      "): DCMTK has no decoder for it; left out. Export it uncompressed from the "
                                                      "modality or PACS to put it on the disc"));
                continue;
            }
            const std::uint64_t source_bytes = fs::file_size(input.source);
            std::uint64_t bytes = source_bytes, most = source_bytes;
            if (encoding.transcode && encoding.syntax_uid != x.transfer_syntax_uid) {
                const std::uint64_t pixels = std::uint64_t{x.rows} * x.columns * std::max(1u, x.frames) * std::max(1u, x.samples_per_pixel) *
                                             ((std::max(8u, x.bits_allocated) + 7) / 8);
                bytes = pixels + 4096;
                most = pixels + source_bytes + 4096;   // the header can be no larger than the whole source
            }
            std::string report_page = report_page_for(x.sop_class_uid);   // before `input` (and so `x`) is moved
            plan_.instances.push_back({std::move(input), paths[i], encoding, bytes, most, std::move(report_page)});
        }
    }

    // A report, an encapsulated CDA or PDF is also readable from the static page: a page of its
    // own (the PDF as it is, which every browser opens).
    std::string report_page_for(const std::string& sop_class_uid) {
        switch (dicom::document_kind(sop_class_uid)) {
            case dicom::DicomDocumentKind::structured_report:
            case dicom::DicomDocumentKind::cda: return disc::report_page(++reports_);
            case dicom::DicomDocumentKind::pdf: return disc::report_page(++reports_, "PDF");
            default: return {};
        }
    }

    // Series and studies in the order the static page shows them; each series' key image is
    // its middle image (and that image's middle frame); each study linked to the SS-MIX2
    // imaging order that names its Study Instance UID (IPC-3), the one reporting it done first.
    void plan_series() {
        std::map<std::string, std::size_t> by_uid;
        for (std::size_t i = 0; i < plan_.instances.size(); ++i) {
            const dicom::Instance& x = plan_.instances[i].input.instance;
            auto [it, added] = by_uid.try_emplace(x.series_uid, plan_.series.size());
            if (added) {
                plan_.series.push_back({});
                plan_.series.back().uid = x.series_uid;
                plan_.series.back().label = x.study_date + " " + x.modality + " " + x.series_description + " (" + x.series_uid + ")";
            }
            plan_.series[it->second].instances.push_back(i);
        }
        const auto first = [&](const PlannedSeries& s) -> const dicom::Instance& { return plan_.instances[s.instances.front()].input.instance; };
        std::stable_sort(plan_.series.begin(), plan_.series.end(), [&](const PlannedSeries& a, const PlannedSeries& b) {
            return std::tie(first(a).study_date, first(a).study_uid, first(a).series_number) <
                   std::tie(first(b).study_date, first(b).study_uid, first(b).series_number);
        });
        std::map<std::string, DiscSummary::Study> studies;
        std::size_t key_images = 0;
        for (auto& series : plan_.series) {
            series.key_instance = series.instances[series.instances.size() / 2];
            const dicom::Instance& key = plan_.instances[series.key_instance].input.instance;
            series.key_frame = key.frames > 1 ? key.frames / 2 : 0;
            if (key.has_image()) series.key_image = disc::key_image(++key_images);   // a report or a document has none
            for (const std::size_t i : series.instances) {
                const dicom::Instance& x = plan_.instances[i].input.instance;
                auto& study = studies[x.study_uid];
                study.date = x.study_date;
                study.description = x.study_description;
                if (study.modalities.find(x.modality) == std::string::npos) study.modalities += (study.modalities.empty() ? "" : "/") + x.modality;
                ++study.images;
            }
        }
        static const std::vector<clinical::ImagingOrder> no_orders;
        const auto& orders = plan_.record ? plan_.record->imaging : no_orders;
        for (auto& [uid, study] : studies) {
            std::string data_type;
            for (const auto& order : orders)
                if (order.study_uid == uid && order.data_type >= data_type) {
                    study.order = order.procedure.text.empty() ? order.procedure.code : order.procedure.text;
                    data_type = order.data_type;
                }
            if (!study.order.empty()) ++plan_.linked_studies;
            plan_.summary.studies.push_back(study);
        }
    }

    // Whole sectors of every file but the viewer's data: the estimate, and its upper bound.
    void plan_sizes() {
        std::uint64_t low = readme_and_checksums, high = readme_and_checksums;
        for (const auto& f : plan_.ssmix2) low += sectors_bytes(f.bytes), high += sectors_bytes(f.bytes);
        for (const auto& d : plan_.documents) {
            low += sectors_bytes(d.bytes.size()) + sectors_bytes(d.bytes.size() * 2);   // the page is about twice the XML
            high += sectors_bytes(d.bytes.size()) + sectors_bytes(d.bytes.size() * 4);
        }
        if (!plan_.documents.empty()) low += 8192, high += 8192;   // METADATA.XML
        for (const auto& x : plan_.instances) {
            low += sectors_bytes(x.disc_bytes), high += sectors_bytes(x.disc_bytes_most);
            if (!x.report_page.empty()) low += sectors_bytes(x.disc_bytes), high += sectors_bytes(x.disc_bytes_most * 3 + 8192);   // the page is a few times the report's text
        }
        for (const auto& s : plan_.series) {
            if (s.key_image.empty()) continue;
            const auto& key = plan_.instances[s.key_instance].input.instance;
            high += sectors_bytes(std::uint64_t{key.rows} * key.columns * 3 / 4 + 4096);   // a JPEG key image is well below this
        }
        for (const auto* file : {&request_.viewer.viewer_js, &request_.viewer.index_htm}) {
            std::error_code ec;
            const auto size = fs::file_size(*file, ec);
            low += ec ? 0 : sectors_bytes(size), high += ec ? 0 : sectors_bytes(size);
        }
        low += 64 * 1024, high += 256 * 1024;   // DICOMDIR and the static page
        plan_.standard_bytes = low;
        plan_.standard_bytes_most = high;
    }

    // The viewer's data: the documents and messages always; image series while they fit in
    // the room the standard files leave, the smallest first, so the largest stay out. A series'
    // cost is estimated from one of its files deflated (a file that is transcoded: assumed to
    // keep half its size).
    void plan_bundle() {
        if (!plan_.bundle) {
            for (auto& s : plan_.series) s.in_bundle = false, s.left_out_reason = "--no-bundle";
            return;
        }
        std::uint64_t used = 64 * 1024;   // the manifest and the last chunk's slack
        for (const auto& f : plan_.ssmix2) used += f.bytes;
        for (const auto& d : plan_.documents) used += d.bytes.size();
        for (auto& s : plan_.series) s.bundle_bytes = estimate_bundle_bytes(s);
        std::vector<PlannedSeries*> by_cost;
        for (auto& s : plan_.series) by_cost.push_back(&s);
        std::stable_sort(by_cost.begin(), by_cost.end(), [](const PlannedSeries* a, const PlannedSeries* b) { return a->bundle_bytes < b->bundle_bytes; });
        const std::uint64_t room = bundle_room(plan_);
        for (PlannedSeries* s : by_cost) {
            if (used + s->bundle_bytes <= room) {
                used += s->bundle_bytes;
            } else {
                s->in_bundle = false;
                s->left_out_reason = "about " + mib_text(s->bundle_bytes) + " in the viewer's data, and the disc has room for " +
                                     mib_text(room > used ? room - used : 0) + " more";
            }
        }
        plan_.bundle_bytes = used;
    }

    std::uint64_t estimate_bundle_bytes(const PlannedSeries& series) const {
        std::uint64_t raw = 0;
        for (const std::size_t i : series.instances) raw += plan_.instances[i].disc_bytes;
        double ratio = 0.5;
        const PlannedInstance& sample = plan_.instances[series.key_instance];
        if (!sample.encoding.transcode) {
            try {
                const Bytes bytes = read_file(sample.input.source);
                const std::size_t window = std::min<std::size_t>(bytes.size(), 256 * 1024);   // pixel data is at the end
                const ByteView tail(bytes.data() + bytes.size() - window, window);
                ratio = window ? static_cast<double>(bundle::deflate_bytes(tail, bundle::bundle_deflate_level).size()) / static_cast<double>(window) : 1;
            } catch (const std::exception&) {
                // unreadable now: keep the default; the writer will say what went wrong
            }
        }
        return static_cast<std::uint64_t>(static_cast<double>(raw) * std::min(ratio, 1.0) * 4 / 3) + 512 * series.instances.size();
    }

    const PackRequest& request_;
    DiscPlan plan_;
    std::vector<DicomInput> instances_;   // the chosen patient's, before planning
    std::string patient_problem_;
    std::size_t reports_ = 0;             // report pages named so far
};

}  // namespace

Parsed<DiscPlan> plan_disc(const PackRequest& request) { return Planner(request).run(); }

std::uint64_t bundle_room(const DiscPlan& plan) {
    return plan.budget > plan.standard_bytes_most ? plan.budget - plan.standard_bytes_most : 0;
}

}  // namespace ssmix::packager
