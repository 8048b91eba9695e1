// packager/disc/pack_report.cpp
#include "packager/disc/pack_report.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "core/clinical/dates.h"
#include "packager/support/console.h"

namespace ssmix::packager {
namespace {

std::string patient_line(const DiscPlan& plan) {
    return plan.patient_id + (plan.summary.patient_name.empty() ? "" : " " + plan.summary.patient_name);
}

std::uint64_t series_bytes(const DiscPlan& plan, const PlannedSeries& series) {
    std::uint64_t bytes = 0;
    for (const auto i : series.instances) bytes += plan.instances[i].disc_bytes;
    return bytes;
}

}  // namespace

void print_plan(const DiscPlan& plan, bool json) {
    std::size_t transcoded = 0;
    for (const auto& x : plan.instances) transcoded += x.encoding.transcode;
    if (json) {
        nlohmann::ordered_json out = {{"ok", count_errors(plan.diagnostics) == 0}, {"dryRun", true}, {"patient", plan.patient_id},
                                      {"media", media_name(plan.media)}, {"budget", plan.budget}};
        out["ssmix2"] = nlohmann::ordered_json::array();
        for (const auto& f : plan.ssmix2) out["ssmix2"].push_back({{"path", f.disc_path}, {"bytes", f.bytes}});
        out["documents"] = nlohmann::ordered_json::array();
        for (const auto& d : plan.documents)
            out["documents"].push_back({{"source", d.source.string()}, {"path", d.xdm_path}, {"page", d.page_path}, {"bytes", d.bytes.size()}});
        out["series"] = nlohmann::ordered_json::array();
        for (const auto& s : plan.series) {
            nlohmann::ordered_json files = nlohmann::ordered_json::array();
            for (const auto i : s.instances) {
                const auto& x = plan.instances[i];
                files.push_back({{"source", x.input.source.string()}, {"path", x.disc_path}, {"transferSyntax", x.encoding.syntax_uid},
                                 {"transcoded", x.encoding.transcode}, {"bytes", x.disc_bytes}});
            }
            out["series"].push_back({{"uid", s.uid}, {"label", s.label}, {"keyImage", s.key_image}, {"bytes", series_bytes(plan, s)},
                                     {"inViewerData", s.in_bundle}, {"viewerDataBytes", s.bundle_bytes}, {"leftOutBecause", s.left_out_reason},
                                     {"files", files}});
        }
        out["standardBytes"] = plan.standard_bytes;
        out["viewerDataBytes"] = plan.bundle ? plan.bundle_bytes : 0;
        out["diagnostics"] = diagnostics_json(plan.diagnostics);
        std::cout << out.dump(2) << '\n';
        return;
    }
    print_diagnostics(plan.diagnostics);
    std::cout << "Plan for patient " << patient_line(plan) << " (" << media_name(plan.media) << ", " << mib_text(plan.budget) << " for files):\n"
              << "  SS-MIX2 messages: " << plan.ssmix2.size() << "\n"
              << "  documents (CDA or FHIR, IHE XDM): " << plan.documents.size() << "\n";
    for (const auto& d : plan.documents) std::cout << "    " << d.xdm_path << "  " << d.source.string() << "\n";
    std::cout << "  DICOM: " << plan.instances.size() << " instances in " << plan.summary.studies.size() << " studies, " << plan.series.size()
              << " series (" << transcoded << " to be decoded for the medium)\n";
    for (const auto& s : plan.series) {
        const auto& x = plan.instances[s.instances.front()].input.instance;
        std::cout << "    " << clinical::display_date(x.study_date) << " " << x.modality << " " << x.series_description << ": " << s.instances.size()
                  << " files, " << mib_text(series_bytes(plan, s)) << "; viewer data "
                  << (s.in_bundle ? "about " + mib_text(s.bundle_bytes) : "none (" + s.left_out_reason + ")") << "\n";
    }
    std::cout << "  estimated size: " << mib_text(plan.standard_bytes + (plan.bundle ? plan.bundle_bytes : 0)) << " of " << mib_text(plan.budget) << "\n"
              << "Nothing was written (--dry-run).\n";
}

void print_result(const PackResult& r, bool json) {
    const DiscPlan& plan = r.plan;
    const std::size_t errors = count_errors(r.diagnostics);
    if (json) {
        nlohmann::ordered_json out = {{"ok", errors == 0}, {"patient", plan.patient_id}, {"media", std::string(media_option(plan.media))}};
        if (!r.iso.empty()) out["iso"] = r.iso.string(), out["isoBytes"] = r.iso_bytes;
        if (!r.tree.empty()) out["tree"] = r.tree.string(), out["index"] = (r.tree / "INDEX.HTM").string();
        out["ssmix2"] = {{"files", plan.ssmix2.size()}};
        out["documents"] = plan.documents.size();
        out["dicom"] = {{"instances", r.images.paths.size()}, {"studies", plan.summary.studies.size()}, {"series", plan.series.size()},
                        {"transcoded", r.images.transcoded}, {"linkedToOrders", plan.linked_studies}};
        out["bundle"] = {{"files", r.bundle.manifest.files.size()}, {"chunks", r.bundle.manifest.chunk_sizes.size()},
                         {"bytes", r.bundle.disc_bytes}, {"leftOut", plan.bundle ? r.bundle.left_out : std::vector<std::string>{}}};
        out["bytes"] = r.disc_bytes;
        out["budget"] = plan.budget;
        out["diagnostics"] = diagnostics_json(r.diagnostics);
        std::cout << out.dump(2) << '\n';
        return;
    }
    print_diagnostics(r.diagnostics);
    std::string dicom = "none";
    if (!r.images.paths.empty())
        dicom = std::to_string(r.images.paths.size()) + " instances in " + std::to_string(plan.summary.studies.size()) + " studies, " +
                std::to_string(plan.series.size()) + " series (" + std::to_string(r.images.transcoded) + " transcoded), with DICOMDIR" +
                (plan.linked_studies ? ", " + std::to_string(plan.linked_studies) + " linked to imaging orders" : "");
    std::cout << "Disc for patient " << patient_line(plan) << " (" << media_name(plan.media) << ", " << mib_text(r.disc_bytes) << " of "
              << mib_text(plan.budget) << "):\n"
              << "  documents (CDA or FHIR, IHE XDM): " << plan.documents.size() << "\n"
              << "  SS-MIX2 messages: " << plan.ssmix2.size() << "\n"
              << "  DICOM: " << dicom << "\n"
              << "  viewer data: " << r.bundle.manifest.files.size() << " files in " << r.bundle.manifest.chunk_sizes.size() << " chunk scripts, "
              << mib_text(r.bundle.disc_bytes) << "\n";
    if (!plan.bundle)
        std::cout << "  viewer data left out (--no-bundle): the viewer asks the physician to pick the disc folder\n";
    else
        for (const auto& label : r.bundle.left_out) std::cout << "  not in the viewer data (too large for the disc): " << label << "\n";
    if (!r.iso.empty()) std::cout << "Image: " << r.iso.string() << "\n";
    if (!r.tree.empty()) std::cout << "Open in a browser: " << (r.tree / "INDEX.HTM").string() << "\n";
}

}  // namespace ssmix::packager
