// tests/fuzz/cda_read.cpp — fuzzes core/cda: any bytes read without crashing, and whatever is
// read renders to HTML with no script element, no event attribute and no javascript: URL in
// any tag, and to text. The HTML is scanned tag by tag (the renderer escapes every text, so a
// '<' in the output always starts a real tag); "onerror=" inside escaped text is inert.
#include <cstddef>
#include <cstdint>

#include "core/cda/reader.h"
#include "core/cda/render.h"
#include "tests/fuzz/active_content.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = ssmix::cda::read_document({data, size}, "fuzz");
    if (!parsed.value) return 0;
    if (fuzz::has_active_content(ssmix::cda::render_html_page(*parsed.value))) __builtin_trap();
    (void)ssmix::cda::render_text(*parsed.value);
    return 0;
}
