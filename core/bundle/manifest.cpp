// core/bundle/manifest.cpp — MANIFEST.JS written and read with nlohmann/json.
#include "core/bundle/manifest.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace ssmix::bundle {

std::string chunk_file_name(std::uint32_t chunk) {
    char name[16];
    std::snprintf(name, sizeof name, "D%07u.JS", static_cast<unsigned>(chunk % 10000000));
    return name;
}

std::string manifest_json(const Manifest& manifest) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& f : manifest.files)
        files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256},
                         {"chunk", f.first_chunk}, {"offset", f.offset}, {"stored", f.stored_size}});
    nlohmann::ordered_json root = {{"format", manifest_format}, {"encoding", "deflate"},
                                   {"chunks", manifest.chunk_sizes}, {"files", files}};
    if (manifest.start_chunks > 0) root["startChunks"] = manifest.start_chunks;
    if (!manifest.images_json.empty()) root["images"] = nlohmann::ordered_json::parse(manifest.images_json);
    return root.dump(-1, ' ', /*ensure_ascii=*/true);   // a classic script read in whatever encoding the page has
}

std::string manifest_script(const Manifest& manifest) {
    return "var " + std::string(manifest_variable) + " = " + manifest_json(manifest) + ";\n";
}

std::optional<BundledFile> parse_file_entry_json(std::string_view json) {
    const auto entry = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (!entry.is_object()) return std::nullopt;
    auto member = [&](const char* key, bool text) -> const nlohmann::json* {
        const auto it = entry.find(key);
        if (it == entry.end() || (text ? !it->is_string() : !it->is_number_unsigned())) return nullptr;
        return &*it;
    };
    const auto *path = member("path", true), *size = member("size", false), *sha256 = member("sha256", true);
    const auto *chunk = member("chunk", false), *offset = member("offset", false), *stored = member("stored", false);
    if (!path || !size || !sha256 || !chunk || !offset || !stored || chunk->get<std::uint64_t>() > UINT32_MAX) return std::nullopt;
    return BundledFile{path->get<std::string>(), size->get<std::uint64_t>(), sha256->get<std::string>(), chunk->get<std::uint32_t>(),
                       offset->get<std::uint64_t>(), stored->get<std::uint64_t>()};
}

bool inside_chunks(const Manifest& manifest, const BundledFile& file) {
    const auto& sizes = manifest.chunk_sizes;
    if (file.first_chunk >= sizes.size() || file.offset > sizes[file.first_chunk]) return false;
    std::uint64_t after = 0;   // payload bytes from the start of first_chunk to the end of the last chunk
    for (auto i = file.first_chunk; i < sizes.size(); ++i) after += sizes[i];
    return file.stored_size <= after - file.offset;
}

Parsed<Manifest> parse_manifest_json(std::string_view json, const std::string& file) {
    Parsed<Manifest> result;
    const auto root = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    auto fail = [&](std::string where, std::string message) {
        result.diagnostics.push_back(error({file, 0, std::move(where)}, "bundle.manifest.invalid", std::move(message)));
        return result;
    };
    if (root.is_discarded()) return fail("", "the manifest is not valid JSON");
    const auto format = root.is_object() ? root.find("format") : root.end();   // value() would throw on a non-string
    if (format == root.end() || !format->is_string() || format->get<std::string>() != manifest_format)
        return fail("format", "not a manifest of format " + std::string(manifest_format));
    const auto chunks = root.find("chunks");
    const auto files = root.find("files");
    if (chunks == root.end() || !chunks->is_array()) return fail("chunks", "missing chunk list");
    if (files == root.end() || !files->is_array()) return fail("files", "missing file list");

    Manifest manifest;
    for (const auto& size : *chunks) {
        if (!size.is_number_unsigned()) return fail("chunks", "chunk size is not a non-negative number");
        manifest.chunk_sizes.push_back(size.get<std::uint64_t>());
    }
    if (const auto start = root.find("startChunks"); start != root.end()) {
        if (!start->is_number_unsigned() || start->get<std::uint64_t>() > manifest.chunk_sizes.size())
            return fail("startChunks", "not a number of chunks in the bundle");
        manifest.start_chunks = start->get<std::uint32_t>();
    }
    // payload_after[i]: payload bytes from the start of chunk i to the end of the last chunk
    std::vector<std::uint64_t> payload_after(manifest.chunk_sizes.size() + 1, 0);
    for (auto i = manifest.chunk_sizes.size(); i-- > 0;) payload_after[i] = payload_after[i + 1] + manifest.chunk_sizes[i];

    manifest.files.reserve(files->size());
    std::size_t index = 0;
    for (const auto& entry : *files) {
        const auto where = [i = index++] { return "files[" + std::to_string(i) + "]"; };   // named only on failure
        auto member = [&](const char* key, bool text) -> const nlohmann::json* {
            if (!entry.is_object()) return nullptr;
            const auto it = entry.find(key);
            if (it == entry.end() || (text ? !it->is_string() : !it->is_number_unsigned())) return nullptr;
            return &*it;
        };
        const auto* path = member("path", true);
        const auto* size = member("size", false);
        const auto* sha256 = member("sha256", true);
        const auto* chunk = member("chunk", false);
        const auto* offset = member("offset", false);
        const auto* stored = member("stored", false);
        if (!path || !size || !sha256 || !chunk || !offset || !stored)
            return fail(where(), "entry lacks path, size, sha256, chunk, offset or stored");
        BundledFile f;
        f.path = path->get<std::string>();
        f.size = size->get<std::uint64_t>();
        f.sha256 = sha256->get<std::string>();
        f.offset = offset->get<std::uint64_t>();
        f.stored_size = stored->get<std::uint64_t>();
        const auto first = chunk->get<std::uint64_t>();
        if (first >= manifest.chunk_sizes.size() || f.offset > manifest.chunk_sizes[first] ||
            f.stored_size > payload_after[first] - f.offset)
            return fail(where(), "\"" + f.path + "\" points outside the chunks");
        f.first_chunk = static_cast<std::uint32_t>(first);
        manifest.files.push_back(std::move(f));
    }
    std::sort(manifest.files.begin(), manifest.files.end(),
              [](const BundledFile& a, const BundledFile& b) { return a.path < b.path; });
    if (const auto images = root.find("images"); images != root.end()) {
        if (!images->is_array()) return fail("images", "the image index is not a list");
        manifest.images_json = images->dump();
    }
    result.value = std::move(manifest);
    return result;
}

}  // namespace ssmix::bundle
