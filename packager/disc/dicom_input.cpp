// packager/disc/dicom_input.cpp — a DICOMDIR in the input is a directory of another file-set, not
// an instance: it is skipped here (its referenced files are found by the folder search).
#include "packager/disc/dicom_input.h"

#include <algorithm>
#include <set>

#include "core/dicom/dataset.h"
#include "packager/console.h"
#include "packager/input_files.h"
#include "core/base/durable_file.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view media_storage_directory_class = "1.2.840.10008.1.3.10";

// DICOM Part 10: a 128-byte preamble, then "DICM" (PS3.10 §7.1).
bool has_dicom_preamble(const Bytes& bytes) {
    return bytes.size() >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M';
}

}  // namespace

DicomInputs collect_dicom(const std::vector<fs::path>& paths) {
    DicomInputs result;
    InputFiles input = gather_files(paths);
    result.diagnostics = std::move(input.diagnostics);
    const std::vector<fs::path>& files = input.files;

    std::set<std::string> seen_uids;
    Progress progress("Reading DICOM");
    for (std::size_t i = 0; i < files.size(); ++i) {
        progress.update(i + 1, files.size());
        const fs::path& file = files[i];
        Bytes bytes;
        try {
            bytes = read_file(file);
        } catch (const std::system_error& e) {
            result.diagnostics.push_back(error({file.string(), 0, ""}, "input.unreadable", e.what()));
            continue;
        }
        auto dataset = dicom::read_dataset(bytes, file.string());
        if (!dataset.value) {
            // A damaged DICOM file is an error; any other file (a stray README) is only skipped.
            if (!has_dicom_preamble(bytes))
                for (auto& d : dataset.diagnostics) d.severity = Severity::warning;
            result.diagnostics.insert(result.diagnostics.end(), dataset.diagnostics.begin(), dataset.diagnostics.end());
            continue;
        }
        auto described = dicom::describe(*dataset.value);
        result.diagnostics.insert(result.diagnostics.end(), described.diagnostics.begin(), described.diagnostics.end());
        if (!described.value) continue;
        if (described.value->sop_class_uid == media_storage_directory_class) continue;
        if (!seen_uids.insert(described.value->sop_instance_uid).second) {
            result.diagnostics.push_back(warning({file.string(), 0, "(0008,0018)"}, "dicom.duplicate",
                                                 "same SOP Instance UID as an earlier file; this copy is skipped"));
            continue;
        }
        result.instances.push_back({file, std::move(*described.value)});
    }
    return result;
}

}  // namespace ssmix::packager
