// core/dicom/dataset.h — a DICOM Part 10 file (or bare dataset) read from memory with DCMTK.
// Owns the parsed DcmFileFormat; the rest of core/dicom reads it, nothing outside does.
#pragma once

#include <memory>
#include <string>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"

class DcmFileFormat;   // DCMTK; stays inside core/dicom

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

// Reads the whole file into memory (pixel data included). `name` is used in diagnostics.
[[nodiscard]] Parsed<Dataset> read_dataset(ByteView bytes, const std::string& name);

}  // namespace ssmix::dicom
