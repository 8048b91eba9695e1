// core/base/disc_names.cpp
#include "core/base/disc_names.h"

#include <algorithm>
#include <cstdio>

namespace ssmix::disc {
namespace {

bool is_level1_character(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

std::string document_stem(std::size_t number) {
    char name[16];
    std::snprintf(name, sizeof name, "DOC%05zu", number % 100000);
    return name;
}

std::string xdm_document(std::size_t number, std::string_view extension) {
    return std::string(xdm_folder) + document_stem(number) + "." + std::string(extension);
}

std::string document_page(std::size_t number) { return std::string(pdi_folder) + document_stem(number) + ".HTM"; }

bool is_xdm_document(std::string_view path) {
    if (!path.starts_with(xdm_folder)) return false;
    const std::string_view name = path.substr(xdm_folder.size());
    return name.size() > 8 && name.starts_with("DOC") && name[8] == '.' && name.find('/') == std::string_view::npos &&
           std::all_of(name.begin() + 3, name.begin() + 8, [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> document_page_of(std::string_view xdm_path) {
    if (!is_xdm_document(xdm_path)) return std::nullopt;
    return std::string(pdi_folder) + std::string(xdm_path.substr(xdm_folder.size(), 8)) + ".HTM";
}

std::string key_image(std::size_t number) {
    char name[32];
    std::snprintf(name, sizeof name, "I%07zu.JPG", number);
    return std::string(key_image_folder) + name;
}

std::string report_page(std::size_t number, std::string_view extension) {
    char name[16];
    std::snprintf(name, sizeof name, "R%07zu.", number % 10000000);
    return std::string(report_folder) + name + std::string(extension);
}

bool is_level1_path(std::string_view path) {
    if (path.empty()) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        const std::size_t dot = part.find('.');
        const std::string_view stem = part.substr(0, dot);
        const std::string_view extension = dot == std::string_view::npos ? std::string_view{} : part.substr(dot + 1);
        if (stem.empty() || stem.size() > 8 || extension.size() > 3) return false;
        if (dot != std::string_view::npos && extension.empty()) return false;
        if (!std::all_of(stem.begin(), stem.end(), is_level1_character)) return false;
        if (!std::all_of(extension.begin(), extension.end(), is_level1_character)) return false;
        start = end + 1;
    }
    return true;
}

}  // namespace ssmix::disc
