// core/cda/render.h — a document as HTML and as plain text, for print, for the disc's static
// pages and for `ssmix cda render`. The HTML is built from an allow-list: every text escaped,
// links only to anchors inside the document, images only from the document's own inline
// media (data: URIs of PNG, JPEG or GIF), no script, no event attribute, no style from the
// document; the full page carries a Content-Security-Policy that forbids scripts anyway.
// Japanese labels; deleted text (revised="delete") shown struck through.
#pragma once

#include <string>

#include "core/cda/document.h"

namespace ssmix::cda {

struct HtmlOptions {
    std::string id_prefix = "cda-";   // prefixes every id, so several documents can share a page
};

[[nodiscard]] std::string render_html_page(const Document& document, const HtmlOptions& options = {});   // A4 print styles
[[nodiscard]] std::string render_html_fragment(const Document& document, const HtmlOptions& options = {});   // an <article>
[[nodiscard]] std::string render_text(const Document& document);

// The style sheet render_html_page uses (screen and A4 print), for pages that embed fragments.
[[nodiscard]] const char* html_style();

}  // namespace ssmix::cda
