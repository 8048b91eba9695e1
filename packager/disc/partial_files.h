// packager/disc/partial_files.h — names for outputs under construction: a hidden sibling of
// the final path, tagged with the writer's process id (".disc.iso.partial-1234"). A killed
// `ssmix pack` leaves one behind; the next run removes those whose process is gone, so they
// never accumulate and are never mistaken for finished output.
#pragma once

#include <filesystem>

namespace ssmix::packager {

[[nodiscard]] std::filesystem::path partial_path(const std::filesystem::path& final_path);

// Removes the partial files and folders of `final_path` left by processes no longer running.
void remove_stale_partials(const std::filesystem::path& final_path);

}  // namespace ssmix::packager
