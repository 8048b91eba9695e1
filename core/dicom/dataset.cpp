// core/dicom/dataset.cpp — DCMTK's buffer stream: the same code path natively and in wasm,
// where there is no file system to read from.
#include "core/dicom/dataset.h"

#include "core/dicom/codecs.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcistrmb.h"

namespace ssmix::dicom {

Dataset::Dataset(std::unique_ptr<DcmFileFormat> file, std::string name)
    : file_(std::move(file)), name_(std::move(name)) {}
Dataset::Dataset(Dataset&&) noexcept = default;
Dataset& Dataset::operator=(Dataset&&) noexcept = default;
Dataset::~Dataset() = default;

Dataset adopt_dataset(DcmDataset* dataset, std::string name) {
    return Dataset(std::make_unique<DcmFileFormat>(dataset, OFFalse), std::move(name));
}

Parsed<Dataset> read_dataset(ByteView bytes, const std::string& name) {
    register_decoders();   // also keeps DCMTK's own log off the console
    Parsed<Dataset> result;
    if (bytes.empty()) {
        result.diagnostics.push_back(error({name, 0, ""}, "dicom.read.empty", "the file is empty"));
        return result;
    }
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.data(), static_cast<offile_off_t>(bytes.size()));
    stream.setEos();
    auto file = std::make_unique<DcmFileFormat>();
    file->transferInit();
    const OFCondition status = file->read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
    file->transferEnd();
    if (status.bad()) {
        result.diagnostics.push_back(error({name, 0, ""}, "dicom.read.failed",
                                           std::string("not a readable DICOM file: ") + status.text()));
        return result;
    }
    result.value.emplace(std::move(file), name);
    return result;
}

}  // namespace ssmix::dicom
