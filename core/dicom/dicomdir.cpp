// core/dicom/dicomdir.cpp — the Directory Record Sequence in order, carrying each PATIENT,
// STUDY and SERIES record's identity down to the instance records below it.
#include "core/dicom/dicomdir.h"

#include <algorithm>
#include <string_view>

#include "core/dicom/dataset.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"

namespace ssmix::dicom {
namespace {

std::string text(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    return item.findAndGetOFStringArray(tag, value).good() ? std::string(value.c_str()) : std::string();
}

// A Referenced File ID's components (PS3.10 §8.2: up to 8 of A-Z, 0-9, _), read leniently as
// other vendors write them, but never one that could name a place outside the disc's folder.
bool safe_file_id(const std::string& joined) {
    if (joined.empty() || joined.front() == '/' || joined.back() == '/') return false;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const std::size_t end = std::min(joined.find('/', start), joined.size());
        const std::string_view component(joined.data() + start, end - start);
        if (component.empty() || component == "." || component == ".." || component.find('\0') != std::string_view::npos)
            return false;
        start = end + 1;
    }
    return true;
}

int integer(DcmItem& item, const DcmTagKey& tag) {
    Sint32 value = 0;
    return item.findAndGetSint32(tag, value).good() ? value : 0;
}

}  // namespace

Parsed<std::vector<DicomdirEntry>> read_dicomdir(ByteView bytes, const std::string& name) {
    Parsed<std::vector<DicomdirEntry>> result;
    auto dataset = read_dataset(bytes, name);
    result.diagnostics = dataset.diagnostics;
    if (!dataset.value) return result;
    // The records are items of (0004,1220), linked into a tree by byte offsets. Writers (DCMTK's
    // among them) store them depth first, PATIENT before its STUDY before its SERIES before its
    // instances, so reading them in order gives each instance its context. (Following the
    // offsets would need DcmDicomDir, which reads only from files.)
    DcmDataset& data = *dataset.value->dcmtk().getDataset();
    DcmSequenceOfItems* sequence = nullptr;
    if (data.findAndGetSequence(DCM_DirectoryRecordSequence, sequence).bad() || !sequence) {
        result.diagnostics.push_back(error({name, 0, "(0004,1220)"}, "dicomdir.no_records", "the Directory Record Sequence is missing"));
        return result;
    }
    std::vector<DicomdirEntry> entries;
    DicomdirEntry context;
    for (unsigned long i = 0; i < sequence->card(); ++i) {
        DcmItem& item = *sequence->getItem(i);
        const std::string type = text(item, DCM_DirectoryRecordType);
        if (type == "PATIENT") {
            context = {};
            context.patient_id = text(item, DCM_PatientID);
            context.patient_name = text(item, DCM_PatientName);
        } else if (type == "STUDY") {
            context.study_uid = text(item, DCM_StudyInstanceUID);
            context.study_date = text(item, DCM_StudyDate);
            context.study_description = text(item, DCM_StudyDescription);
            context.series_uid.clear();
        } else if (type == "SERIES") {
            context.series_uid = text(item, DCM_SeriesInstanceUID);
            context.modality = text(item, DCM_Modality);
            context.series_number = integer(item, DCM_SeriesNumber);
        }
        OFString file_id;
        if (item.findAndGetOFStringArray(DCM_ReferencedFileID, file_id).good() && !file_id.empty()) {
            DicomdirEntry entry = context;
            entry.record_type = type;
            entry.file.assign(file_id.c_str(), file_id.length());
            if (entry.file.find('/') != std::string::npos) entry.file.clear();   // '/' is no separator in a File ID
            for (char& c : entry.file)
                if (c == '\\') c = '/';
            if (!safe_file_id(entry.file)) {
                result.diagnostics.push_back(error({name, 0, "(0004,1500)"}, "dicomdir.bad_file_id",
                                                   "record " + std::to_string(i + 1) + ": Referenced File ID \"" +
                                                       std::string(file_id.c_str(), file_id.length()) + "\" names no file inside the disc"));
                continue;
            }
            entry.sop_instance_uid = text(item, DCM_ReferencedSOPInstanceUIDInFile);
            entry.sop_class_uid = text(item, DCM_ReferencedSOPClassUIDInFile);
            entry.transfer_syntax_uid = text(item, DCM_ReferencedTransferSyntaxUIDInFile);
            entry.instance_number = integer(item, DCM_InstanceNumber);
            entries.push_back(std::move(entry));
        }
    }
    result.value = std::move(entries);
    return result;
}

}  // namespace ssmix::dicom
