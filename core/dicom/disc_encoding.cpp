// core/dicom/disc_encoding.cpp — DcmDataset::chooseRepresentation to the target syntax, then the
// file written through DCMTK's buffer stream into memory (the same stream the reader uses).
#include "core/dicom/disc_encoding.h"

#include "core/dicom/codecs.h"
#include "core/dicom/j2k_codec.h"
#include "dcmtk/config/osconfig.h"
#include <cstdio>

#include "dcmtk/dcmdata/dccodec.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcostrmb.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmdata/dcxfer.h"

namespace ssmix::dicom {
namespace {

bool jpeg(E_TransferSyntax syntax) { return syntax == EXS_JPEGProcess1 || syntax == EXS_JPEGProcess2_4 || syntax == EXS_JPEGProcess14SV1; }

bool j2k(E_TransferSyntax syntax) { return syntax == EXS_JPEG2000LosslessOnly || syntax == EXS_JPEG2000; }

bool kept(E_TransferSyntax syntax, DiscProfile profile) {
    switch (profile) {
        case DiscProfile::cd_uncompressed: return syntax == EXS_LittleEndianExplicit;
        case DiscProfile::dvd_jpeg: return syntax == EXS_LittleEndianExplicit || jpeg(syntax);
        case DiscProfile::dvd_j2k: return syntax == EXS_LittleEndianExplicit || j2k(syntax);
    }
    return false;
}

Diagnostic problem(const Dataset& dataset, std::string code, std::string message) {
    return error({dataset.name(), 0, "(0002,0010)"}, std::move(code), std::move(message));
}

// Writes the file in `syntax`, chunk by chunk from DCMTK's output buffer.
Parsed<Bytes> write_file(Dataset& dataset, E_TransferSyntax syntax, E_FileWriteMode mode) {
    Parsed<Bytes> result;
    DcmFileFormat& file = dataset.dcmtk();
    Bytes out;
    std::vector<char> buffer(1 << 20);
    DcmOutputBufferStream stream(buffer.data(), static_cast<offile_off_t>(buffer.size()));
    auto drain = [&] {
        void* data = nullptr;
        offile_off_t length = 0;
        stream.flushBuffer(data, length);
        const auto* bytes = static_cast<const std::uint8_t*>(data);
        out.insert(out.end(), bytes, bytes + length);
    };
    file.transferInit();
    OFCondition status;
    while ((status = file.write(stream, syntax, EET_ExplicitLength, nullptr, EGL_recalcGL, EPD_withoutPadding, 0, 0, 0, mode)) ==
           EC_StreamNotifyClient)
        drain();
    file.transferEnd();
    if (status.bad()) {
        result.diagnostics.push_back(problem(dataset, "dicom.write.failed", std::string("cannot write the file: ") + status.text()));
        return result;
    }
    stream.flush();
    drain();
    result.value = std::move(out);
    return result;
}

}  // namespace

const char* profile_name(DiscProfile profile) {
    switch (profile) {
        case DiscProfile::cd_uncompressed: return "STD-GEN-CD";
        case DiscProfile::dvd_jpeg: return "STD-GEN-DVD-JPEG";
        case DiscProfile::dvd_j2k: return "STD-GEN-DVD-J2K";
    }
    return "STD-GEN-CD";
}

DiscProfile dvd_profile_for(const std::vector<std::string>& syntax_uids) {
    std::size_t jpegs = 0, j2ks = 0;
    for (const auto& uid : syntax_uids) {
        const E_TransferSyntax syntax = DcmXfer(uid.c_str()).getXfer();
        jpegs += jpeg(syntax);
        j2ks += j2k(syntax);
    }
    return j2ks > jpegs ? DiscProfile::dvd_j2k : DiscProfile::dvd_jpeg;
}

DiscEncoding disc_encoding(const std::string& syntax_uid, DiscProfile profile) {
    const E_TransferSyntax syntax = DcmXfer(syntax_uid.c_str()).getXfer();
    if (kept(syntax, profile)) return {syntax_uid, false};
    return {DcmXfer(EXS_LittleEndianExplicit).getXferID(), true};
}

std::vector<AttributeFill> dicomdir_fills(const Dataset& dataset) {
    DcmDataset& data = *dataset.dcmtk().getDataset();
    std::vector<AttributeFill> fills;
    if (!data.tagExists(DCM_PatientName)) fills.push_back({"(0010,0010)", "Patient's Name", ""});
    if (!data.tagExistsWithValue(DCM_Modality)) fills.push_back({"(0008,0060)", "Modality", "OT"});
    return fills;
}

void apply_fills(Dataset& dataset, const std::vector<AttributeFill>& fills) {
    DcmDataset& data = *dataset.dcmtk().getDataset();
    for (const auto& fill : fills) {
        DcmTagKey key;
        unsigned group = 0, element = 0;
        if (std::sscanf(fill.tag.c_str(), "(%4x,%4x)", &group, &element) != 2) continue;
        key.set(static_cast<Uint16>(group), static_cast<Uint16>(element));
        data.putAndInsertString(key, fill.value.c_str());
    }
}

bool listable_in_dicomdir(const std::string& sop_class_uid) { return dcmIsaStorageSOPClassUID(sop_class_uid.c_str(), ESSC_All); }

bool can_decode(const std::string& syntax_uid) {
    register_decoders();
    if (htj2k_name(syntax_uid)) return true;   // read as JPEG 2000 (read_dataset)
    const DcmXfer syntax(syntax_uid.c_str());
    if (syntax.getXfer() == EXS_Unknown) return false;
    if (!syntax.isEncapsulated()) return true;   // native and deflated: no codec needed
    return DcmCodecList::canChangeCoding(syntax.getXfer(), EXS_LittleEndianExplicit);
}

Parsed<Bytes> transcode(Dataset& dataset, const std::string& target_syntax_uid) {
    register_decoders();
    DcmDataset& data = *dataset.dcmtk().getDataset();
    const E_TransferSyntax target = DcmXfer(target_syntax_uid.c_str()).getXfer();
    const DcmXfer original(data.getOriginalXfer());
    const OFCondition status = data.chooseRepresentation(target, nullptr);
    if (status.bad() || !data.canWriteXfer(target)) {
        Parsed<Bytes> result;
        result.diagnostics.push_back(problem(dataset, "dicom.transcode.unsupported",
                                             "cannot decode " + std::string(original.getXferName()) + ": DCMTK has no decoder for it" +
                                                 (status.bad() ? std::string(" (") + status.text() + ")" : std::string()) +
                                                 "; left out. Export it uncompressed from the modality or PACS to put it on the disc"));
        return result;
    }
    // A fresh meta header naming the syntax written (and one for input that had none).
    return write_file(dataset, target, EWM_createNewMeta);
}

Parsed<Bytes> write_part10(Dataset& dataset, bool new_meta_header) {
    return write_file(dataset, dataset.dcmtk().getDataset()->getOriginalXfer(), new_meta_header ? EWM_createNewMeta : EWM_fileformat);
}

}  // namespace ssmix::dicom
