// core/base/html_escape.h — text into HTML: the five characters that could end text or an
// attribute value become entities. Every HTML page the project writes (CDA renderings, the
// disc's static pages) puts outside text through this.
#pragma once

#include <string>
#include <string_view>

namespace ssmix {

[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace ssmix
