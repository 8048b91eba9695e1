// packager/documents/cda_file.h — a CDA document from a file, as the commands take one (pack --document,
// --revises, cda render): its bytes, kept as they are for the disc, and what the reader made of
// them. A file that cannot be read is an error diagnostic naming it, like any bad document.
#pragma once

#include <filesystem>

#include "core/base/bytes.h"
#include "core/cda/reader.h"

namespace ssmix::packager {

struct CdaFile {
    Bytes bytes;
    Parsed<cda::Document> document;
};

[[nodiscard]] CdaFile read_cda_file(const std::filesystem::path& path);

}  // namespace ssmix::packager
