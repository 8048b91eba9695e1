// core/dicom/dataset.h — a DICOM Part 10 file (or bare dataset) read from memory with DCMTK.
// Owns the parsed DcmFileFormat; the rest of core/dicom reads it, nothing outside does.
#pragma once

#include <memory>
#include <string>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"

class DcmDataset;      // DCMTK; stays inside core/dicom (and dcmnet in the packager)
class DcmFileFormat;

namespace ssmix::dicom {

class Dataset {
public:
    Dataset(std::unique_ptr<DcmFileFormat> file, std::string name);
    Dataset(Dataset&&) noexcept;
    Dataset& operator=(Dataset&&) noexcept;
    ~Dataset();

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] DcmFileFormat& dcmtk() const { return *file_; }

private:
    std::unique_ptr<DcmFileFormat> file_;
    std::string name_;
};

// A dataset received over the network, with no file around it; the Dataset owns it from now on.
[[nodiscard]] Dataset adopt_dataset(DcmDataset* dataset, std::string name);

// Reads the whole file into memory (pixel data included). `name` is used in diagnostics.
[[nodiscard]] Parsed<Dataset> read_dataset(ByteView bytes, const std::string& name);

}  // namespace ssmix::dicom
