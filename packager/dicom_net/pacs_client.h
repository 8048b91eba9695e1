// packager/dicom_net/pacs_client.h — what `ssmix dicom` asks of a PACS, with DCMTK's DcmSCU:
// C-ECHO; Study Root C-FIND for a patient's studies (Patient Root where the peer offers only
// that), with a SERIES-level query where the study answer lacks counts or modalities, and an
// IMAGE-level one for the instances to expect; C-GET of a study (the PACS sends the instances
// back on the same association) and C-MOVE (to a storage SCP the caller runs). Each operation
// opens its own association and releases it. Names in Japanese are sent in ISO 2022 IR 87 (and
// IR 13) and answers in any character set are read with the project's JIS tables.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "packager/dicom_net/peer.h"
#include "packager/dicom_net/received_store.h"

namespace ssmix::packager {

struct StudyQuery {
    std::string patient_id;                 // exact
    std::string patient_name;               // UTF-8; each word matched anywhere in the name
    std::string from, to;                   // YYYYMMDD, inclusive; empty = open
    std::vector<std::string> modalities;    // CT, MR ...; empty = any
    std::vector<std::string> study_uids;    // only these; empty = any
};

struct StudyAnswer {
    std::string patient_id, patient_name, birth_date, sex;   // the name in UTF-8 as received
    std::string study_uid, date, time, description, accession;
    std::vector<std::string> modalities;
    std::optional<unsigned> series, instances;               // as the PACS counts them
};

struct InstanceAnswer {
    std::string series_uid, sop_class_uid, sop_instance_uid;
};

enum class RetrieveMethod { get, move };

struct RetrieveProgress {
    unsigned completed = 0, remaining = 0, failed = 0, warning = 0;
};

struct RetrieveOutcome {
    bool ok = false;                         // the retrieve ran to its end with success status
    RetrieveProgress last;                   // the final sub-operation counts
    std::vector<StoredInstance> stored;      // C-GET: what arrived (C-MOVE: the receiver has them)
    std::vector<std::string> failed_instances;   // Failed SOP Instance UID List of the final answer
    std::vector<Diagnostic> diagnostics;
};

class PacsClient {
public:
    PacsClient(DicomPeer peer, NetworkOptions options);

    // True when the peer answered; otherwise a diagnostic says what went wrong (refused with
    // which reason, no answer, timeout).
    [[nodiscard]] Parsed<bool> echo();

    // The studies that match, each with its patient; counts and modalities completed from a
    // SERIES-level query where the STUDY answer lacks them; --modality filtered here.
    [[nodiscard]] Parsed<std::vector<StudyAnswer>> find_studies(const StudyQuery& query);

    // Every instance of a study (IMAGE level); empty with a warning when the peer does not answer.
    [[nodiscard]] Parsed<std::vector<InstanceAnswer>> find_instances(const std::string& patient_id, const std::string& study_uid);

    using ProgressCallback = std::function<void(const RetrieveProgress&)>;

    // C-GET of one study into `store`. `sop_classes`: the storage SOP classes to negotiate (those
    // the IMAGE-level query found; empty: the common ones).
    [[nodiscard]] RetrieveOutcome get(const std::string& patient_id, const std::string& study_uid, const std::vector<std::string>& sop_classes,
                                      ReceivedStore& store, const ProgressCallback& progress);

    // C-MOVE of one study to `destination` (an AE title the PACS knows: ours, served by a
    // receiver the caller runs).
    [[nodiscard]] RetrieveOutcome move(const std::string& patient_id, const std::string& study_uid, const std::string& destination,
                                       const ProgressCallback& progress);

    [[nodiscard]] const DicomPeer& peer() const { return peer_; }

private:
    DicomPeer peer_;
    NetworkOptions options_;
};

// Every transfer syntax a file can come in that DCMTK reads (uncompressed, deflated, JPEG
// family, JPEG-LS, RLE, JPEG 2000), Explicit VR Little Endian first.
[[nodiscard]] std::vector<std::string> receivable_transfer_syntaxes();

}  // namespace ssmix::packager
