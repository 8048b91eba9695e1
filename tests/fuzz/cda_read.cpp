// tests/fuzz/cda_read.cpp — fuzzes core/cda: any bytes read without crashing, and whatever is
// read renders to HTML that never contains a script or an event attribute, and to text.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/cda/reader.h"
#include "core/cda/render.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = ssmix::cda::read_document({data, size}, "fuzz");
    if (!parsed.value) return 0;
    std::string html = ssmix::cda::render_html_page(*parsed.value);
    std::transform(html.begin(), html.end(), html.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (html.find("<script") != std::string::npos || html.find(" onerror=") != std::string::npos ||
        html.find(" onload=") != std::string::npos || html.find("javascript:") != std::string::npos)
        __builtin_trap();
    (void)ssmix::cda::render_text(*parsed.value);
    return 0;
}
