// tests/unit/dicom/orientation_test.cpp — edge letters against cases worked out from PS3.3
// C.7.6.2.1.1 (x left, y posterior, z head) by hand, not from the code.
#include <doctest/doctest.h>

#include "core/dicom/orientation.h"

using ssmix::dicom::direction_letters;
using ssmix::dicom::edge_letters;

TEST_CASE("orientation: the standard planes read as radiologists expect") {
    // Axial, viewed from the feet: the patient's right on the screen's left, anterior at the top.
    auto axial = edge_letters({1, 0, 0, 0, 1, 0});
    REQUIRE(axial);
    CHECK(axial->left == "R");
    CHECK(axial->right == "L");
    CHECK(axial->top == "A");
    CHECK(axial->bottom == "P");
    // Coronal, viewed from the front: head at the top.
    auto coronal = edge_letters({1, 0, 0, 0, 0, -1});
    REQUIRE(coronal);
    CHECK((coronal->left + coronal->right + coronal->top + coronal->bottom) == "RLHF");
    // Sagittal, viewed from the patient's left: anterior on the left, head at the top.
    auto sagittal = edge_letters({0, 1, 0, 0, 0, -1});
    REQUIRE(sagittal);
    CHECK((sagittal->left + sagittal->right + sagittal->top + sagittal->bottom) == "APHF");
}

TEST_CASE("orientation: oblique directions name the larger component first") {
    CHECK(direction_letters(0.8, -0.6, 0) == "LA");
    CHECK(direction_letters(0.2, 0, -0.98) == "F");       // a small tilt is not named
    CHECK(direction_letters(-0.577, 0.577, 0.577) == "RPH");
    CHECK(direction_letters(0, 0, 0).empty());
    CHECK_FALSE(edge_letters({0, 0, 0, 0, 1, 0}));
}
