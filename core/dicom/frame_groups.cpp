// core/dicom/frame_groups.cpp
#include "core/dicom/frame_groups.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcitem.h"
#include "dcmtk/dcmdata/dcdatset.h"

namespace ssmix::dicom {
namespace {

std::optional<double> number(DcmItem& item, const DcmTagKey& tag, unsigned long position = 0) {
    Float64 value = 0;
    if (item.findAndGetFloat64(tag, value, position).good()) return value;
    return std::nullopt;
}

// The first item of a macro's sequence inside a functional group item.
DcmItem* macro(DcmItem& group, const DcmTagKey& sequence) {
    DcmItem* item = nullptr;
    return group.findAndGetSequenceItem(sequence, item, 0).good() ? item : nullptr;
}

std::optional<std::array<double, 6>> orientation_of(DcmItem& item) {
    std::array<double, 6> o{};
    for (unsigned long i = 0; i < 6; ++i) {
        const auto v = number(item, DCM_ImageOrientationPatient, i);
        if (!v) return std::nullopt;
        o[i] = *v;
    }
    return o;
}

// Takes what `group` says; called for the shared item, then the frame's own (which wins).
void read_group(DcmItem& group, FrameGroups& out) {
    if (DcmItem* m = macro(group, DCM_PixelValueTransformationSequence)) {
        if (auto v = number(*m, DCM_RescaleSlope)) out.rescale_slope = v;
        if (auto v = number(*m, DCM_RescaleIntercept)) out.rescale_intercept = v;
    }
    if (DcmItem* m = macro(group, DCM_FrameVOILUTSequence)) {
        auto center = number(*m, DCM_WindowCenter), width = number(*m, DCM_WindowWidth);
        if (center && width) out.window_center = center, out.window_width = width;
    }
    if (DcmItem* m = macro(group, DCM_PixelMeasuresSequence)) {
        auto row = number(*m, DCM_PixelSpacing, 0), column = number(*m, DCM_PixelSpacing, 1);
        if (row && column) out.spacing_row = row, out.spacing_column = column;
        if (auto thickness = number(*m, DCM_SliceThickness)) out.slice_thickness = thickness;
    }
    if (DcmItem* m = macro(group, DCM_PlaneOrientationSequence)) {
        if (auto o = orientation_of(*m)) out.orientation = o;
    }
    if (DcmItem* m = macro(group, DCM_PlanePositionSequence))
        if (auto z = number(*m, DCM_ImagePositionPatient, 2)) out.position_z = z;
}

}  // namespace

FrameGroups frame_groups(const Dataset& dataset, unsigned frame) {
    FrameGroups out;
    DcmDataset& data = *dataset.dcmtk().getDataset();
    // A classic image says it at the top level; an enhanced one's groups override it.
    out.orientation = orientation_of(data);
    out.slice_thickness = number(data, DCM_SliceThickness);
    DcmItem* item = nullptr;
    if (data.findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, item, 0).good() && item) read_group(*item, out);
    item = nullptr;
    if (data.findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, item, static_cast<signed long>(frame)).good() && item)
        read_group(*item, out);
    return out;
}

}  // namespace ssmix::dicom
