// core/cda/clinical_sections.h — the sections the referral letter and the data-provision
// document share: each a narrative table the physician reads and coded entries for programs
// (MEDIS/ICD-10 problems, HOT drugs with JAMI usage, JLAC10 results), each entry pointing to
// its row of the table (text/reference "#id"). Empty lists get a "記載なし" paragraph.
#pragma once

#include <vector>

#include <pugixml.hpp>

#include "core/clinical/record.h"

namespace ssmix::cda {

void add_problems_section(pugi::xml_node body, const std::vector<clinical::Problem>& problems);
void add_allergies_section(pugi::xml_node body, const std::vector<clinical::Allergy>& allergies);
// `title`: 現在の処方 in a letter, 処方 in the data-provision document.
void add_medications_section(pugi::xml_node body, const std::vector<clinical::PrescriptionOrder>& orders, const char* title);
void add_results_section(pugi::xml_node body, const std::vector<clinical::LabResult>& results);
void add_imaging_section(pugi::xml_node body, const std::vector<clinical::ImagingOrder>& imaging);

}  // namespace ssmix::cda
