// tests/unit/packager/disc_layout_test.cpp — tests packager/disc_layout.cpp.
#include <doctest/doctest.h>

#include "core/base/disc_names.h"
#include "packager/disc/disc_layout.h"

using namespace ssmix;
using ssmix::packager::assign_dicom_paths;
using ssmix::disc::is_level1_path;

TEST_CASE("disc layout: ISO 9660 level-1 names") {
    CHECK(is_level1_path("DICOM/P0000001/ST000001/SE000001/IM000001"));
    CHECK(is_level1_path("VIEWER/DATA/D0000001.JS"));
    CHECK(is_level1_path("INDEX.HTM"));
    CHECK_FALSE(is_level1_path("index.htm"));                 // lower case
    CHECK_FALSE(is_level1_path("VIEWER/VIEWER_LONG.JS"));     // 11-character stem
    CHECK_FALSE(is_level1_path("VIEWER/X.WASM"));             // 4-character extension
    CHECK_FALSE(is_level1_path("A/B.C.D"));                   // two dots
    CHECK_FALSE(is_level1_path("A//B"));
    CHECK_FALSE(is_level1_path(""));
}

TEST_CASE("disc layout: instances are numbered by study date, series number, instance number") {
    dicom::Instance a, b, c, d;
    a.patient_id = b.patient_id = c.patient_id = d.patient_id = "9999013";
    a.study_uid = b.study_uid = "1.1";
    a.study_date = b.study_date = "20111220";
    c.study_uid = d.study_uid = "1.2";
    c.study_date = d.study_date = "20111101";   // earlier study: ST000001
    a.series_uid = b.series_uid = "1.1.1";
    c.series_uid = "1.2.2";
    c.series_number = 2;
    d.series_uid = "1.2.1";
    d.series_number = 1;
    a.instance_number = 2;
    b.instance_number = 1;
    a.sop_instance_uid = "a", b.sop_instance_uid = "b", c.sop_instance_uid = "c", d.sop_instance_uid = "d";

    const auto paths = assign_dicom_paths({&a, &b, &c, &d});
    CHECK(paths[0] == "DICOM/P0000001/ST000002/SE000001/IM000002");
    CHECK(paths[1] == "DICOM/P0000001/ST000002/SE000001/IM000001");
    CHECK(paths[2] == "DICOM/P0000001/ST000001/SE000002/IM000001");
    CHECK(paths[3] == "DICOM/P0000001/ST000001/SE000001/IM000001");
    for (const auto& p : paths) CHECK(is_level1_path(p));
}
