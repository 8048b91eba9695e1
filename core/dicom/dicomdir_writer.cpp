// core/dicom/dicomdir_writer.cpp — DicomDirInterface wants file IDs relative to the
// DICOMDIR's folder, so every file is added with the tree root as its directory. As dcmmkdir's
// +I does, a value the profile requires and a file lacks (Study Date, Study ID ...) is invented
// for the DICOMDIR record; DCMTK says so only in its log, which is read back into a warning for
// the file (and why a file is refused, into its error).
#include "core/base/disc_names.h"
#include "core/dicom/dcmtk_log.h"
#include "core/dicom/disc_encoding.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcddirif.h"

namespace ssmix::dicom {

struct DicomdirBuilder::State {
    std::filesystem::path root;
    std::string dicomdir;
    DicomDirInterface interface;
    OFCondition created;
};

DicomdirBuilder::DicomdirBuilder(std::filesystem::path root, DiscProfile profile, const std::string& fileset_id) : state_(new State) {
    state_->root = std::move(root);
    state_->dicomdir = (state_->root / disc::dicomdir).string();
    DicomDirInterface& interface = state_->interface;
    interface.disableBackupMode();
    interface.enableInventMode();
    const auto application_profile = profile == DiscProfile::dvd_jpeg  ? DicomDirInterface::AP_GeneralPurposeDVDJPEG
                                     : profile == DiscProfile::dvd_j2k ? DicomDirInterface::AP_GeneralPurposeDVDJPEG2000
                                                                       : DicomDirInterface::AP_GeneralPurpose;
    state_->created = interface.createNewDicomDir(application_profile, state_->dicomdir.c_str(), fileset_id.c_str());
}

DicomdirBuilder::~DicomdirBuilder() = default;

bool DicomdirBuilder::add(const std::string& file, const std::string& source, std::vector<Diagnostic>& problems) {
    if (state_->created.bad()) return true;   // write() reports it once
    const DcmtkLogCapture log("dcmtk.dcmdata", false);
    const OFCondition status = state_->interface.addDicomFile(file.c_str(), state_->root.string().c_str());
    std::string said;
    for (auto line : log.lines()) {
        // the file is named anyway (DCMTK puts "in file: X" after, or "file X: " before)
        if (const auto at = line.find(" in file: "); at != std::string::npos) line.resize(at);
        if (line.rfind("file ", 0) == 0)
            if (const auto colon = line.find(": "); colon != std::string::npos) line.erase(0, colon + 2);
        if (line.find("missing, using alternative") != std::string::npos || line.find("inventing") != std::string::npos)
            problems.push_back(warning({source, 0, ""}, "dicomdir.invented", "the DICOMDIR record fills in what the file lacks: " + line));
        else if (said.empty())
            said = line;
    }
    if (status.good()) return true;
    problems.push_back(error({source, 0, ""}, "dicomdir.add_failed",
                             "the DICOMDIR cannot list it (" + (said.empty() ? std::string(status.text()) : said) + "); left off the disc"));
    return false;
}

std::vector<Diagnostic> DicomdirBuilder::write() {
    std::vector<Diagnostic> problems;
    OFCondition status = state_->created;
    if (status.good()) status = state_->interface.writeDicomDir();
    if (status.bad())
        problems.push_back(error({state_->dicomdir, 0, ""}, "dicomdir.write_failed", std::string("cannot write the DICOMDIR: ") + status.text()));
    return problems;
}

}  // namespace ssmix::dicom
