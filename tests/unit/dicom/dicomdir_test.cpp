// tests/unit/dicom/dicomdir_test.cpp — core/dicom/dicomdir.cpp on a Basic Directory made here
// with DCMTK's dataset API (not our writer): records in PS3.10's depth-first order carry their
// patient, study and series down to the instance, and a Referenced File ID that could name a
// place outside the disc (.., an empty or a '/' component) is refused with the record named.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "core/dicom/dicomdir.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcfilefo.h"
#include "dcmtk/dcmdata/dcmetinf.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmdata/dcvrul.h"
#include "tests/unit/temp_dir.h"

using namespace ssmix;

namespace {

DcmItem* record(DcmDataset& data, const char* type) {
    auto* item = new DcmItem();
    item->putAndInsertString(DCM_DirectoryRecordType, type);
    data.insertSequenceItem(DCM_DirectoryRecordSequence, item);
    return item;
}

// A DICOMDIR with one patient, study and series, and an image record per file ID given.
// `series_offset`: the series record's Offset of Referenced Lower-Level Directory Entity
// (0004,1420), which DCMTK's plain writer leaves out.
Bytes dicomdir_bytes(const std::vector<const char*>& file_ids, const char* image_type = "IMAGE", Uint32 series_offset = 0) {
    DcmFileFormat file;
    DcmDataset& data = *file.getDataset();
    data.putAndInsertString(DCM_FileSetID, "TEST");
    record(data, "PATIENT")->putAndInsertString(DCM_PatientID, "9999013");
    DcmItem* study = record(data, "STUDY");
    study->putAndInsertString(DCM_StudyInstanceUID, "2.25.10");
    study->putAndInsertString(DCM_StudyDate, "20111215");
    DcmItem* series = record(data, "SERIES");
    series->putAndInsertString(DCM_SeriesInstanceUID, "2.25.11");
    if (series_offset) {   // written as UL (its dictionary VR, "up", is DCMTK's own and not put by value)
        auto* offset = new DcmUnsignedLong(DcmTag(DCM_OffsetOfReferencedLowerLevelDirectoryEntity, EVR_UL));
        offset->putUint32(series_offset);
        REQUIRE(series->insert(offset).good());
    }
    int n = 0;
    for (const char* id : file_ids) {
        DcmItem* image = record(data, image_type);
        image->putAndInsertString(DCM_ReferencedFileID, id);
        image->putAndInsertString(DCM_ReferencedSOPInstanceUIDInFile, ("2.25.2" + std::to_string(++n)).c_str());
        image->putAndInsertString(DCM_ReferencedSOPClassUIDInFile, UID_CTImageStorage);
    }
    file.getMetaInfo()->putAndInsertString(DCM_MediaStorageSOPClassUID, UID_MediaStorageDirectoryStorage);
    testing::TempDir dir("ssmix-dicomdir");
    const auto path = dir.path / "DICOMDIR";
    REQUIRE(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("dicomdir: instance records carry their patient, study and series, file IDs joined with '/'") {
    const auto parsed = dicom::read_dicomdir(dicomdir_bytes({"DICOM\\P0000001\\ST000001\\SE000001\\IM000001"}), "DICOMDIR");
    REQUIRE(parsed.value);
    REQUIRE(parsed.value->size() == 1);
    const auto& entry = parsed.value->front();
    CHECK(entry.file == "DICOM/P0000001/ST000001/SE000001/IM000001");
    CHECK(entry.record_type == "IMAGE");
    CHECK(entry.patient_id == "9999013");
    CHECK(entry.study_uid == "2.25.10");
    CHECK(entry.series_uid == "2.25.11");
    CHECK(entry.sop_instance_uid == "2.25.21");
    CHECK(parsed.diagnostics.empty());
}

TEST_CASE("dicomdir: a file ID that could leave the disc's folder is refused, naming the record and the tag") {
    const auto parsed = dicom::read_dicomdir(
        dicomdir_bytes({"..\\..\\ETC\\PASSWD", "DICOM\\IM1", "\\ROOT", "DICOM\\\\IM2", "DICOM\\.\\IM3", "A/B\\IM4"}), "DICOMDIR");
    REQUIRE(parsed.value);
    REQUIRE(parsed.value->size() == 1);
    CHECK(parsed.value->front().file == "DICOM/IM1");
    REQUIRE(parsed.diagnostics.size() == 5);
    for (const auto& d : parsed.diagnostics) {
        CHECK(d.code == "dicomdir.bad_file_id");
        CHECK(d.place.where == "(0004,1500)");
    }
    CHECK(parsed.diagnostics.front().message.find("..\\..\\ETC\\PASSWD") != std::string::npos);
    CHECK(parsed.diagnostics.front().message.find("record 4") != std::string::npos);   // after PATIENT, STUDY and SERIES
}

TEST_CASE("dicomdir: a large Basic Directory (thousands of records) is not mistaken for a hazard") {
    // Its first record type's explicit header ("CS", length 8) read as an implicit 32-bit
    // length claims 545,603 bytes; once the file is that long, the guard refused it.
    std::vector<std::string> names;
    for (int i = 0; i < 6000; ++i) names.push_back("DICOM\\S1\\IM" + std::to_string(i));
    std::vector<const char*> ids;
    for (const auto& name : names) ids.push_back(name.c_str());
    const Bytes bytes = dicomdir_bytes(ids);
    REQUIRE(bytes.size() > 0x85343 + 8);
    const auto parsed = dicom::read_dicomdir(bytes, "DICOMDIR");
    REQUIRE(parsed.value);
    CHECK(parsed.value->size() == 6000);
}

TEST_CASE("dicomdir: a record type over 16 characters is refused before DCMTK reads it") {
    // DCMTK 3.6.7's correction of such a value can throw out of its parser (found by fuzzing:
    // the last of several values over 16, or one value over 32); the same shape in a Referenced
    // File ID is read, as DCMTK corrects that one only on request.
    CHECK(dicom::read_dicomdir(dicomdir_bytes({"DICOM\\P0000001\\IMAGE00000000000001"}), "DICOMDIR").value);
    for (const char* type : {"IMAGE\\IMAGEIMAGEIMAGEIMAGEIMAGEIMAGEIMAGE", "IMAGEIMAGEIMAGEIMAGEIMAGEIMAGEIMAGE", "IMAGEIMAGEIMAGEIMA"}) {
        CAPTURE(type);
        const auto parsed = dicom::read_dicomdir(dicomdir_bytes({"DICOM\\IM1"}, type), "DICOMDIR");
        CHECK_FALSE(parsed.value);
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics.front().code == "dicom.read.bad_directory_value");
        CHECK(parsed.diagnostics.front().place.where.starts_with("(0004,1430) at byte "));
        CHECK(parsed.diagnostics.front().place.file == "DICOMDIR");
    }
}

TEST_CASE("dicomdir: a record offset that looks like the record type's tag is not mistaken for a hazard") {
    // A UL record offset whose low half is 0x1430, after its length "04 00", reads as the tag
    // (0004,1430); read as implicit VR, its 32-bit length (high half + the next tag's group)
    // then spans the records after it, where a run of 17 bytes without a backslash was taken
    // for an over-long record type. Seen in `ssmix pack` of 10,000 images, which refused its
    // own DICOMDIR (a record at 0x331430). Both an odd and an even such length are read.
    std::vector<std::string> names;
    for (int i = 0; i < 3000; ++i) names.push_back("DICOM\\S1\\IM" + std::to_string(i));
    std::vector<const char*> ids;
    for (const auto& name : names) ids.push_back(name.c_str());
    for (const Uint32 offset : {0x11430u, 0x21430u}) {
        CAPTURE(offset);
        const Bytes bytes = dicomdir_bytes(ids, "IMAGE", offset);
        REQUIRE(bytes.size() > 0x40002 + 1000);   // long enough for the length it seems to have
        const auto parsed = dicom::read_dicomdir(bytes, "DICOMDIR");
        REQUIRE(parsed.value);
        CHECK(parsed.value->size() == 3000);
    }
}
