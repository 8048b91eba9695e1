// core/cda/xdm_metadata.h — IHE_XDM/SUBSET01/METADATA.XML: the XDS metadata of the
// documents on the disc (IHE ITI-32, Distribute Document Set on Media), as an ebRS 3.0
// SubmitObjectsRequest: one SubmissionSet, one DocumentEntry per CDA document with its size,
// SHA-1 hash and URI, HasMember associations. Codes come from the CDA header (document code
// as class and type code, confidentiality); what a CDA does not say (facility type, practice
// setting) is sent as the null flavor UNK, which XDM media allow. UUIDs of the classification
// schemes: IHE ITI TF-3 §4.2.5. Entries and the set have UUIDs; classifications, identifiers
// and associations symbolic ids, as submissions may.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/bytes.h"
#include "core/base/diagnostic.h"
#include "core/cda/document.h"

#include <cstdint>
#include <string>
#include <vector>

#include "core/cda/document.h"

namespace ssmix::cda {

// One document of the submission set, as XDS describes it (ITI TF-3 §4.2.3.2).
struct XdmDocument {
    std::string uri;              // file name beside METADATA.XML, e.g. "DOC00001.XML"
    std::string mime_type = "text/xml";
    std::uint64_t size = 0;
    std::string sha1;             // hex
    std::string title;
    std::string creation_time;    // HL7 TS, with a zone when known
    std::string language = "ja-JP";
    std::string patient_name, patient_birth_date, patient_sex;
    struct Author {
        std::string person, institution;
    };
    std::vector<Author> authors;
    Coded type;                   // class and type code (e.g. LOINC 57133-1)
    std::string confidentiality = "N";
    std::string unique_id;        // the document's own id (root^extension); empty: a fresh one
    std::string format_code = "urn:ihe:iti:xds:2017:mimeTypeSufficient";
    std::string format_display = "mimeType Sufficient";
};

// The XDS description of a CDA document stored under `uri`.
[[nodiscard]] XdmDocument xdm_document(const Document& document, std::string uri, std::uint64_t size, std::string sha1);

struct XdmSubmission {
    std::string patient_id;       // e.g. "9999013"
    std::string patient_id_root;  // the assigning authority's OID
    std::string institution;      // who made the disc
    std::string submission_time;  // UTC, YYYYMMDDHHMMSS
};

[[nodiscard]] std::string xdm_metadata_xml(const XdmSubmission& submission, const std::vector<XdmDocument>& documents);

// What a receiver checks in METADATA.XML: each DocumentEntry's URI, size and hash slots.
struct XdmEntry {
    std::string uri, size, hash;
};
[[nodiscard]] Parsed<std::vector<XdmEntry>> read_xdm_entries(ByteView metadata, const std::string& name);

// "20111221103000+0900" -> "20111221013000" (UTC, as XDS wants); times without a zone are
// kept as they are, to the precision given.
[[nodiscard]] std::string xds_utc_time(const std::string& hl7_time);

}  // namespace ssmix::cda
