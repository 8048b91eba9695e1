// tests/fuzz/dicomdir.cpp — fuzzes core/dicom/dicomdir on another vendor's DICOMDIR: any bytes
// are read or refused without crashing, and no file reference it gives can name a place
// outside the disc's folder (absolute, "..", "." or an empty component).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/dicom/dicomdir.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = ssmix::dicom::read_dicomdir({data, size}, "DICOMDIR");
    if (!parsed.value) return 0;
    for (const auto& entry : *parsed.value) {
        const std::string_view file = entry.file;
        if (file.empty() || file.front() == '/' || file.back() == '/') __builtin_trap();
        if (file.find("//") != std::string_view::npos || file == "." || file == ".." || file.starts_with("./") ||
            file.starts_with("../") || file.ends_with("/.") || file.ends_with("/..") ||
            file.find("/./") != std::string_view::npos || file.find("/../") != std::string_view::npos)
            __builtin_trap();
    }
    return 0;
}
