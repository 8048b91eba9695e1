// packager/disc/dicom_transcode.cpp — DcmDataset::chooseRepresentation to Explicit VR Little
// Endian, saved with a fresh meta header; files already right are copied byte for byte.
#include "packager/disc/dicom_transcode.h"

#include <system_error>

#include "core/dicom/codecs.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcmetinf.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcxfer.h"

namespace ssmix::packager {
namespace fs = std::filesystem;
namespace {

bool allowed_on_dvd(E_TransferSyntax syntax) {
    return syntax == EXS_LittleEndianExplicit || syntax == EXS_JPEGProcess1 || syntax == EXS_JPEGProcess2_4 ||
           syntax == EXS_JPEGProcess14SV1;
}

// A Part 10 file: preamble, "DICM" and a meta header naming the transfer syntax.
bool is_part10(DcmFileFormat& file) {
    return file.getMetaInfo()->tagExists(DCM_TransferSyntaxUID) && file.getMetaInfo()->tagExists(DCM_MediaStorageSOPInstanceUID);
}

}  // namespace

Parsed<DiscDicom> write_disc_dicom(const fs::path& input, const fs::path& output, bool keep_compressed, bool may_link) {
    Parsed<DiscDicom> result;
    auto fail = [&](std::string code, std::string message) {
        std::error_code ignored;
        fs::remove(output, ignored);
        result.diagnostics.push_back(error({input.string(), 0, "(0002,0010)"}, std::move(code), std::move(message)));
        return std::move(result);
    };
    dicom::register_decoders();
    DcmFileFormat file;
    OFCondition status = file.loadFile(input.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect);
    if (status.bad()) return fail("dicom.read.failed", std::string("not a readable DICOM file: ") + status.text());
    DcmDataset& data = *file.getDataset();
    const E_TransferSyntax original = data.getOriginalXfer();
    DiscDicom disc{DcmXfer(original).getXferName(), DcmXfer(original).getXferID(), false};

    fs::create_directories(output.parent_path());
    const bool allowed = keep_compressed ? allowed_on_dvd(original) : original == EXS_LittleEndianExplicit;
    if (allowed && is_part10(file)) {
        std::error_code ec;
        if (!may_link || (fs::create_hard_link(input, output, ec), ec)) {
            ec.clear();   // another file system, or links not allowed: copy
            fs::copy_file(input, output, fs::copy_options::overwrite_existing, ec);
        }
        if (ec) return fail("io.write", "cannot copy to " + output.string() + ": " + ec.message());
        result.value = disc;
        return result;
    }
    const E_TransferSyntax target = allowed ? original : EXS_LittleEndianExplicit;
    status = data.chooseRepresentation(target, nullptr);
    if (status.bad() || !data.canWriteXfer(target))
        return fail("dicom.transcode.unsupported",
                    "cannot decode " + disc.input_transfer_syntax + ": DCMTK has no decoder for it" +
                        (status.bad() ? std::string(" (") + status.text() + ")" : std::string()) +
                        "; left out. Export it uncompressed from the modality or PACS to put it on the disc");
    // EWM_createNewMeta: a fresh meta header naming the syntax written (and one for input
    // that had none).
    status = file.saveFile(output.c_str(), target, EET_ExplicitLength, EGL_recalcGL, EPD_withoutPadding, 0, 0, EWM_createNewMeta);
    if (status.bad()) return fail("dicom.transcode.write_failed", "cannot write " + output.string() + ": " + status.text());
    disc.transfer_syntax_uid = DcmXfer(target).getXferID();
    disc.transcoded = target != original;
    result.value = disc;
    return result;
}

}  // namespace ssmix::packager
