// viewer-wasm/viewports.cpp
#include "viewer-wasm/viewports.h"

#include "viewer-wasm/slice_sync.h"

namespace ssmix::viewer {
namespace {

bool same_window(const std::optional<dicom::Window>& a, const std::optional<dicom::Window>& b) {
    if (!a || !b) return a.has_value() == b.has_value();
    return a->center == b->center && a->width == b->width;
}

}  // namespace

Viewports::Viewports(FileSource& files, const Catalogue& catalogue) : files_(files), catalogue_(catalogue) {
    for (auto& view : views_) view = std::make_unique<ImageView>(files, catalogue);
}

void Viewports::activate(std::size_t index) {
    if (index < shown()) active_ = index;
}

bool Viewports::show(std::size_t index, const std::string& series_uid) {
    if (layout_ == Layout::mpr) {   // a series chosen while in MPR: back to one view, showing it
        leave_mpr();
        index = 0;
    }
    if (index >= shown() || !views_[index]->open(series_uid)) return false;
    // It opens where the one looked at is (or, replacing that one's series, where another view is).
    std::size_t lead = active_;
    for (std::size_t i = 0; i < shown() && lead == index; ++i)
        if (i != index && !views_[i]->series_uid().empty()) lead = i;
    if (lead != index) align(index, *views_[lead]);
    active_ = index;
    followed_ = snapshot();   // the others stay where they are
    renote();
    return true;
}

void Viewports::set_layout(Layout layout) {
    if (layout == Layout::mpr) return;   // start_mpr
    if (layout_ == Layout::mpr) leave_mpr();
    const std::size_t before = shown();
    layout_ = layout;
    if (active_ >= shown()) active_ = 0;
    std::string previous = views_[active_]->series_uid();
    for (std::size_t i = before; i < shown(); ++i) {
        if (!views_[i]->series_uid().empty()) {
            previous = views_[i]->series_uid();
            continue;
        }
        const std::string next = series_after(previous);
        if (next.empty() || !views_[i]->open(next)) continue;
        align(i, *views_[active_]);
        previous = next;
    }
}

// The next series in the list of the same patient (the list is patient by patient, each one's
// studies newest first), "" after the last: a view is never filled with another patient's images.
std::string Viewports::series_after(const std::string& series_uid) const {
    const auto patient = catalogue_.patient_index_of_series(series_uid);
    if (!patient) return {};
    bool passed = false;
    for (const auto& study : catalogue_.studies()) {
        if (study.patient != *patient) continue;
        for (const auto& series : study.series) {
            if (passed && !series.key_series) return series.uid;
            passed = passed || series.uid == series_uid;
        }
    }
    return {};
}

// Kept with the series' image count: files picked later may add slices, and then it is decided again.
const MprVerdict& Viewports::mpr_verdict(const std::string& series_uid) {
    const SeriesEntry* series = catalogue_.find_series(series_uid);
    const std::size_t images = series ? series->instances.size() : 0;
    auto known = mpr_verdicts_.find(series_uid);
    if (known == mpr_verdicts_.end() || known->second.first != images) {
        MprVerdict verdict = series ? plan_mpr(*series) : MprVerdict{std::nullopt, {"画像がありません", "No such series"}};
        known = mpr_verdicts_.insert_or_assign(series_uid, std::pair{images, std::move(verdict)}).first;
    }
    return known->second.second;
}

bool Viewports::start_mpr(const std::string& series_uid, std::uint64_t budget) {
    const SeriesEntry* series = catalogue_.find_series(series_uid);
    if (!series) return false;
    if (layout_ == Layout::mpr) leave_mpr();
    mpr_ = std::make_shared<Mpr>(files_, *series, budget);
    layout_ = Layout::mpr, active_ = 0;
    constexpr dicom::PlaneKind planes[] = {dicom::PlaneKind::axial, dicom::PlaneKind::coronal, dicom::PlaneKind::sagittal};
    for (std::size_t i = 0; i < 3; ++i) views_[i]->show_plane(mpr_, planes[i]);
    notes_.fill(std::nullopt);
    followed_ = snapshot();
    return true;
}

// The first view shows the series again; the other planes' views are emptied (the layout chosen
// next fills them as usual) and the volume is freed with the last of them.
void Viewports::leave_mpr() {
    const std::string series = mpr_ ? mpr_->series_uid() : std::string();
    for (std::size_t i = 0; i < 3; ++i) views_[i]->close();
    mpr_.reset();
    layout_ = Layout::one, active_ = 0;
    if (!series.empty()) views_[0]->open(series);
    followed_ = snapshot();
}

void Viewports::set_linked(bool linked) {
    linked_ = linked;
    followed_ = {};   // linking again brings the others to the active one at once
    if (!linked) notes_.fill(std::nullopt);
}

// Where view `index` should be to follow `lead` (its frame), or why it does not follow.
SliceMatch Viewports::match(std::size_t index, const ImageView& lead) const {
    const ImageView& view = *views_[index];
    if (layout_ == Layout::mpr || !linked_ || lead.series_uid().empty() || view.series_uid().empty()) return {};
    if (catalogue_.patient_index_of_series(view.series_uid()) != catalogue_.patient_index_of_series(lead.series_uid()))
        return {std::nullopt, Text::sync_other_patient};
    const SeriesEntry* source = catalogue_.find_series(lead.series_uid());
    const SeriesEntry* target = catalogue_.find_series(view.series_uid());
    if (!source || !target) return {};
    return match_slice(*source, lead.frame(), *target);
}

// The view `index` to where `lead` is: the nearest slice, the same zoom and pan, and the same
// window when both are of one modality (a CT window means nothing on MR).
void Viewports::align(std::size_t index, const ImageView& lead) {
    ImageView& view = *views_[index];
    if (layout_ == Layout::mpr) {   // one volume: the crosshair moves the planes; the window is shared
        if (!same_window(view.chosen_window(), lead.chosen_window()) && lead.chosen_window()) view.set_window(*lead.chosen_window());
        return;
    }
    const SliceMatch found = match(index, lead);
    notes_[index] = found.note;
    if (!linked_ || found.note == Text::sync_other_patient || view.series_uid().empty()) return;
    if (found.frame && *found.frame != view.frame()) view.set_frame(*found.frame);
    view.set_zoom(lead.zoom());
    view.set_pan(lead.pan_x(), lead.pan_y());
    if (view.modality() == lead.modality() && !same_window(view.chosen_window(), lead.chosen_window())) {
        if (lead.chosen_window()) view.set_window(*lead.chosen_window());
        else view.reset_window();
    }
}

void Viewports::renote() {
    for (std::size_t i = 0; i < shown(); ++i) notes_[i] = i == active_ ? std::nullopt : match(i, *views_[active_]).note;
}

Viewports::Followed Viewports::snapshot() const {
    const ImageView& lead = *views_[active_];
    return {active_, lead.series_uid(), lead.frame(), lead.zoom(), lead.pan_x(), lead.pan_y(), lead.chosen_window()};
}

void Viewports::follow() {
    const ImageView& lead = *views_[active_];
    const Followed now = snapshot();
    const Followed was = followed_;
    followed_ = now;
    // Another view made active moves nobody: the others are where they were aligned to, and
    // aligning them back to its nearest slice would move them without a reason. Their notes
    // now say how they relate to it.
    if (now.view != was.view && was.view != most) {
        renote();
        return;
    }
    if (now.series == was.series && now.frame == was.frame && now.zoom == was.zoom && now.pan_x == was.pan_x &&
        now.pan_y == was.pan_y && same_window(now.window, was.window))
        return;
    for (std::size_t i = 0; i < shown(); ++i)
        if (i != active_) align(i, lead);
}

void Viewports::tick(double now_ms) {
    for (std::size_t i = 0; i < shown(); ++i) views_[i]->tick(now_ms);
}

void Viewports::update(double budget_ms, const std::function<double()>& now_ms) {
    if (Mpr* building = mpr(); building && building->status() == Mpr::Status::building) building->build_some(budget_ms, now_ms);
    for (std::size_t i = 0; i < shown(); ++i) views_[i]->update();
}

bool Viewports::loading() const {
    for (std::size_t i = 0; i < shown(); ++i)
        if (views_[i]->status() == ViewStatus::loading) return true;
    return false;
}

}  // namespace ssmix::viewer
