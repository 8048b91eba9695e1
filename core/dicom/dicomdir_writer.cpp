// core/dicom/dicomdir_writer.cpp — DicomDirInterface wants file IDs relative to the
// DICOMDIR's folder, so every file is added with the tree root as its directory.
#include "core/dicom/disc_encoding.h"

#include "core/base/disc_names.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcddirif.h"

namespace ssmix::dicom {

std::vector<Diagnostic> write_dicomdir(const std::filesystem::path& root, const std::vector<std::string>& files,
                                       DiscProfile profile, const std::string& fileset_id) {
    std::vector<Diagnostic> problems;
    const std::string dicomdir = (root / disc::dicomdir).string();
    DicomDirInterface interface;
    interface.disableBackupMode();
    const auto application_profile = profile == DiscProfile::dvd_jpeg  ? DicomDirInterface::AP_GeneralPurposeDVDJPEG
                                     : profile == DiscProfile::dvd_j2k ? DicomDirInterface::AP_GeneralPurposeDVDJPEG2000
                                                                       : DicomDirInterface::AP_GeneralPurpose;
    OFCondition status = interface.createNewDicomDir(application_profile, dicomdir.c_str(), fileset_id.c_str());
    if (status.bad()) {
        problems.push_back(error({dicomdir, 0, ""}, "dicomdir.create_failed", std::string("cannot create the DICOMDIR: ") + status.text()));
        return problems;
    }
    for (const auto& file : files) {
        status = interface.addDicomFile(file.c_str(), root.string().c_str());
        if (status.bad())
            problems.push_back(error({file, 0, ""}, "dicomdir.add_failed",
                                     std::string("cannot be referenced from the DICOMDIR: ") + status.text()));
    }
    status = interface.writeDicomDir();
    if (status.bad())
        problems.push_back(error({dicomdir, 0, ""}, "dicomdir.write_failed", std::string("cannot write the DICOMDIR: ") + status.text()));
    return problems;
}

}  // namespace ssmix::dicom
