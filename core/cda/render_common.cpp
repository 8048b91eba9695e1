// core/cda/render_common.cpp
#include "core/cda/render_common.h"

namespace ssmix::cda::detail {

int FootnoteNumbers::find(const std::string& id) const {
    if (id.empty()) return 0;
    for (const auto& [footnote_id, number] : by_id)
        if (footnote_id == id) return number;
    return 0;
}

}  // namespace ssmix::cda::detail
