// viewer-wasm/font_data.h — the embedded subset of Noto Sans CJK JP (SIL OFL 1.1), generated
// at build time by make_font_subset.py from Debian's fonts-noto-cjk.
#pragma once

#include <cstddef>

namespace ssmix::viewer {

[[nodiscard]] const unsigned char* font_data();
[[nodiscard]] std::size_t font_size();

}  // namespace ssmix::viewer
