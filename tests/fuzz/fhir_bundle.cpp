// tests/fuzz/fhir_bundle.cpp — fuzzes core/fhir's bundle reader: any bytes read without
// crashing, and whatever is read renders (the Composition's document, or the entries' tables)
// to HTML with nothing active in any tag, and to text.
#include <cstddef>
#include <cstdint>

#include "core/cda/render.h"
#include "core/fhir/bundle_reader.h"
#include "tests/fuzz/active_content.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)ssmix::fhir::looks_like_fhir_json({data, size});
    const auto parsed = ssmix::fhir::read_bundle({data, size}, "fuzz");
    if (!parsed.value) return 0;
    const ssmix::cda::Document document = parsed.value->document ? *parsed.value->document : ssmix::fhir::entries_document(*parsed.value);
    if (fuzz::has_active_content(ssmix::cda::render_html_page(document))) __builtin_trap();
    (void)ssmix::cda::render_text(document);
    return 0;
}
