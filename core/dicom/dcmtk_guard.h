// core/dicom/dcmtk_guard.h — inputs DCMTK 3.6.7 (Debian 12's) cannot survive, found before it
// reads them. A directory record's Directory Record Type (0004,1430) longer than CS's 16
// characters (one value over 32, or the last of several over 16) makes DCMTK's automatic
// correction erase past the end of the string and throw out of its parser
// (DcmByteString::verify, called from DcmDirectoryRecord::read for every item of a Directory
// Record Sequence; found by fuzzing). Any value over 16 is refused: CS allows no more.
#pragma once

#include <optional>
#include <string>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"

namespace ssmix::dicom {

// The first such element in the bytes as they are (a deflated dataset is not looked into:
// read_dataset still refuses it when DCMTK throws), as an error naming the tag and byte offset.
[[nodiscard]] std::optional<Diagnostic> dcmtk_hazard(ByteView bytes, const std::string& name);

}  // namespace ssmix::dicom
