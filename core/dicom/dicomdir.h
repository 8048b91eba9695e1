// core/dicom/dicomdir.h — reads a DICOMDIR (PS3.10 Basic Directory): the instance records with
// the file they reference and the patient/study/series they belong to. Used by `ssmix verify`
// (every reference resolves) and by the viewer (what a disc holds without opening every file).
#pragma once

#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"

namespace ssmix::dicom {

struct DicomdirEntry {
    std::string record_type;          // IMAGE, ENCAP DOC, SR DOCUMENT ...
    std::string file;                 // Referenced File ID joined with '/': "DICOM/P0000001/ST000001/SE000001/IM000001"
    std::string sop_instance_uid, sop_class_uid, transfer_syntax_uid;
    std::string patient_id, patient_name;
    std::string study_uid, study_date, study_description;
    std::string series_uid, modality;
    int series_number = 0, instance_number = 0;
};

// Every record that references a file, in directory order.
[[nodiscard]] Parsed<std::vector<DicomdirEntry>> read_dicomdir(ByteView bytes, const std::string& name);

}  // namespace ssmix::dicom
