// tests/unit/dicom/j2k_header_test.cpp — a JPEG 2000 frame whose codestream header claims a
// larger image than the file's Rows x Columns is refused before it is decoded (fuzz_dicom_file
// found inputs of a few kilobytes that kept the decoder busy for seconds). The codestream is
// written here by hand from the marker layout of ISO/IEC 15444-1 Annex A (SOC, SIZ, COD, QCD,
// one tile part of empty packets, EOC), so no encoder of ours is involved.
#include <doctest/doctest.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <filesystem>
#include <fstream>

#include "core/dicom/codecs.h"
#include "core/dicom/dataset.h"
#include "core/dicom/image.h"
#include "tests/unit/temp_dir.h"

using namespace ssmix;

namespace {

void put16(Bytes& b, unsigned v) { b.insert(b.end(), {std::uint8_t(v >> 8), std::uint8_t(v)}); }
void put32(Bytes& b, std::uint32_t v) { put16(b, v >> 16), put16(b, v & 0xFFFF); }

// A grey 8-bit codestream of `size` x `size` pixels, one tile, five decomposition levels,
// reversible 5-3 transform, every packet empty (decodes to a flat image).
Bytes codestream(std::uint32_t size) {
    Bytes b;
    put16(b, 0xFF4F);                                          // SOC
    put16(b, 0xFF51), put16(b, 41), put16(b, 0);               // SIZ, Lsiz, Rsiz
    put32(b, size), put32(b, size), put32(b, 0), put32(b, 0);  // Xsiz, Ysiz, XOsiz, YOsiz
    put32(b, size), put32(b, size), put32(b, 0), put32(b, 0);  // XTsiz, YTsiz, XTOsiz, YTOsiz
    put16(b, 1), b.insert(b.end(), {7, 1, 1});                 // Csiz; Ssiz (8 bits), XRsiz, YRsiz
    put16(b, 0xFF52), put16(b, 12);                            // COD
    b.insert(b.end(), {0, 0}), put16(b, 1), b.push_back(0);    // Scod, LRCP, 1 layer, no MCT
    b.insert(b.end(), {5, 4, 4, 0, 1});                        // levels, 64x64 blocks, style, 5-3
    put16(b, 0xFF5C), put16(b, 19), b.push_back(0x40);         // QCD: no quantization, 2 guard bits
    for (int band = 0; band < 16; ++band) b.push_back(8 << 3);
    put16(b, 0xFF90), put16(b, 10), put16(b, 0), put32(b, 0);  // SOT: tile 0, length to EOC
    b.insert(b.end(), {0, 1});                                 // TPsot, TNsot
    put16(b, 0xFF93);                                          // SOD
    b.insert(b.end(), 6, 0);                                   // 6 empty packets (one per resolution)
    put16(b, 0xFFD9);                                          // EOC
    return b;
}

// A Part-10 file of one 8-bit monochrome frame of `rows` x `rows` holding `frame` as JPEG 2000.
Bytes j2k_file(unsigned rows, const Bytes& frame, const std::filesystem::path& dir) {
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    ds.putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    ds.putAndInsertString(DCM_SOPInstanceUID, "2.25.42");
    ds.putAndInsertString(DCM_StudyInstanceUID, "2.25.43");
    ds.putAndInsertString(DCM_SeriesInstanceUID, "2.25.44");
    ds.putAndInsertString(DCM_Modality, "OT");
    ds.putAndInsertString(DCM_PatientID, "J2K");
    ds.putAndInsertUint16(DCM_Rows, rows);
    ds.putAndInsertUint16(DCM_Columns, rows);
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds.putAndInsertUint16(DCM_BitsAllocated, 8);
    ds.putAndInsertUint16(DCM_BitsStored, 8);
    ds.putAndInsertUint16(DCM_HighBit, 7);
    ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
    auto* fragments = new DcmPixelSequence(DcmTag(DCM_PixelSequenceTag));
    fragments->insert(new DcmPixelItem(DcmTag(DCM_Item, EVR_OB)));   // empty offset table
    auto* item = new DcmPixelItem(DcmTag(DCM_Item, EVR_OB));
    Bytes even = frame;
    if (even.size() % 2) even.push_back(0);
    item->putUint8Array(even.data(), static_cast<Uint32>(even.size()));
    fragments->insert(item);
    auto* pixels = new DcmPixelData(DCM_PixelData);
    pixels->putOriginalRepresentation(EXS_JPEG2000LosslessOnly, nullptr, fragments);
    ds.insert(pixels);
    const auto path = dir / "j2k.dcm";
    REQUIRE(file.saveFile(path.c_str(), EXS_JPEG2000LosslessOnly).good());
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("dicom: a JPEG 2000 frame of the file's size decodes (the hand-written codestream is sound)") {
    testing::TempDir dir;
    auto parsed = dicom::read_dataset(j2k_file(64, codestream(64), dir.path), "j2k.dcm");
    REQUIRE(parsed.value);
    dicom::FrameRenderer renderer(*parsed.value);
    const auto frame = renderer.render(0, std::nullopt);
    REQUIRE(frame.value);
    CHECK(frame.value->width == 64);
}

TEST_CASE("dicom: a JPEG 2000 header larger than Rows x Columns is refused before decoding") {
    testing::TempDir dir;
    // 60000 x 60000 would take about 14 GB and many seconds to decode: refused from the header
    // alone. Asked of the codec through DCMTK (the renderer only reports that the frame failed).
    j2k_file(64, codestream(60000), dir.path);
    dicom::register_decoders();
    DcmFileFormat file;
    REQUIRE(file.loadFile((dir.path / "j2k.dcm").c_str()).good());
    const OFCondition status = file.getDataset()->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    CHECK(status.bad());
    CHECK(std::string(status.text()).find("does not match") != std::string::npos);
}
