// packager/support/parallel.h — runs body(0..count-1) on every core (the hospital PCs that burn discs
// have two to eight); the first exception is rethrown in the caller once all threads stop.
#pragma once

#include <cstddef>
#include <functional>

namespace ssmix::packager {

void parallel_for(std::size_t count, const std::function<void(std::size_t index)>& body);

}  // namespace ssmix::packager
