// core/ssmix2/classify.h — which SS-MIX2 data type a message is. Most message types name one
// data type; three need a look inside (shared/research/ssmix2.md §1.5, §3.2, §3.6):
//   RDE^O11  OMP-02 (injection) when it has RXC segments or an injection form, else OMP-01
//   RAS^O17  OMP-12 when it has RXC, an infusion rate (RXA-12) or an injection route, else OMP-11
//   OMG^O19 / OMI^Z23  by the coding system of OBR-4: JJ1017 radiology, LENDO endoscopy,
//            anything else physiology (OMG-03; OMI^Z23 has no physiology row)
#pragma once

#include "core/base/diagnostic.h"
#include "core/hl7/message.h"
#include "core/ssmix2/data_types.h"

namespace ssmix::ssmix2 {

// The row of the data-type table; an error diagnostic when the message is none of them.
[[nodiscard]] Parsed<const DataTypeRow*> classify(const hl7::Message& message);

}  // namespace ssmix::ssmix2
