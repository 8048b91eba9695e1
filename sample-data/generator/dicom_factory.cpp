// sample-data/generator/dicom_factory.cpp — CT Image Storage and X-Ray Radiofluoroscopic Image
// Storage instances with the attributes a viewer and a DICOMDIR need.
#include "sample-data/generator/dicom_factory.h"

#include <algorithm>
#include <stdexcept>

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcpixel.h"
#include "dcmtk/dcmdata/dcpixseq.h"
#include "dcmtk/dcmdata/dcpxitem.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmjpeg/djencode.h"
#include "dcmtk/dcmjpeg/djrploss.h"
#include "dcmtk/dcmjpls/djencode.h"
#include "dcmtk/dcmjpls/djrparam.h"
#include "sample-data/generator/uid.h"

namespace ssmix::sample {
namespace {

void check(const OFCondition& status, const std::string& what) {
    if (status.bad()) throw std::runtime_error(what + ": " + status.text());
}

void put(DcmItem& item, const DcmTagKey& tag, const std::string& value) {
    check(item.putAndInsertString(tag, value.c_str()), "cannot set " + DcmTag(tag).toString());
}

void register_encoders() {
    static const bool done = [] {
        // Keep the SOP Instance UID when compressing lossily, so the sample UIDs stay fixed.
        DJEncoderRegistration::registerCodecs(ECC_lossyYCbCr, EUC_never);
        DJLSEncoderRegistration::registerCodecs();
        return true;
    }();
    (void)done;
}

void common_modules(DcmDataset& data, const char* sop_class, const std::string& sop_instance, const PatientInfo& patient,
                    const StudyInfo& study, const SeriesInfo& series) {
    put(data, DCM_SpecificCharacterSet, "ISO_IR 192");
    put(data, DCM_SOPClassUID, sop_class);
    put(data, DCM_SOPInstanceUID, sop_instance);
    put(data, DCM_StudyDate, study.date);
    put(data, DCM_SeriesDate, study.date);
    put(data, DCM_StudyTime, study.time);
    put(data, DCM_AccessionNumber, study.accession);
    put(data, DCM_Modality, series.modality);
    put(data, DCM_Manufacturer, "SS-MIX Carry sample generator");
    put(data, DCM_InstitutionName, study.institution);
    put(data, DCM_ReferringPhysicianName, study.referring_physician);
    put(data, DCM_StudyDescription, study.description);
    put(data, DCM_SeriesDescription, series.description);
    put(data, DCM_PatientName, patient.name);
    put(data, DCM_PatientID, patient.id);
    put(data, DCM_PatientBirthDate, patient.birth_date);
    put(data, DCM_PatientSex, patient.sex);
    put(data, DCM_StudyInstanceUID, study.uid);
    put(data, DCM_SeriesInstanceUID, series.uid);
    put(data, DCM_StudyID, "1");
    put(data, DCM_SeriesNumber, std::to_string(series.number));
    put(data, DCM_BodyPartExamined, series.body_part);
}

// DCMTK pads an odd-length JPEG-LS stream to even length with a byte it leaves uninitialized,
// so the same image could give different files. The pad after the EOI marker is set to 0.
void zero_jpeg_ls_padding(DcmDataset& data) {
    DcmElement* element = nullptr;
    if (data.findAndGetElement(DCM_PixelData, element).bad() || !element) return;
    DcmPixelSequence* fragments = nullptr;
    const DcmRepresentationParameter* parameters = nullptr;
    if (static_cast<DcmPixelData*>(element)->getEncapsulatedRepresentation(EXS_JPEGLSLossless, parameters, fragments).bad() || !fragments)
        return;
    for (unsigned long i = 1; i < fragments->card(); ++i) {   // item 0 is the offset table
        DcmPixelItem* item = nullptr;
        Uint8* bytes = nullptr;
        if (fragments->getItem(item, i).bad() || item->getUint8Array(bytes).bad() || !bytes) continue;
        const Uint32 length = item->getLength();
        if (length >= 3 && bytes[length - 3] == 0xFF && bytes[length - 2] == 0xD9) bytes[length - 1] = 0;
    }
}

void save(DcmFileFormat& file, const std::filesystem::path& path, Encoding encoding) {
    register_encoders();
    DcmDataset& data = *file.getDataset();
    E_TransferSyntax xfer = EXS_LittleEndianExplicit;
    if (encoding == Encoding::jpeg_baseline) {
        xfer = EXS_JPEGProcess1;
        DJ_RPLossy quality(90);
        check(data.chooseRepresentation(xfer, &quality), "JPEG baseline encoding");
    } else if (encoding == Encoding::jpeg_ls_lossless) {
        xfer = EXS_JPEGLSLossless;
        DJLSRepresentationParameter lossless(0, OFTrue);
        check(data.chooseRepresentation(xfer, &lossless), "JPEG-LS encoding");
        zero_jpeg_ls_padding(data);
    }
    if (!data.canWriteXfer(xfer)) throw std::runtime_error("cannot write " + path.string() + " in the chosen transfer syntax");
    std::filesystem::create_directories(path.parent_path());
    check(file.saveFile(path.c_str(), xfer), "cannot write " + path.string());
}

// The image pixel module of unsigned MONOCHROME2 pixels: 8 bits stored in 8, more in 16.
void put_monochrome_pixels(DcmDataset& data, int rows, int columns, int bits_stored) {
    put(data, DCM_SamplesPerPixel, "1");
    put(data, DCM_PhotometricInterpretation, "MONOCHROME2");
    put(data, DCM_Rows, std::to_string(rows));
    put(data, DCM_Columns, std::to_string(columns));
    put(data, DCM_BitsAllocated, bits_stored <= 8 ? "8" : "16");
    put(data, DCM_BitsStored, std::to_string(bits_stored));
    put(data, DCM_HighBit, std::to_string(bits_stored - 1));
    put(data, DCM_PixelRepresentation, "0");
}

// The image pixel and cine modules of an 8-bit MONOCHROME2 clip (fluoroscopy, ultrasound).
void put_8bit_frames(DcmDataset& data, const std::vector<std::vector<std::uint8_t>>& frames, int width, int height,
                     double frame_time_ms) {
    put_monochrome_pixels(data, height, width, 8);
    put(data, DCM_NumberOfFrames, std::to_string(frames.size()));
    put(data, DCM_FrameTime, std::to_string(frame_time_ms));
    put(data, DCM_FrameIncrementPointer, "(0018,1063)");
    put(data, DCM_CineRate, std::to_string(static_cast<int>(1000 / frame_time_ms)));
    std::vector<Uint8> all;
    for (const auto& frame : frames) all.insert(all.end(), frame.begin(), frame.end());
    check(data.putAndInsertUint8Array(DCM_PixelData, all.data(), static_cast<unsigned long>(all.size())), "pixel data");
}

}  // namespace

void write_ct(const std::filesystem::path& path, const PatientInfo& patient, const StudyInfo& study, const SeriesInfo& series,
              const CtSlice& slice, Encoding encoding) {
    DcmFileFormat file;
    DcmDataset& data = *file.getDataset();
    const std::string sop_instance = uid_for(series.uid + "/" + std::to_string(slice.instance));
    common_modules(data, UID_CTImageStorage, sop_instance, patient, study, series);
    put(data, DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL");
    put(data, DCM_PatientPosition, "HFS");
    put(data, DCM_AcquisitionNumber, "1");
    put(data, DCM_InstanceNumber, std::to_string(slice.instance));
    put(data, DCM_FrameOfReferenceUID, uid_for(series.uid + "/frame-of-reference"));
    put(data, DCM_PositionReferenceIndicator, "");
    const double origin = -slice.size * slice.pixel_mm / 2;
    put(data, DCM_ImagePositionPatient, std::to_string(origin) + "\\" + std::to_string(origin) + "\\" + std::to_string(slice.z_mm));
    put(data, DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    put(data, DCM_SliceLocation, std::to_string(slice.z_mm));
    put(data, DCM_SliceThickness, std::to_string(slice.thickness_mm));
    put(data, DCM_PixelSpacing, std::to_string(slice.pixel_mm) + "\\" + std::to_string(slice.pixel_mm));
    put(data, DCM_KVP, "120");
    put_monochrome_pixels(data, slice.size, slice.size, 12);
    put(data, DCM_RescaleIntercept, "-1024");
    put(data, DCM_RescaleSlope, "1");
    put(data, DCM_RescaleType, "HU");
    put(data, DCM_WindowCenter, std::to_string(static_cast<int>(slice.window_center)));
    put(data, DCM_WindowWidth, std::to_string(static_cast<int>(slice.window_width)));
    std::vector<Uint16> stored(slice.hu.size());
    for (std::size_t i = 0; i < stored.size(); ++i) stored[i] = static_cast<Uint16>(slice.hu[i] + 1024);
    check(data.putAndInsertUint16Array(DCM_PixelData, stored.data(), static_cast<unsigned long>(stored.size())), "pixel data");
    save(file, path, encoding);
}

void write_cr(const std::filesystem::path& path, const PatientInfo& patient, const StudyInfo& study, const SeriesInfo& series,
              const std::vector<std::uint16_t>& pixels, int size, double pixel_mm, Encoding encoding) {
    DcmFileFormat file;
    DcmDataset& data = *file.getDataset();
    common_modules(data, UID_ComputedRadiographyImageStorage, uid_for(series.uid + "/1"), patient, study, series);
    put(data, DCM_ImageType, "ORIGINAL\\PRIMARY");
    put(data, DCM_ViewPosition, "PA");
    put(data, DCM_PatientOrientation, "R\\F");   // PA: the patient's right on the viewer's left, feet down
    put(data, DCM_KVP, "120");
    put(data, DCM_DistanceSourceToDetector, "1800");
    put(data, DCM_InstanceNumber, "1");
    put(data, DCM_ImagerPixelSpacing, std::to_string(pixel_mm) + "\\" + std::to_string(pixel_mm));
    put(data, DCM_PixelSpacing, std::to_string(pixel_mm) + "\\" + std::to_string(pixel_mm));
    put_monochrome_pixels(data, size, size, 12);
    // The window a CR's processing would choose: the 1st to 99th percentile of the body's values.
    std::vector<std::uint16_t> body;
    for (const auto v : pixels)
        if (v > 200) body.push_back(v);
    std::sort(body.begin(), body.end());
    const double low = body.empty() ? 0 : body[body.size() / 100], high = body.empty() ? 4095 : body[body.size() * 99 / 100];
    put(data, DCM_WindowCenter, std::to_string(static_cast<int>((low + high) / 2)));
    put(data, DCM_WindowWidth, std::to_string(static_cast<int>(std::max(1.0, high - low))));
    check(data.putAndInsertUint16Array(DCM_PixelData, pixels.data(), static_cast<unsigned long>(pixels.size())), "pixel data");
    save(file, path, encoding);
}

void write_ultrasound(const std::filesystem::path& path, const PatientInfo& patient, const StudyInfo& study,
                      const SeriesInfo& series, const std::vector<std::vector<std::uint8_t>>& frames, int width, int height,
                      double frame_time_ms, Encoding encoding) {
    DcmFileFormat file;
    DcmDataset& data = *file.getDataset();
    common_modules(data, UID_UltrasoundMultiframeImageStorage, uid_for(series.uid + "/1"), patient, study, series);
    put(data, DCM_ImageType, "ORIGINAL\\PRIMARY\\ABDOMINAL\\0001");
    put(data, DCM_InstanceNumber, "1");
    put(data, DCM_TransducerData, "C5-1");
    put_8bit_frames(data, frames, width, height, frame_time_ms);
    save(file, path, encoding);
}

void write_fluoroscopy(const std::filesystem::path& path, const PatientInfo& patient, const StudyInfo& study,
                       const SeriesInfo& series, const std::vector<std::vector<std::uint8_t>>& frames, int width,
                       int height, double frame_time_ms, Encoding encoding) {
    DcmFileFormat file;
    DcmDataset& data = *file.getDataset();
    common_modules(data, UID_XRayRadiofluoroscopicImageStorage, uid_for(series.uid + "/1"), patient, study, series);
    put(data, DCM_ImageType, "ORIGINAL\\PRIMARY\\SINGLE PLANE");
    put(data, DCM_PatientOrientation, "A\\F");   // lateral view: patient's front to the right, feet down
    put(data, DCM_KVP, "80");
    put(data, DCM_RadiationSetting, "GR");
    put(data, DCM_XRayTubeCurrent, "2");
    put(data, DCM_ExposureTime, "8");
    put(data, DCM_Exposure, "0");
    put(data, DCM_InstanceNumber, "1");
    put(data, DCM_ImagerPixelSpacing, "0.3\\0.3");
    put_8bit_frames(data, frames, width, height, frame_time_ms);
    save(file, path, encoding);
}

}  // namespace ssmix::sample
