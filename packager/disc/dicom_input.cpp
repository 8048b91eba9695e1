// packager/disc/dicom_input.cpp — a DICOMDIR in the input is a directory of another file-set, not
// an instance: it is skipped here (its referenced files are found by the folder search).
#include "packager/disc/dicom_input.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/base/sha256.h"
#include "core/dicom/dataset.h"
#include "packager/support/console.h"
#include "packager/support/input_files.h"
#include "core/base/durable_file.h"
#include "packager/support/parallel.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view media_storage_directory_class = "1.2.840.10008.1.3.10";

// DICOM Part 10: a 128-byte preamble, then "DICM" (PS3.10 §7.1).
bool has_dicom_preamble(const Bytes& bytes) {
    return bytes.size() >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M';
}

}  // namespace

namespace {

struct FileResult {
    std::optional<dicom::Instance> instance;
    std::vector<dicom::AttributeFill> fills;
    std::string sha256;
    std::vector<Diagnostic> diagnostics;
};

// Reads and parses the whole file, so a damaged one is found before anything is written.
FileResult read_one(const fs::path& file) {
    FileResult result;
    Bytes bytes;
    try {
        bytes = read_file(file);
    } catch (const std::system_error& e) {
        result.diagnostics.push_back(error({file.string(), 0, ""}, "input.unreadable", e.what()));
        return result;
    }
    auto dataset = dicom::read_dataset(bytes, file.string());
    if (!dataset.value) {
        // A damaged DICOM file is an error; any other file (a stray README) is only skipped.
        if (!has_dicom_preamble(bytes))
            for (auto& d : dataset.diagnostics) d.severity = Severity::warning;
        result.diagnostics = std::move(dataset.diagnostics);
        return result;
    }
    auto described = dicom::describe(*dataset.value);
    result.diagnostics = std::move(described.diagnostics);
    if (described.value && described.value->sop_class_uid != media_storage_directory_class) {
        result.instance = std::move(described.value);
        result.fills = dicom::dicomdir_fills(*dataset.value);
        result.sha256 = sha256_hex(bytes);   // read anyway; saves reading it again for SHA256.TXT
    }
    return result;
}

}  // namespace

DicomInputs collect_dicom(const std::vector<fs::path>& paths) {
    DicomInputs result;
    InputFiles input = gather_files(paths);
    result.diagnostics = std::move(input.diagnostics);
    const std::vector<fs::path>& files = input.files;

    Progress progress("Reading DICOM");
    std::vector<FileResult> read(files.size());
    parallel_for(files.size(), [&](std::size_t i) { read[i] = read_one(files[i]); });
    progress.update(files.size(), files.size());

    std::set<std::string> seen_uids;
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto& [instance, fills, sha256, diagnostics] = read[i];
        result.diagnostics.insert(result.diagnostics.end(), diagnostics.begin(), diagnostics.end());
        if (!instance) continue;
        if (!seen_uids.insert(instance->sop_instance_uid).second) {
            result.diagnostics.push_back(warning({files[i].string(), 0, "(0008,0018)"}, "dicom.duplicate",
                                                 "same SOP Instance UID as an earlier file; this copy is skipped"));
            continue;
        }
        result.instances.push_back({files[i], std::move(*instance), std::move(sha256), std::move(fills)});
    }
    return result;
}

}  // namespace ssmix::packager
