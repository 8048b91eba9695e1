// packager/disc/disc_layout.h — where each DICOM instance goes on the disc. DICOM PS3.12 F.1.2.1
// and IHE PDI: File IDs of at most 8 upper-case letters, digits or '_' per component, no
// extension, at most 8 levels. Layout: DICOM/Pnnnnnnn/STnnnnnn/SEnnnnnn/IMnnnnnn, numbered
// in study date, series number, instance number order, so the same input always gives the
// same names.
#pragma once

#include <string>
#include <vector>

#include "core/dicom/instance.h"

namespace ssmix::packager {

// Returns one disc path per instance, in the order given.
[[nodiscard]] std::vector<std::string> assign_dicom_paths(const std::vector<const dicom::Instance*>& instances);

}  // namespace ssmix::packager
