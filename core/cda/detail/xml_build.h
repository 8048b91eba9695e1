// core/cda/detail/xml_build.h — small helpers the CDA writers share over pugixml: elements with
// attributes, coded values from SS-MIX2 codes, narrative paragraphs and tables. Text from
// messages goes in through xml_text, which drops what XML 1.0 cannot carry.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/clinical/record.h"
#include "core/clinical/record_tables.h"

namespace ssmix::cda::build {

using Attributes = std::initializer_list<std::pair<const char*, std::string_view>>;

// Appends <name a="v" ...>; attributes with an empty value are left out.
pugi::xml_node add(pugi::xml_node parent, const char* name, Attributes attributes = {});
// Appends <name>text</name>.
pugi::xml_node add_text(pugi::xml_node parent, const char* name, std::string_view text);

// Text with the characters XML 1.0 forbids (C0 controls other than tab and newlines) removed.
[[nodiscard]] std::string xml_text(std::string_view text);

// A CD/CE element for an SS-MIX2 code: code, codeSystem (OID), codeSystemName, displayName
// when the system is known; otherwise nullFlavor="OTH" with the text as originalText, so a
// local code never pretends to be from a standard system.
pugi::xml_node add_code(pugi::xml_node parent, const char* name, const clinical::Code& code, const char* xsi_type = nullptr);

// A person's name as CDA writes Japanese names: "姓 名" split into family and given.
void add_person_name(pugi::xml_node parent, std::string_view name, const char* use);

// A letter's free text: blank lines separate paragraphs, single line breaks become <br/>.
void add_paragraphs(pugi::xml_node text, std::string_view free_text);

// A record table as narrative: <table><thead> with the column labels, <tbody> with a row per
// table row carrying its ID (entries point to it) and rowspan where a cell spans rows.
void add_record_table(pugi::xml_node text, const clinical::RecordTable& table);

// A PQ unit attribute: the unit as written when it is printable ASCII without spaces (micro
// signs become UCUM's "u"); else the code as a UCUM annotation ("TAB" -> "{TAB}", the unit 1
// with a label); else "1". The narrative always carries the unit as the hospital wrote it.
[[nodiscard]] std::string quantity_unit(std::string_view unit, std::string_view code = {});

}  // namespace ssmix::cda::build
