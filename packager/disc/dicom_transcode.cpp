// packager/disc/dicom_transcode.cpp — DcmDataset::chooseRepresentation to Explicit VR Little
// Endian, saved with a fresh meta header; files already right are copied byte for byte.
#include "packager/disc/dicom_transcode.h"

#include <system_error>

#include "core/dicom/codecs.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcxfer.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

Parsed<DiscDicom> write_disc_dicom(const fs::path& input, const fs::path& output, bool keep_compressed) {
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
    if (keep_compressed || original == EXS_LittleEndianExplicit) {
        std::error_code ec;
        fs::copy_file(input, output, fs::copy_options::overwrite_existing, ec);
        if (ec) return fail("io.write", "cannot copy to " + output.string() + ": " + ec.message());
        result.value = disc;
        return result;
    }
    status = data.chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    if (status.bad() || !data.canWriteXfer(EXS_LittleEndianExplicit))
        return fail("dicom.transcode.unsupported",
                    std::string("cannot decode ") + disc.input_transfer_syntax + " to Explicit VR Little Endian" +
                        (status.bad() ? std::string(": ") + status.text() : std::string(" (no decoder for it)")));
    status = file.saveFile(output.c_str(), EXS_LittleEndianExplicit, EET_ExplicitLength, EGL_recalcGL, EPD_withoutPadding);
    if (status.bad()) return fail("dicom.transcode.write_failed", "cannot write " + output.string() + ": " + status.text());
    disc.transfer_syntax_uid = DcmXfer(EXS_LittleEndianExplicit).getXferID();
    disc.transcoded = true;
    result.value = disc;
    return result;
}

}  // namespace ssmix::packager
