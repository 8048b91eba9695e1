// core/dicom/instance.cpp — header fields via DCMTK's findAndGet*; missing optional fields
// read as empty, as everywhere in the core.
#include "core/dicom/instance.h"

#include <cmath>

#include "core/dicom/j2k_codec.h"
#include "core/dicom/text.h"

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcmetinf.h"
#include "dcmtk/dcmdata/dcxfer.h"

namespace ssmix::dicom {
namespace {

std::string text(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).bad()) return {};
    return value.c_str();
}

unsigned number(DcmItem& item, const DcmTagKey& tag) {
    Uint16 value = 0;
    return item.findAndGetUint16(tag, value).good() ? value : 0;
}

int integer(DcmItem& item, const DcmTagKey& tag) {
    Sint32 value = 0;
    return item.findAndGetSint32(tag, value).good() ? value : 0;
}

std::optional<double> decimal(DcmItem& item, const DcmTagKey& tag, unsigned long position = 0) {
    Float64 value = 0;
    if (item.findAndGetFloat64(tag, value, position).bad()) return std::nullopt;
    return value;
}

// Exactly `count` finite numbers, or none (a vector that is half there would misplace the image).
std::vector<double> decimals(DcmItem& item, const DcmTagKey& tag, unsigned long count) {
    std::vector<double> values;
    for (unsigned long i = 0; i < count; ++i) {
        const auto value = decimal(item, tag, i);
        if (!value || !std::isfinite(*value)) return {};
        values.push_back(*value);
    }
    return values;
}

}  // namespace

Parsed<Instance> describe(const Dataset& dataset) {
    Parsed<Instance> result;
    DcmFileFormat& file = dataset.dcmtk();
    DcmDataset& data = *file.getDataset();
    DcmMetaInfo& meta = *file.getMetaInfo();

    Instance i;
    i.sop_class_uid = text(data, DCM_SOPClassUID);
    i.sop_instance_uid = text(data, DCM_SOPInstanceUID);
    if (i.sop_class_uid.empty()) i.sop_class_uid = text(meta, DCM_MediaStorageSOPClassUID);
    if (i.sop_instance_uid.empty()) i.sop_instance_uid = text(meta, DCM_MediaStorageSOPInstanceUID);
    i.study_uid = text(data, DCM_StudyInstanceUID);
    i.series_uid = text(data, DCM_SeriesInstanceUID);
    const DcmXfer xfer(data.getOriginalXfer());
    i.transfer_syntax_uid = xfer.getXferID();
    i.transfer_syntax_name = xfer.getXferName();
    // High-Throughput JPEG 2000 is read as JPEG 2000 (read_dataset), but is what the file says.
    if (const std::string named = text(meta, DCM_TransferSyntaxUID); const char* ht = htj2k_name(named))
        i.transfer_syntax_uid = named, i.transfer_syntax_name = ht;
    i.part10 = meta.tagExists(DCM_TransferSyntaxUID) && meta.tagExists(DCM_MediaStorageSOPInstanceUID);
    i.specific_character_set = text(data, DCM_SpecificCharacterSet);
    i.patient_id = text(data, DCM_PatientID);
    i.patient_name = to_utf8(text(data, DCM_PatientName), i.specific_character_set);
    i.patient_birth_date = text(data, DCM_PatientBirthDate);
    i.patient_sex = text(data, DCM_PatientSex);
    i.study_date = text(data, DCM_StudyDate);
    i.study_time = text(data, DCM_StudyTime);
    i.study_description = to_utf8(text(data, DCM_StudyDescription), i.specific_character_set);
    i.accession_number = text(data, DCM_AccessionNumber);
    i.series_description = to_utf8(text(data, DCM_SeriesDescription), i.specific_character_set);
    i.modality = text(data, DCM_Modality);
    i.series_number = integer(data, DCM_SeriesNumber);
    i.instance_number = integer(data, DCM_InstanceNumber);
    i.rows = number(data, DCM_Rows);
    i.columns = number(data, DCM_Columns);
    i.bits_allocated = number(data, DCM_BitsAllocated);
    i.bits_stored = number(data, DCM_BitsStored);
    i.samples_per_pixel = number(data, DCM_SamplesPerPixel);
    i.photometric_interpretation = text(data, DCM_PhotometricInterpretation);
    if (data.tagExists(DCM_PixelData)) {
        const int frames = integer(data, DCM_NumberOfFrames);
        i.frames = frames > 0 ? static_cast<unsigned>(frames) : 1;
    }
    i.slice_location = decimal(data, DCM_SliceLocation);
    if (!i.slice_location) i.slice_location = decimal(data, DCM_ImagePositionPatient, 2);
    i.pixel_spacing_row = decimal(data, DCM_PixelSpacing, 0);
    i.pixel_spacing_column = decimal(data, DCM_PixelSpacing, 1);
    i.image_position = decimals(data, DCM_ImagePositionPatient, 3);
    i.image_orientation = decimals(data, DCM_ImageOrientationPatient, 6);
    i.frame_of_reference_uid = text(data, DCM_FrameOfReferenceUID);

    if (i.sop_instance_uid.empty())
        result.diagnostics.push_back(error({dataset.name(), 0, "(0008,0018)"}, "dicom.uid.missing",
                                           "SOP Instance UID is missing"));
    else
        result.value = std::move(i);
    return result;
}

}  // namespace ssmix::dicom
