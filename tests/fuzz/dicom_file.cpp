// tests/fuzz/dicom_file.cpp — fuzzes core/dicom on a file from another vendor's disc: any bytes
// are read (DCMTK's parser), described, and when they are a report, a document or a key image
// selection read as one (dcmsr), else their first frame decoded and rendered (DCMTK's codecs
// and ours for JPEG 2000, the functional groups) — without crashing. Frames larger than 16
// megapixels are not rendered: their allocation, not a bug, would stop the fuzzer.
#include <cstddef>
#include <cstdint>

#include "core/cda/render.h"
#include "core/dicom/dataset.h"
#include "core/dicom/dicom_document.h"
#include "core/dicom/image.h"
#include "core/dicom/instance.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto dataset = ssmix::dicom::read_dataset({data, size}, "fuzz.dcm");
    if (!dataset.value) return 0;
    const auto instance = ssmix::dicom::describe(*dataset.value);
    if (!instance.value) return 0;
    switch (ssmix::dicom::document_kind(instance.value->sop_class_uid)) {
        case ssmix::dicom::DicomDocumentKind::key_objects:
            (void)ssmix::dicom::read_key_objects(*dataset.value);
            return 0;
        case ssmix::dicom::DicomDocumentKind::none:
            break;
        default:
            if (auto document = ssmix::dicom::read_dicom_document(*dataset.value); document.value)
                (void)ssmix::cda::render_html_page(*document.value);
            return 0;
    }
    const auto& x = *instance.value;
    if (!x.has_image() || std::uint64_t{x.rows} * x.columns * x.samples_per_pixel > (16u << 20)) return 0;
    ssmix::dicom::FrameRenderer renderer(*dataset.value);
    (void)renderer.render(0, std::nullopt);
    return 0;
}
