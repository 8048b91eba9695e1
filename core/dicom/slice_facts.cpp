// core/dicom/slice_facts.cpp — top-level attributes only; an enhanced image's per-frame
// functional groups are not read here.
#include "core/dicom/slice_facts.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"

namespace ssmix::dicom {
namespace {

template <std::size_t N>
std::optional<std::array<double, N>> decimals(DcmItem& item, const DcmTagKey& tag) {
    std::array<double, N> values{};
    for (std::size_t i = 0; i < N; ++i)
        if (item.findAndGetFloat64(tag, values[i], static_cast<unsigned long>(i)).bad()) return std::nullopt;
    return values;
}

}  // namespace

SliceFacts slice_facts(const Dataset& dataset) {
    DcmDataset& data = *dataset.dcmtk().getDataset();
    SliceFacts facts;
    facts.position = decimals<3>(data, DCM_ImagePositionPatient);
    facts.orientation = decimals<6>(data, DCM_ImageOrientationPatient);
    facts.pixel_spacing = decimals<2>(data, DCM_PixelSpacing);
    Uint16 rows = 0, columns = 0, bits = 16, representation = 0;
    data.findAndGetUint16(DCM_Rows, rows);
    data.findAndGetUint16(DCM_Columns, columns);
    data.findAndGetUint16(DCM_BitsStored, bits);
    data.findAndGetUint16(DCM_PixelRepresentation, representation);
    facts.rows = rows, facts.columns = columns, facts.bits_stored = bits == 0 ? 16 : bits, facts.pixel_signed = representation == 1;
    // DCMTK zeroes the output of a failed look-up, so the defaults (1, 0) go through temporaries.
    Float64 slope = 1, intercept = 0;
    if (data.findAndGetFloat64(DCM_RescaleSlope, slope).good()) facts.rescale_slope = slope;
    if (data.findAndGetFloat64(DCM_RescaleIntercept, intercept).good()) facts.rescale_intercept = intercept;
    return facts;
}

}  // namespace ssmix::dicom
