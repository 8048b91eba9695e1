// viewer-wasm/viewports.h — one, two or four image views side by side, as a physician compares
// today's study with the prior one. One of them is active: the tools, keys and the series list
// act on it. Linked (the default), the others follow the active one: the slice at the same
// position (slice_sync.h), and the zoom, pan and, for the same modality, the window. Only views
// of one patient are linked: another patient's images never move with these.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <utility>
#include <memory>
#include <optional>
#include <string>

#include "core/base/file_source.h"
#include "viewer-wasm/catalogue.h"
#include "viewer-wasm/image_view.h"
#include "viewer-wasm/mpr.h"
#include "viewer-wasm/slice_sync.h"
#include "viewer-wasm/ui_text.h"

namespace ssmix::viewer {

enum class Layout { one, two, four, mpr };   // "1x1", "1x2" (side by side), "2x2", and MPR's three planes in a row

class Viewports {
public:
    static constexpr std::size_t most = 4;

    Viewports(FileSource& files, const Catalogue& catalogue);

    // Views that appear empty when the layout grows get the series after the active one's in
    // the list (so 4 views show four series at once); a view that shrinks away keeps its series.
    void set_layout(Layout layout);
    [[nodiscard]] Layout layout() const { return layout_; }
    [[nodiscard]] std::size_t shown() const {
        return layout_ == Layout::one ? 1 : layout_ == Layout::two ? 2 : layout_ == Layout::mpr ? 3 : 4;
    }

    [[nodiscard]] ImageView& view(std::size_t index) { return *views_[index]; }
    [[nodiscard]] const ImageView& view(std::size_t index) const { return *views_[index]; }
    [[nodiscard]] ImageView& active() { return *views_[active_]; }
    [[nodiscard]] const ImageView& active() const { return *views_[active_]; }
    [[nodiscard]] std::size_t active_index() const { return active_; }
    void activate(std::size_t index);
    // Shows a series in a view (which becomes the active one); false if no such series.
    bool show(std::size_t index, const std::string& series_uid);

    // MPR: the series reformatted, its axial, coronal and sagittal planes in views 0, 1 and 2
    // (false: no such series). Whether a series can be is known first (mpr_verdict, kept per
    // series). Leaving (another layout, or a series shown) frees the volume.
    [[nodiscard]] const MprVerdict& mpr_verdict(const std::string& series_uid);
    bool start_mpr(const std::string& series_uid, std::uint64_t budget = viewer_volume_budget);
    [[nodiscard]] Mpr* mpr() { return layout_ == Layout::mpr ? mpr_.get() : nullptr; }

    void set_linked(bool linked);
    [[nodiscard]] bool linked() const { return linked_; }
    // Why a view does not follow the active one, or follows only approximately (none: it follows,
    // or it is the active one).
    [[nodiscard]] std::optional<Text> note(std::size_t index) const { return notes_[index]; }

    // Each UI frame: the others follow the active view (when linked), then loading goes on.
    void follow();
    void tick(double now_ms);
    void update(double budget_ms, const std::function<double()>& now_ms);   // MPR's volume is built here
    [[nodiscard]] bool loading() const;

private:
    struct Followed {   // what the others were last made to follow
        std::size_t view = most;
        std::string series;
        unsigned frame = 0;
        float zoom = 0, pan_x = 0, pan_y = 0;
        std::optional<dicom::Window> window;
    };
    [[nodiscard]] std::string series_after(const std::string& series_uid) const;
    [[nodiscard]] SliceMatch match(std::size_t index, const ImageView& lead) const;
    void align(std::size_t index, const ImageView& lead);
    void renote();   // every view's note against the active one
    [[nodiscard]] Followed snapshot() const;   // of the active view
    void leave_mpr();

    FileSource& files_;
    const Catalogue& catalogue_;
    std::shared_ptr<Mpr> mpr_;
    std::map<std::string, std::pair<std::size_t, MprVerdict>> mpr_verdicts_;   // with the image count decided on
    std::array<std::unique_ptr<ImageView>, most> views_;
    std::array<std::optional<Text>, most> notes_;
    Layout layout_ = Layout::one;
    std::size_t active_ = 0;
    bool linked_ = true;
    Followed followed_;
};

}  // namespace ssmix::viewer
