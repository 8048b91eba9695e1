// core/hl7/types.h — typed reads of the HL7 v2.5 data types SS-MIX2 uses, all text UTF-8:
// CX (PID-3), XPN (names: kanji repetition "I" and kana repetition "P"), XAD, XTN, XCN,
// CWE/CE (code^text^system), NM. Timestamps (TS/DTM) are in timestamp.h.
// Field positions follow HL7 v2.5 ch. 2A; SS-MIX2 usage per shared/research/ssmix2.md §1.8.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/hl7/field.h"

namespace ssmix::hl7 {

struct ExtendedId {              // CX
    std::string id;              // CX-1
    std::string authority;       // CX-4
    std::string type;            // CX-5, "PI" for a patient identifier
};

struct PersonName {              // XPN (and the name part of XCN)
    std::string family, given, middle, suffix, prefix;
    std::string type;            // XPN-7: "L" legal ...
    std::string representation;  // XPN-8: "I" ideographic (kanji), "P" phonetic (kana), "A" alphabetic
    [[nodiscard]] std::string full() const;   // "患者 太郎"
    [[nodiscard]] bool empty() const { return family.empty() && given.empty(); }
};

struct Address {                 // XAD
    std::string street, other, city, state, postal_code, country, type;
    std::string free_text;       // XAD-8 "other geographic designation": the whole address in SS-MIX2
    [[nodiscard]] std::string full() const;
};

struct Telecom {                 // XTN
    std::string use;             // XTN-2: PRN home, WPN work, EMR emergency
    std::string equipment;       // XTN-3: PH, FX, CP, Internet
    std::string number;          // XTN-12 unformatted, else XTN-1
};

struct Staff {                   // XCN
    std::string id;              // XCN-1
    PersonName name;             // XCN-2..7, type XCN-10, representation XCN-15
};

struct CodedElement {            // CWE / CE
    std::string code, text, system;                  // -1, -2, -3
    std::string alt_code, alt_text, alt_system;      // -4, -5, -6
    [[nodiscard]] bool empty() const { return code.empty() && text.empty(); }
    [[nodiscard]] const std::string& display() const { return text.empty() ? code : text; }
};

[[nodiscard]] ExtendedId read_cx(const FieldView& value);
[[nodiscard]] PersonName read_xpn(const FieldView& value);
[[nodiscard]] std::vector<PersonName> read_xpn_all(const FieldView& field);   // every repetition
[[nodiscard]] Address read_xad(const FieldView& value);
[[nodiscard]] std::vector<Telecom> read_xtn_all(const FieldView& field);
[[nodiscard]] Staff read_xcn(const FieldView& value);
[[nodiscard]] std::vector<Staff> read_xcn_all(const FieldView& field);
[[nodiscard]] CodedElement read_cwe(const FieldView& value);
// A CWE inside a component (e.g. RXE-19 "3^TAB&錠&MR9P": component 2 holds code&text&system).
[[nodiscard]] CodedElement read_cwe_subcomponents(const FieldView& component);

// NM: digits with an optional sign and decimal point; empty when not a number.
[[nodiscard]] std::optional<double> read_nm(std::string_view text);

// The name to show: the kanji (I) repetition, else the first; and the kana (P) reading.
[[nodiscard]] const PersonName* ideographic(const std::vector<PersonName>& names);
[[nodiscard]] const PersonName* phonetic(const std::vector<PersonName>& names);

}  // namespace ssmix::hl7
