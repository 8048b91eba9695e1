// tests/fuzz/bundle_manifest.cpp — fuzzes what the viewer reads first from a disc: the bundle
// manifest (core/bundle/manifest) and its image index (core/dicom/instance_index). Any bytes
// parse or are refused without crashing; an index that parses is written again and reads back
// as the same entries (path, UIDs, frame count).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/bundle/manifest.h"
#include "core/dicom/instance_index.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto manifest = ssmix::bundle::parse_manifest_json(text, "MANIFEST.JS");
    if (!manifest.value || manifest.value->images_json.empty()) return 0;
    const auto index = ssmix::dicom::parse_instance_index(manifest.value->images_json, "MANIFEST.JS");
    if (!index.value) return 0;
    const auto again = ssmix::dicom::parse_instance_index(ssmix::dicom::instance_index_json(*index.value), "again");
    if (!again.value || again.value->size() != index.value->size()) __builtin_trap();
    for (std::size_t i = 0; i < index.value->size(); ++i) {
        const auto& a = (*index.value)[i];
        const auto& b = (*again.value)[i];
        if (a.path != b.path || a.instance.sop_instance_uid != b.instance.sop_instance_uid ||
            a.instance.series_uid != b.instance.series_uid || a.instance.frames != b.instance.frames)
            __builtin_trap();
    }
    return 0;
}
