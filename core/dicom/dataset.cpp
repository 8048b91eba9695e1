// core/dicom/dataset.cpp — DCMTK's buffer stream: the same code path natively and in wasm,
// where there is no file system to read from.
#include "core/dicom/dataset.h"

#include <exception>
#include <string>

#include "core/dicom/codecs.h"
#include "core/dicom/dcmtk_guard.h"
#include "core/dicom/j2k_codec.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcistrmb.h"
#include "dcmtk/dcmdata/dcmetinf.h"

namespace ssmix::dicom {

Dataset::Dataset(std::unique_ptr<DcmFileFormat> file, std::string name)
    : file_(std::move(file)), name_(std::move(name)) {}
Dataset::Dataset(Dataset&&) noexcept = default;
Dataset& Dataset::operator=(Dataset&&) noexcept = default;
Dataset::~Dataset() = default;

Dataset adopt_dataset(DcmDataset* dataset, std::string name) {
    return Dataset(std::make_unique<DcmFileFormat>(dataset, OFFalse), std::move(name));
}

namespace {

// The meta header, then the dataset in `dataset_syntax` (EXS_Unknown: the one the meta header names).
OFCondition read_file_unguarded(ByteView bytes, DcmFileFormat& file, E_TransferSyntax dataset_syntax) {
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.data(), static_cast<offile_off_t>(bytes.size()));
    stream.setEos();
    if (dataset_syntax == EXS_Unknown) {
        file.transferInit();
        const OFCondition status = file.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
        file.transferEnd();
        return status;
    }
    DcmMetaInfo& meta = *file.getMetaInfo();
    meta.transferInit();
    OFCondition status = meta.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
    meta.transferEnd();
    if (status.bad()) return status;
    DcmDataset& data = *file.getDataset();
    data.transferInit();
    status = data.read(stream, dataset_syntax, EGL_noChange, DCM_MaxReadLength);
    data.transferEnd();
    return status;
}

// DCMTK 3.6.7 can throw while reading: a directory record whose Directory Record Type or
// Referenced File ID has several values, the last longer than CS allows, makes its automatic
// correction erase past the string's end (std::out_of_range; found by fuzzing). Such a file is
// refused like any other unreadable one.
OFCondition read_file(ByteView bytes, DcmFileFormat& file, E_TransferSyntax dataset_syntax) {
    try {
        return read_file_unguarded(bytes, file, dataset_syntax);
    } catch (const std::exception& e) {
        return makeOFCondition(OFM_dcmdata, 1000, OF_error, (std::string("DCMTK failed on it: ") + e.what()).c_str());
    }
}

}  // namespace

Parsed<Dataset> read_dataset(ByteView bytes, const std::string& name) {
    register_decoders();   // also keeps DCMTK's own log off the console
    Parsed<Dataset> result;
    if (bytes.empty()) {
        result.diagnostics.push_back(error({name, 0, ""}, "dicom.read.empty", "the file is empty"));
        return result;
    }
    if (auto hazard = dcmtk_hazard(bytes, name)) {
        result.diagnostics.push_back(std::move(*hazard));
        return result;
    }
    auto file = std::make_unique<DcmFileFormat>();
    OFCondition status = read_file(bytes, *file, EXS_Unknown);
    // A High-Throughput JPEG 2000 file, whose syntax DCMTK does not know, read again with its
    // pixel data as JPEG 2000 (the meta header keeps the syntax it names).
    OFString meta_syntax;
    if (status.good() && file->getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, meta_syntax).good() && htj2k_name(meta_syntax.c_str())) {
        file = std::make_unique<DcmFileFormat>();
        status = read_file(bytes, *file, EXS_JPEG2000);
    }
    if (status.bad()) {
        result.diagnostics.push_back(error({name, 0, ""}, "dicom.read.failed",
                                           std::string("not a readable DICOM file: ") + status.text()));
        return result;
    }
    result.value.emplace(std::move(file), name);
    return result;
}

}  // namespace ssmix::dicom
