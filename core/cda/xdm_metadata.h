// packager/disc/xdm_metadata.h — IHE_XDM/SUBSET01/METADATA.XML: the XDS metadata of the
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

#include "core/cda/document.h"

namespace ssmix::packager {

struct XdmDocument {
    std::string uri;              // file name beside METADATA.XML, e.g. "DOC00001.XML"
    const cda::Document* document = nullptr;
    std::uint64_t size = 0;
    std::string sha1;             // hex
};

struct XdmSubmission {
    std::string patient_id;       // e.g. "9999013"
    std::string patient_id_root;  // the assigning authority's OID
    std::string institution;      // who made the disc
    std::string submission_time;  // UTC, YYYYMMDDHHMMSS
};

[[nodiscard]] std::string xdm_metadata_xml(const XdmSubmission& submission, const std::vector<XdmDocument>& documents);

// "20111221103000+0900" -> "20111221013000" (UTC, as XDS wants); times without a zone are
// kept as they are, to the precision given.
[[nodiscard]] std::string xds_utc_time(const std::string& hl7_time);

// A random (version 4) UUID as an OID under 2.25 (ITU-T X.667), for unique IDs.
[[nodiscard]] std::string random_uuid_oid();

}  // namespace ssmix::packager
