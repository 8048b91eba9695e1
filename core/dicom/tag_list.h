// core/dicom/tag_list.h — a DICOM file's elements as rows a person can read (the viewer's tag
// browser): tag, name from DCMTK's dictionary, VR, and the value as text. Strings of the
// character-set-dependent VRs (PN LO SH ST LT UT UC) are decoded by the file's Specific
// Character Set (text.h), so Japanese names show in kanji. Sequences are listed with their
// items' elements indented below them; binary values (pixel data, OB/OW/UN) are summarised by
// size. Values are cut at `max_value_chars` bytes.
#pragma once

#include <string>
#include <vector>

#include "core/dicom/dataset.h"

namespace ssmix::dicom {

struct TagRow {
    int depth = 0;              // 0 for the data set, 1 for elements in a sequence's item, ...
    std::string tag;            // "(0010,0010)"
    std::string name;           // "PatientName"; "Unknown Tag & Data" for private ones
    std::string vr;             // "PN"
    std::string value;          // UTF-8
};

inline constexpr std::size_t max_value_chars = 256;

// The file meta information first, then the data set, in tag order.
[[nodiscard]] std::vector<TagRow> tag_rows(const Dataset& dataset);

}  // namespace ssmix::dicom
