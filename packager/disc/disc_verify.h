// packager/disc/disc_verify.h — checks a disc (an ISO image read back with libisofs, or a
// disc tree) the way a careful receiver would: every SHA256.TXT entry matches and every file
// is listed; every DICOMDIR reference resolves to a file with the same SOP Instance UID and
// every DICOM file is referenced; every name outside SSMIX2/ is ISO 9660 level 1 (and, in an
// image, the plain ISO 9660 name is that same name); the viewer bundle's manifest matches the
// files it carries; every IHE_XDM document is where METADATA.XML says, with its size and
// hash; there is no AUTORUN file. One finding per problem.
#pragma once

#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/file_source.h"

namespace ssmix::packager {

struct DiscVerification {
    std::vector<std::string> paths;   // every file on the disc, sorted
    std::size_t dicom_references = 0, bundled_files = 0, xdm_documents = 0;
    std::vector<Diagnostic> findings;
};

// `plain_names`: the names an ISO 9660-only reader sees (null for a tree, where they are the names).
[[nodiscard]] DiscVerification verify_disc(FileSource& disc, const FileSource* plain_names, const std::string& display_name);

}  // namespace ssmix::packager
