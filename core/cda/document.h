// core/cda/document.h — a CDA R2 clinical document as the physician reads it: the header
// (who, about whom, what, when, for whom), the sections with their narrative, media that the
// narrative shows, or a non-XML body. Only what rendering and the disc's metadata need; the
// coded entries are not modelled here. All text UTF-8.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/cda/narrative.h"

namespace ssmix::cda {

struct Identifier {
    std::string root, extension, assigning_authority;
};

struct Coded {
    std::string code, system, system_name, display;
};

struct PersonName {
    std::string ideographic;   // use="IDE": kanji
    std::string syllabic;      // use="SYL": kana reading
    std::string other;         // no use, or alphabetic
    [[nodiscard]] const std::string& best() const { return !ideographic.empty() ? ideographic : !other.empty() ? other : syllabic; }
};

struct Patient {
    std::vector<Identifier> ids;
    PersonName name;
    std::string birth_time;    // TS, e.g. "19480405"
    std::string gender;        // AdministrativeGender code: M, F, UN
};

struct Party {                 // an author, authenticator or recipient: a person and/or an organization
    std::string time;
    std::vector<Identifier> ids;
    PersonName person;
    std::string organization;
    std::string department;    // organization/asOrganizationPartOf/code (text), as Japanese documents write 診療科
};

struct Section {
    std::string id;
    Coded code;
    std::string title;
    std::vector<NarrativeNode> text;
    std::vector<Section> sections;
};

struct Media {                 // observationMedia
    std::string media_type;
    Bytes bytes;               // inline (representation B64) content; empty when only referenced
    std::string reference;     // a reference value, never loaded
};

struct NonXmlBody {
    std::string media_type;    // text/plain, application/pdf, ...
    Bytes bytes;               // inline content, decoded from base64 when representation="B64"
    std::string reference;     // a reference value, never loaded
};

struct Document {
    std::string type_id;       // POCD_HD000040, or the Japanese POCD_HD000040JP00
    Identifier id;
    Coded code;
    std::string title;
    std::string effective_time;
    std::string language;
    std::string confidentiality;
    Identifier set_id;
    std::string version;
    Patient patient;           // the first recordTarget
    std::vector<Party> authors;
    Party custodian;
    std::vector<Party> recipients;
    std::optional<Party> legal_authenticator;
    std::vector<Section> sections;
    std::optional<NonXmlBody> non_xml_body;
    std::map<std::string, Media> media;   // by observationMedia ID
};

}  // namespace ssmix::cda
