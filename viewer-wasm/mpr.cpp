// viewer-wasm/mpr.cpp — the catalogue's geometry planned by core/dicom/volume_geometry, the
// value range taken from the first slice read (Bits Stored, Pixel Representation, Rescale), then
// every slice the plan keeps decoded once (FrameRenderer) and stored in the volume.
#include "viewer-wasm/mpr.h"

#include <algorithm>
#include <cmath>

#include "core/dicom/slice_facts.h"

namespace ssmix::viewer {
namespace {

using dicom::PlaneKind;

dicom::SliceFacts facts_of(const InstanceEntry& instance) {
    dicom::SliceFacts facts;
    if (instance.position.size() == 3) facts.position = std::array<double, 3>{instance.position[0], instance.position[1], instance.position[2]};
    if (instance.orientation.size() == 6) {
        std::array<double, 6> o{};
        std::copy(instance.orientation.begin(), instance.orientation.end(), o.begin());
        facts.orientation = o;
    }
    if (instance.spacing_row && instance.spacing_column) facts.pixel_spacing = std::array<double, 2>{*instance.spacing_row, *instance.spacing_column};
    facts.rows = instance.rows, facts.columns = instance.columns;
    return facts;
}

std::array<double, 3> unit(std::array<double, 3> v) {
    const double length = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if (length > 0)
        for (double& c : v) c /= length;
    return v;
}

double dot(const std::array<double, 3>& a, const std::array<double, 3>& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

}  // namespace

MprVerdict plan_mpr(const SeriesEntry& series, std::uint64_t budget) {
    if (series.modality != "CT" && series.modality != "MR")
        return {std::nullopt, {"断面変換（MPR）はCTとMRの画像だけです", "Only CT and MR series can be reformatted (MPR)"}};
    std::vector<dicom::SliceFacts> facts;
    for (const auto& instance : series.instances) {
        if (instance.frames != 1)
            return {std::nullopt, {"複数コマをまとめた画像ファイルは断面変換できません", "Multi-frame image files cannot be reformatted"}};
        facts.push_back(facts_of(instance));
    }
    auto verdict = dicom::plan_volume(facts, budget);
    if (!verdict.plan) return {std::nullopt, dicom::refusal_text(*verdict.refusal)};
    return {std::move(verdict.plan), {}};
}

Mpr::Mpr(FileSource& files, const SeriesEntry& series, std::uint64_t budget)
    : files_(files), series_uid_(series.uid), modality_(series.modality), budget_(budget) {
    verdict_ = plan_mpr(series, budget);
    if (!verdict_.plan) {
        fail(verdict_.reason);
        return;
    }
    for (const auto& instance : series.instances) paths_.push_back(instance.path), facts_.push_back(facts_of(instance));
}

void Mpr::fail(dicom::RefusalText why) {
    status_ = Status::failed;
    problem_ = std::move(why);
    volume_.reset();   // its memory back at once
}

// The value range is not in the catalogue: the first slice's header gives it for all (a series
// shares it; a slice that does not is clamped and counted by the volume).
bool Mpr::start(const dicom::Dataset& first) {
    const dicom::SliceFacts values = dicom::slice_facts(first);
    for (auto& facts : facts_) {
        facts.bits_stored = values.bits_stored, facts.pixel_signed = values.pixel_signed;
        facts.rescale_slope = values.rescale_slope, facts.rescale_intercept = values.rescale_intercept;
    }
    auto verdict = dicom::plan_volume(facts_, budget_);
    if (!verdict.plan) return fail(dicom::refusal_text(*verdict.refusal)), false;
    auto made = dicom::allocate_volume(*verdict.plan);
    if (!made.volume) return fail(dicom::refusal_text(*made.refusal)), false;
    verdict_.plan = std::move(verdict.plan);
    volume_ = std::move(made.volume);
    return true;
}

void Mpr::build_some(double budget_ms, const std::function<double()>& now_ms) {
    const double started = now_ms();
    while (status_ == Status::building && now_ms() - started < budget_ms) {
        if (next_ >= paths_.size()) {
            if (volume_ && volume_->complete()) {
                status_ = Status::ready;
                set_crosshair({volume_->width() / 2, volume_->height() / 2, volume_->depth() / 2});
            } else {
                fail({"画像の一部を読めなかったため断面変換できません", "Some slices could not be read: no reformatting"});
            }
            return;
        }
        if (volume_ && !volume_->needs(next_)) {   // thinned away to fit the memory budget
            ++next_;
            continue;
        }
        const std::string& path = paths_[next_];
        FileRead read = files_.read(path);
        if (read.status == ReadStatus::pending) {
            for (std::size_t ahead = next_ + 1; ahead < std::min(paths_.size(), next_ + 8); ++ahead) files_.prefetch(paths_[ahead]);
            return;
        }
        const std::string where = path + ": ";
        if (read.status != ReadStatus::ready) return fail({where + "読めません", where + "cannot be read"});
        auto dataset = dicom::read_dataset(read.bytes, path);
        if (!dataset.value) return fail({where + to_string(dataset.diagnostics.front()), where + to_string(dataset.diagnostics.front())});
        if (!volume_ && !start(*dataset.value)) return;
        if (!volume_->needs(next_)) {   // the first file read only for its value range
            ++next_;
            continue;
        }
        dicom::FrameRenderer renderer(*dataset.value);
        auto rendered = renderer.render(0, std::nullopt);
        if (!rendered.value) return fail({where + to_string(rendered.diagnostics.front()), where + to_string(rendered.diagnostics.front())});
        if (!file_window_) file_window_ = rendered.value->window;
        const auto values = renderer.modality_values();
        if (!values) return fail({where + "白黒の画像ではありません", where + "not a grey image"});
        if (const auto refused = volume_->fill(next_, *values)) return fail(dicom::refusal_text(*refused));
        ++next_;
    }
}

void Mpr::set_crosshair(dicom::Voxel voxel) {
    if (!volume_) return;
    crosshair_ = {std::min(voxel.x, volume_->width() - 1), std::min(voxel.y, volume_->height() - 1), std::min(voxel.z, volume_->depth() - 1)};
}

unsigned Mpr::coordinate(PlaneKind kind) const {
    return kind == PlaneKind::axial ? crosshair_.z : kind == PlaneKind::coronal ? crosshair_.y : crosshair_.x;
}

unsigned Mpr::count(PlaneKind kind) const {
    if (!volume_) return 0;
    return kind == PlaneKind::axial ? volume_->depth() : kind == PlaneKind::coronal ? volume_->height() : volume_->width();
}

void Mpr::set_coordinate(PlaneKind kind, unsigned value) {
    dicom::Voxel moved = crosshair_;
    (kind == PlaneKind::axial ? moved.z : kind == PlaneKind::coronal ? moved.y : moved.x) = value;
    set_crosshair(moved);
}

// Coronal and sagittal rows run from the head down: their column direction is from one plane
// row's slice to the next one's, as reformat.h orders them.
std::array<double, 6> Mpr::orientation(PlaneKind kind) const {
    const dicom::VolumePlan& plan = *verdict_.plan;
    std::array<double, 3> down = plan.normal;
    if (volume_) {
        const auto a = dicom::patient_position(plan, 0, 0, dicom::slice_of_plane_row(*volume_, 0));
        const auto b = dicom::patient_position(plan, 0, 0, dicom::slice_of_plane_row(*volume_, 1));
        down = unit({b[0] - a[0], b[1] - a[1], b[2] - a[2]});
    }
    const auto& row = kind == PlaneKind::sagittal ? plan.column_direction : plan.row_direction;
    const auto& column = kind == PlaneKind::axial ? plan.column_direction : down;
    return {row[0], row[1], row[2], column[0], column[1], column[2]};
}

double Mpr::position_mm(PlaneKind kind) const {
    const dicom::VolumePlan& plan = *verdict_.plan;
    const auto at = dicom::patient_position(plan, crosshair_.x, crosshair_.y, crosshair_.z);
    return dot(at, kind == PlaneKind::axial ? plan.normal : kind == PlaneKind::coronal ? plan.column_direction : plan.row_direction);
}

}  // namespace ssmix::viewer
