// packager/disc/image_writer.cpp — per series, batches of about 64 MiB of input on all cores
// (memory stays flat however large the disc), handed to the viewer's data in disc order.
#include "packager/disc/image_writer.h"

#include <optional>

#include "core/base/disc_names.h"
#include "core/base/durable_file.h"
#include "core/base/sha256.h"
#include "core/dicom/dataset.h"
#include "core/dicom/disc_encoding.h"
#include "core/dicom/image.h"
#include "packager/support/console.h"
#include "packager/support/parallel.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

// What one instance became on its way to the disc.
struct Done {
    bool written = false;
    std::string sha256;                     // of the disc file
    std::optional<bundle::PreparedFile> bundled;
    std::optional<Bytes> key_jpeg;
    std::optional<ReportPage> report;
    std::vector<Diagnostic> diagnostics;
};

class ImageWriter {
public:
    ImageWriter(const DiscPlan& plan, DiscTreeWriter& tree, ViewerBundleWriter* bundle, bool may_link)
        : plan_(plan), tree_(tree), bundle_(bundle), may_link_(may_link) {}

    WrittenImages run() {
        Progress progress("Writing DICOM");
        dicomdir_.emplace(tree_.root(), plan_.profile, "SSMIXCARRY");
        std::size_t done = 0;
        for (const auto& series : plan_.series) {
            const bool bundled = bundle_ && series.in_bundle;
            if (bundle_ && !series.in_bundle) bundle_->leave_out(series.label);
            if (bundled) bundle_->begin_series(series.label);
            constexpr std::uint64_t batch_bytes = 64u << 20;
            for (std::size_t first = 0; first < series.instances.size();) {
                std::size_t last = first;
                for (std::uint64_t bytes = 0; last < series.instances.size() && (last == first || bytes < batch_bytes); ++last)
                    bytes += plan_.instances[series.instances[last]].disc_bytes;
                std::vector<Done> batch(last - first);
                parallel_for(batch.size(), [&](std::size_t i) { batch[i] = write_one(series, series.instances[first + i], bundled); });
                for (std::size_t i = 0; i < batch.size(); ++i) collect(series, series.instances[first + i], batch[i]);
                done += batch.size();
                progress.update(done, plan_.instances.size());
                first = last;
            }
            if (bundled && !bundle_->end_series())
                result_.diagnostics.push_back(warning({series.label, 0, ""}, "pack.bundle.left_out",
                                                      "the series did not fit in the viewer's data after all; left out of it (it is on the disc)"));
        }
        if (!result_.paths.empty()) {
            auto problems = dicomdir_->write();
            result_.diagnostics.insert(result_.diagnostics.end(), problems.begin(), problems.end());
        }
        return std::move(result_);
    }

private:
    Done write_one(const PlannedSeries& series, std::size_t index, bool bundled) {
        const PlannedInstance& x = plan_.instances[index];
        const fs::path target = tree_.path(x.disc_path);
        const bool key = !series.key_image.empty() && index == series.key_instance;
        const bool report = !x.report_page.empty();
        Done done;
        try {
            fs::create_directories(target.parent_path());
            // A kept file is hard-linked into a staging tree that only feeds the image (no copy
            // of 500 MB); read only when its key image or its viewer copy needs the bytes.
            bool linked = false;
            if (!x.encoding.transcode && may_link_) {
                std::error_code ec;
                fs::create_hard_link(x.input.source, target, ec);
                linked = !ec;
            }
            done.sha256 = x.input.sha256;
            if (linked && !bundled && !key && !report) {
                done.written = true;
                return done;
            }
            const Bytes source = read_file(x.input.source);
            std::optional<dicom::Dataset> dataset;
            Bytes transcoded;
            if (x.encoding.transcode || key || report) {
                auto read = dicom::read_dataset(source, x.input.source.string());
                if (!read.value) {
                    done.diagnostics = std::move(read.diagnostics);
                    return done;
                }
                dataset = std::move(read.value);
            }
            if (x.encoding.transcode) {
                dicom::apply_fills(*dataset, x.input.fills);
                auto bytes = dicom::transcode(*dataset, x.encoding.syntax_uid);
                if (!bytes.value) {
                    done.diagnostics = std::move(bytes.diagnostics);
                    return done;
                }
                transcoded = std::move(*bytes.value);
            }
            const ByteView disc_bytes = x.encoding.transcode ? ByteView(transcoded) : ByteView(source);
            if (!linked) write_file(target, disc_bytes);
            done.written = true;
            if (x.encoding.transcode) done.sha256 = sha256_hex(disc_bytes);
            if (bundled) done.bundled = bundle::prepare_file(disc_bytes, done.sha256);
            if (key) key_image(*dataset, series.key_frame, done);
            if (report) report_of(*dataset, x.report_page, done);
        } catch (const std::exception& e) {
            done.diagnostics.push_back(error({x.input.source.string(), 0, ""}, "io.write", std::string("cannot put it on the disc: ") + e.what()));
        }
        return done;
    }

    // The key image: that frame with the file's own window, as a JPEG. A frame that cannot be
    // rendered leaves the disc complete, with a warning.
    static void key_image(const dicom::Dataset& dataset, unsigned frame, Done& done) {
        dicom::FrameRenderer renderer(dataset);
        auto jpeg = renderer.jpeg(frame);
        for (auto& d : jpeg.diagnostics) d.severity = Severity::warning;
        done.diagnostics.insert(done.diagnostics.end(), jpeg.diagnostics.begin(), jpeg.diagnostics.end());
        if (jpeg.value) done.key_jpeg = std::move(*jpeg.value);
    }

    // A report that cannot be read is still on the disc (and in the viewer): a warning.
    static void report_of(const dicom::Dataset& dataset, const std::string& disc_path, Done& done) {
        auto page = report_page(dataset, disc_path);
        for (auto& d : page.diagnostics) d.severity = Severity::warning;
        done.diagnostics.insert(done.diagnostics.end(), page.diagnostics.begin(), page.diagnostics.end());
        if (page.value) done.report = std::move(*page.value);
    }

    void collect(const PlannedSeries& series, std::size_t index, Done& done) {
        const PlannedInstance& x = plan_.instances[index];
        result_.diagnostics.insert(result_.diagnostics.end(), done.diagnostics.begin(), done.diagnostics.end());
        if (!done.written) return;
        if (!dicomdir_->add(x.disc_path, x.input.source.string(), result_.diagnostics)) {   // a disc file its DICOMDIR does not list is not on the disc
            fs::remove(tree_.path(x.disc_path));
            return;
        }
        result_.paths.push_back(x.disc_path);
        result_.digests[x.disc_path] = done.sha256;
        if (x.encoding.transcode) ++result_.transcoded;
        if (done.bundled) {
            dicom::IndexedInstance header{x.disc_path, x.input.instance};
            header.instance.transfer_syntax_uid = x.encoding.syntax_uid;
            if (x.encoding.syntax_uid != x.input.instance.transfer_syntax_uid) header.instance.transfer_syntax_name.clear();
            bundle_->add(x.disc_path, *done.bundled, header);
        }
        if (done.report) {
            tree_.write(x.report_page, done.report->bytes);
            result_.reports.push_back(std::move(done.report->link));
        }
        if (done.key_jpeg) {
            tree_.write(series.key_image, *done.key_jpeg);
            const dicom::Instance& key = x.input.instance;
            const bool multi_frame = key.frames > 1;
            const auto count = static_cast<unsigned>(series.instances.size());
            result_.key_images.push_back({series.key_image.substr(disc::pdi_folder.size()), key.study_date, key.study_description, key.modality,
                                          key.series_description, multi_frame ? series.key_frame : count / 2, multi_frame ? key.frames : count,
                                          key.columns, key.rows, key.study_uid});
        }
    }

    const DiscPlan& plan_;
    DiscTreeWriter& tree_;
    ViewerBundleWriter* bundle_;
    bool may_link_;
    std::optional<dicom::DicomdirBuilder> dicomdir_;
    WrittenImages result_;
};

}  // namespace

WrittenImages write_images(const DiscPlan& plan, DiscTreeWriter& tree, ViewerBundleWriter* bundle, bool may_link) {
    return ImageWriter(plan, tree, bundle, may_link).run();
}

}  // namespace ssmix::packager
