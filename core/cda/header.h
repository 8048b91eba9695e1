// core/cda/header.h — the CDA R2 header as Japanese documents write it (shared/research/cda.md
// §1.3): realmCode JP, the international typeId (the Japanese POCD_HD000040JP00 fails the CDA
// R2 schema that receivers validate against), ja-JP, patient and doctor ids on the MHLW
// 1.2.392.100495.20.3.x roots built from the 10-digit 医療機関コード, kanji (IDE) and kana (SYL)
// names, and the institution's prefecture / fee-table / 7-digit number ids.
#pragma once

#include <string>
#include <vector>

#include "core/cda/document.h"
#include "core/clinical/record.h"

namespace ssmix::cda {

struct Institution {
    std::string name;
    std::string code;           // 医療機関コード: 都道府県 2 + 点数表 1 + 医療機関 7 digits
    std::string department;
    std::string address, phone;
};

struct Clinician {
    std::string name;           // "姓 名"
    std::string id;             // the institution's own staff id, if any
};

struct Recipient {
    Institution institution;
    std::string doctor;
};

struct DocumentType {
    std::string code, system, system_name, display;
    std::string loinc, loinc_display;   // a LOINC translation, when `system` is not LOINC
    std::string title;
};

// What each written document gets anew: its id and time, and for a corrected version the
// document it replaces, its setId and version.
struct WriteContext {
    std::string document_id;     // an OID unique to this document (a UUID under 2.25)
    std::string time;            // its time, TS with zone: 20261126093000+0900
    Identifier replaces, set_id; // empty for a first version
    int version = 1;
};

struct Header {
    std::string id;             // this document's OID (a UUID under 2.25)
    std::string time;           // TS with zone, e.g. 20261126093000+0900
    Identifier set_id;          // empty: the document's own id (a first version)
    int version = 1;
    Identifier replaces;        // the earlier version this one replaces (relatedDocument RPLC)
    DocumentType type;
    Institution sender;         // author's organization and custodian
    Clinician author;           // empty name: the document was assembled by the sender's system
    std::vector<Recipient> recipients;
};

// A header with the context's ids and time, of this type, from this institution.
[[nodiscard]] Header make_header(const WriteContext& context, DocumentType type, Institution sender);

// True for a 10-digit 医療機関コード; the ids of the header are built from it.
[[nodiscard]] bool is_institution_code(const std::string& code);

}  // namespace ssmix::cda
