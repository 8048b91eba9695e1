// core/cda/detail/header_xml.h — writing the CDA header and sections with pugixml, for the
// document writers of core/cda only (pugixml stays inside the module).
#pragma once

#include <string>

#include <pugixml.hpp>

#include "core/cda/header.h"

namespace ssmix::cda {

// Writes <ClinicalDocument> with the header into `document`; returns its structuredBody.
pugi::xml_node write_header(pugi::xml_document& document, const Header& header, const clinical::Patient& patient);

// Appends a section coded in LOINC with a Japanese title; returns the section's <text>.
pugi::xml_node add_section(pugi::xml_node body, const char* loinc_code, const char* loinc_display, const char* title);

// The document as UTF-8 XML text with a declaration, indented.
[[nodiscard]] std::string to_xml(const pugi::xml_document& document);

}  // namespace ssmix::cda
