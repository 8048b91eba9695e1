// packager/documents/cda_file.cpp
#include "packager/documents/cda_file.h"

#include "core/base/durable_file.h"

namespace ssmix::packager {

CdaFile read_cda_file(const std::filesystem::path& path) {
    CdaFile file;
    try {
        file.bytes = read_file(path);
    } catch (const std::exception& e) {
        file.document.diagnostics.push_back(error({path.string(), 0, ""}, "cda.file.unreadable", std::string("cannot read the document: ") + e.what()));
        return file;
    }
    file.document = cda::read_document(file.bytes, path.string());
    return file;
}

}  // namespace ssmix::packager
