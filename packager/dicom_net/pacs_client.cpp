// packager/dicom_net/pacs_client.cpp — DcmSCU subclassed only where DCMTK leaves it to the
// caller: instances arriving during a C-GET go to the ReceivedStore (durable), and each
// retrieve response reports progress.
#include "packager/dicom_net/pacs_client.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "core/dicom/codecs.h"
#include "core/dicom/dataset.h"
#include "core/dicom/dcmtk_log.h"
#include "core/dicom/text.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcdeftag.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmnet/diutil.h"
#include "dcmtk/dcmnet/scu.h"

namespace ssmix::packager {
namespace {

// Why a peer refused: DcmSCU writes the A-ASSOCIATE-RJ's reason to its debug log only.
std::string rejection_reason(const dicom::DcmtkLogCapture& log) {
    for (const auto& line : log.lines())
        if (const auto at = line.find("Reason: "); at != std::string::npos) {
            const auto end = line.find('\n', at);
            return line.substr(at + 8, end == std::string::npos ? std::string::npos : end - at - 8);
        }
    return {};
}

std::string value_of(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    item.findAndGetOFStringArray(tag, value);
    return value.c_str();
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(separator, start), text.size());
        if (end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::optional<unsigned> count_of(DcmItem& item, const DcmTagKey& tag) {
    const std::string text = value_of(item, tag);
    if (text.empty() || text.find_first_not_of("0123456789 ") != std::string::npos) return std::nullopt;
    return static_cast<unsigned>(std::stoul(text));
}

const char* const common_storage_classes[] = {
    UID_CTImageStorage, UID_EnhancedCTImageStorage, UID_MRImageStorage, UID_EnhancedMRImageStorage,
    UID_ComputedRadiographyImageStorage, UID_DigitalXRayImageStorageForPresentation, UID_DigitalMammographyXRayImageStorageForPresentation,
    UID_UltrasoundImageStorage, UID_UltrasoundMultiframeImageStorage, UID_SecondaryCaptureImageStorage,
    UID_MultiframeGrayscaleByteSecondaryCaptureImageStorage, UID_MultiframeGrayscaleWordSecondaryCaptureImageStorage,
    UID_MultiframeTrueColorSecondaryCaptureImageStorage, UID_XRayAngiographicImageStorage, UID_XRayRadiofluoroscopicImageStorage,
    UID_NuclearMedicineImageStorage, UID_PositronEmissionTomographyImageStorage, UID_VLEndoscopicImageStorage,
    UID_VLPhotographicImageStorage, UID_BasicTextSRStorage, UID_EnhancedSRStorage, UID_ComprehensiveSRStorage,
    UID_KeyObjectSelectionDocumentStorage, UID_EncapsulatedPDFStorage, UID_EncapsulatedCDAStorage,
    UID_GrayscaleSoftcopyPresentationStateStorage, UID_RTDoseStorage, UID_RTStructureSetStorage, UID_RTPlanStorage,
};

// Negotiation, DIMSE and the C-GET sub-operations.
class Scu : public DcmSCU {
public:
    Scu(const DicomPeer& peer, const NetworkOptions& options) : peer_(peer) {
        setAETitle(options.calling_ae.c_str());
        setPeerAETitle(peer.ae_title.c_str());
        setPeerHostName(peer.host.c_str());
        setPeerPort(peer.port);
        setConnectionTimeout(static_cast<Sint32>(options.timeout_seconds));
        setACSETimeout(options.timeout_seconds);
        setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        setDIMSETimeout(options.timeout_seconds);
        setMaxReceivePDULength(ASC_MAXIMUMPDUSIZE);   // large PDUs: a 512 KiB slice in 4 reads, not 32
        // Storage "to disk" is DcmSCU's way of handing C-GET instances to handleSTORERequest, which stores them durably.
        setStorageMode(DCMSCU_STORAGE_DISK);
        calling_ae_ = options.calling_ae;
    }
    ~Scu() override {
        if (isConnected()) releaseAssociation();
    }

    // Initialises and negotiates; on failure a diagnostic that says why, in the words a PACS
    // administrator uses.
    bool connect(std::vector<Diagnostic>& problems, const std::string& what) {
        OFCondition status = initNetwork();
        if (status.good()) {
            const dicom::DcmtkLogCapture log("dcmtk.dcmnet", true);
            status = negotiateAssociation();
            if (status == DUL_ASSOCIATIONREJECTED) {
                const std::string reason = rejection_reason(log);
                problems.push_back(error({peer_.text(), 0, ""}, "dicom.association.rejected",
                                         peer_.text() + " refused the association" + (reason.empty() ? "" : " (" + reason + ")") +
                                             ": check that it knows the AE title " + calling_ae_ + " (and this computer's address) and that " +
                                             peer_.ae_title + " is its AE title"));
                return false;
            }
        }
        if (status == NET_EC_NoAcceptablePresentationContexts) {
            problems.push_back(error({peer_.text(), 0, ""}, "dicom.association.no_service", peer_.text() + " accepted the association but offers none of " + what));
            return false;
        }
        if (status.bad()) {
            problems.push_back(error({peer_.text(), 0, ""}, "dicom.association.failed", "cannot reach " + peer_.text() + ": " + status.text()));
            return false;
        }
        return true;
    }

    // C-GET sub-operations: each arriving instance is stored before its status is sent.
    ReceivedStore* store = nullptr;
    std::vector<StoredInstance> stored;
    PacsClient::ProgressCallback progress;
    RetrieveProgress last;
    std::vector<std::string> failed_instances;
    Uint16 final_status = 0xFFFF;

    OFCondition handleSTORERequest(const T_ASC_PresentationContextID, DcmDataset* incoming, OFBool& continue_session,
                                   Uint16& status) override {
        continue_session = OFTrue;
        if (!incoming || !store) {
            delete incoming;
            status = store_cannot_understand;
            return EC_Normal;
        }
        dicom::Dataset dataset = dicom::adopt_dataset(incoming, peer_.text());
        StoredInstance result = store->store(dataset);
        status = result.status;
        stored.push_back(std::move(result));
        return EC_Normal;
    }

    OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response, OFBool& continue_session) override {
        note(*response);
        return DcmSCU::handleCGETResponse(presID, response, continue_session);
    }

    OFCondition handleMOVEResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response, OFBool& wait) override {
        note(*response);
        return DcmSCU::handleMOVEResponse(presID, response, wait);
    }

private:
    void note(RetrieveResponse& response) {
        last = {response.m_numberOfCompletedSubops, response.m_numberOfRemainingSubops, response.m_numberOfFailedSubops,
                response.m_numberOfWarningSubops};
        final_status = response.m_status;
        if (response.m_dataset) {
            const std::string failed = value_of(*response.m_dataset, DCM_FailedSOPInstanceUIDList);
            for (auto& uid : split(failed, '\\')) failed_instances.push_back(std::move(uid));
        }
        if (progress) progress(last);
    }

    DicomPeer peer_;
    std::string calling_ae_;
};

OFList<OFString> transfer_syntaxes(const std::vector<std::string>& uids) {
    OFList<OFString> list;
    for (const auto& uid : uids) list.push_back(uid.c_str());
    return list;
}

// Study Root where the peer has it, else Patient Root (which needs the patient's ID).
struct Model {
    const char* find;
    const char* get;
    const char* move;
};
constexpr Model study_root{UID_FINDStudyRootQueryRetrieveInformationModel, UID_GETStudyRootQueryRetrieveInformationModel,
                           UID_MOVEStudyRootQueryRetrieveInformationModel};
constexpr Model patient_root{UID_FINDPatientRootQueryRetrieveInformationModel, UID_GETPatientRootQueryRetrieveInformationModel,
                             UID_MOVEPatientRootQueryRetrieveInformationModel};

// The presentation context of whichever model the peer accepted for `pick(model)`.
T_ASC_PresentationContextID accepted_context(Scu& scu, const char* Model::*pick, const Model*& used) {
    for (const Model* model : {&study_root, &patient_root})
        if (const auto id = scu.findPresentationContextID(model->*pick, ""); id != 0) {
            used = model;
            return id;
        }
    return 0;
}

void add_query_contexts(Scu& scu, const char* Model::*pick) {
    const OFList<OFString> syntaxes = transfer_syntaxes({UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax});
    scu.addPresentationContext((study_root.*pick), syntaxes);
    scu.addPresentationContext((patient_root.*pick), syntaxes);
}

void put(DcmDataset& keys, const DcmTagKey& tag, const std::string& value = "") { keys.putAndInsertString(tag, value.c_str()); }

std::string status_text(Uint16 status) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%04X", status);
    return text;
}

}  // namespace

std::vector<std::string> receivable_transfer_syntaxes() {
    return {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax, UID_BigEndianExplicitTransferSyntax,
            UID_DeflatedExplicitVRLittleEndianTransferSyntax, UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax,
            UID_JPEGProcess14TransferSyntax, UID_JPEGProcess14SV1TransferSyntax, UID_JPEGLSLosslessTransferSyntax,
            UID_JPEGLSLossyTransferSyntax, UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax,
            UID_RLELosslessTransferSyntax};
}

PacsClient::PacsClient(DicomPeer peer, NetworkOptions options) : peer_(std::move(peer)), options_(std::move(options)) {
    dicom::register_decoders();   // also keeps DCMTK's own log quiet
    disable_nagle_unless_asked();
}

Parsed<bool> PacsClient::echo() {
    Parsed<bool> result;
    Scu scu(peer_, options_);
    scu.addPresentationContext(UID_VerificationSOPClass, transfer_syntaxes({UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax}));
    if (!scu.connect(result.diagnostics, "Verification (C-ECHO)")) return result;
    const OFCondition status = scu.sendECHORequest(0);
    if (status.bad()) {
        result.diagnostics.push_back(error({peer_.text(), 0, ""}, "dicom.echo.failed", peer_.text() + " did not answer C-ECHO: " + status.text()));
        return result;
    }
    result.value = true;
    return result;
}

Parsed<std::vector<StudyAnswer>> PacsClient::find_studies(const StudyQuery& query) {
    Parsed<std::vector<StudyAnswer>> result;
    Scu scu(peer_, options_);
    add_query_contexts(scu, &Model::find);
    if (!scu.connect(result.diagnostics, "Study or Patient Root Query (C-FIND)")) return result;
    const Model* model = nullptr;
    const auto context = accepted_context(scu, &Model::find, model);
    if (model == &patient_root && query.patient_id.empty()) {
        result.diagnostics.push_back(error({peer_.text(), 0, ""}, "dicom.find.patient_root_needs_id",
                                           peer_.text() + " offers only Patient Root queries, which need the patient's ID: use --patient"));
        return result;
    }

    DcmDataset keys;
    put(keys, DCM_QueryRetrieveLevel, "STUDY");
    std::string name_pattern;
    if (!query.patient_name.empty()) {
        for (const auto& word : split(query.patient_name, ' ')) name_pattern += "*" + word;
        name_pattern += "*";
        const auto encoded = dicom::from_utf8(name_pattern);
        if (!encoded.unencodable.empty())
            result.diagnostics.push_back(warning({peer_.text(), 0, "(0010,0010)"}, "dicom.find.unencodable",
                                                 "the name has characters DICOM's Japanese sets cannot carry (" + encoded.unencodable.front() +
                                                     "); they were left out of the query"));
        if (!encoded.specific_character_set.empty()) put(keys, DCM_SpecificCharacterSet, encoded.specific_character_set);
        put(keys, DCM_PatientName, encoded.value);
    } else {
        put(keys, DCM_PatientName);
    }
    put(keys, DCM_PatientID, query.patient_id);
    put(keys, DCM_PatientBirthDate);
    put(keys, DCM_PatientSex);
    std::string uids;
    for (const auto& uid : query.study_uids) uids += (uids.empty() ? "" : "\\") + uid;
    put(keys, DCM_StudyInstanceUID, uids);
    put(keys, DCM_StudyDate, query.from.empty() && query.to.empty() ? "" : query.from + "-" + query.to);
    put(keys, DCM_StudyTime);
    put(keys, DCM_StudyDescription);
    put(keys, DCM_AccessionNumber);
    put(keys, DCM_ModalitiesInStudy);
    put(keys, DCM_NumberOfStudyRelatedSeries);
    put(keys, DCM_NumberOfStudyRelatedInstances);

    OFList<QRResponse*> responses;
    const OFCondition status = scu.sendFINDRequest(context, &keys, &responses);
    std::vector<StudyAnswer> studies;
    Uint16 final_status = 0;
    for (QRResponse* response : responses) {
        final_status = response->m_status;
        if (response->m_dataset && DICOM_PENDING_STATUS(response->m_status)) {
            DcmDataset& d = *response->m_dataset;
            const std::string charset = value_of(d, DCM_SpecificCharacterSet);
            StudyAnswer study;
            study.patient_id = value_of(d, DCM_PatientID);
            study.patient_name = dicom::to_utf8(value_of(d, DCM_PatientName), charset);
            study.birth_date = value_of(d, DCM_PatientBirthDate);
            study.sex = value_of(d, DCM_PatientSex);
            study.study_uid = value_of(d, DCM_StudyInstanceUID);
            study.date = value_of(d, DCM_StudyDate);
            study.time = value_of(d, DCM_StudyTime);
            study.description = dicom::to_utf8(value_of(d, DCM_StudyDescription), charset);
            study.accession = value_of(d, DCM_AccessionNumber);
            study.modalities = split(value_of(d, DCM_ModalitiesInStudy), '\\');
            study.series = count_of(d, DCM_NumberOfStudyRelatedSeries);
            study.instances = count_of(d, DCM_NumberOfStudyRelatedInstances);
            if (!study.study_uid.empty()) studies.push_back(std::move(study));
        }
        delete response;
    }
    if (status.bad() || (final_status != STATUS_Success && !DICOM_PENDING_STATUS(final_status))) {
        result.diagnostics.push_back(error({peer_.text(), 0, ""}, "dicom.find.failed",
                                           peer_.text() + " answered the query with " +
                                               (status.bad() ? std::string(status.text()) : "status " + status_text(final_status))));
        return result;
    }
    scu.releaseAssociation();

    // Counts and modalities the STUDY answer left out, from the study's series.
    for (auto& study : studies) {
        if (study.series && study.instances && !study.modalities.empty()) continue;
        Scu series_scu(peer_, options_);
        add_query_contexts(series_scu, &Model::find);
        std::vector<Diagnostic> ignored;
        if (!series_scu.connect(ignored, "queries")) break;
        const Model* used = nullptr;
        const auto id = accepted_context(series_scu, &Model::find, used);
        DcmDataset series_keys;
        put(series_keys, DCM_QueryRetrieveLevel, "SERIES");
        put(series_keys, DCM_PatientID, study.patient_id);
        put(series_keys, DCM_StudyInstanceUID, study.study_uid);
        put(series_keys, DCM_SeriesInstanceUID);
        put(series_keys, DCM_Modality);
        put(series_keys, DCM_NumberOfSeriesRelatedInstances);
        OFList<QRResponse*> answers;
        if (series_scu.sendFINDRequest(id, &series_keys, &answers).good()) {
            unsigned series = 0, instances = 0;
            bool counted = true;
            std::set<std::string> modalities(study.modalities.begin(), study.modalities.end());
            for (QRResponse* answer : answers) {
                if (answer->m_dataset && DICOM_PENDING_STATUS(answer->m_status)) {
                    ++series;
                    const auto n = count_of(*answer->m_dataset, DCM_NumberOfSeriesRelatedInstances);
                    if (n) instances += *n;
                    else counted = false;
                    const std::string modality = value_of(*answer->m_dataset, DCM_Modality);
                    if (!modality.empty()) modalities.insert(modality);
                }
                delete answer;
            }
            if (!study.series) study.series = series;
            if (!study.instances && counted) study.instances = instances;
            study.modalities.assign(modalities.begin(), modalities.end());
        }
    }
    // Still no instance count (a peer that counts nothing): the study's instances, listed.
    for (auto& study : studies)
        if (!study.instances)
            if (auto listed = find_instances(study.patient_id, study.study_uid); listed.value)
                study.instances = static_cast<unsigned>(listed.value->size());
    if (!query.modalities.empty())
        std::erase_if(studies, [&](const StudyAnswer& s) {
            return std::none_of(s.modalities.begin(), s.modalities.end(), [&](const std::string& m) {
                return std::find(query.modalities.begin(), query.modalities.end(), m) != query.modalities.end();
            });
        });
    std::sort(studies.begin(), studies.end(), [](const StudyAnswer& a, const StudyAnswer& b) {
        return std::tie(a.patient_id, a.date, a.time, a.study_uid) < std::tie(b.patient_id, b.date, b.time, b.study_uid);
    });
    result.value = std::move(studies);
    return result;
}

Parsed<std::vector<InstanceAnswer>> PacsClient::find_instances(const std::string& patient_id, const std::string& study_uid) {
    Parsed<std::vector<InstanceAnswer>> result;
    Scu scu(peer_, options_);
    add_query_contexts(scu, &Model::find);
    if (!scu.connect(result.diagnostics, "queries")) return result;
    const Model* model = nullptr;
    const auto context = accepted_context(scu, &Model::find, model);
    DcmDataset keys;
    put(keys, DCM_QueryRetrieveLevel, "IMAGE");
    put(keys, DCM_PatientID, patient_id);
    put(keys, DCM_StudyInstanceUID, study_uid);
    put(keys, DCM_SeriesInstanceUID);
    put(keys, DCM_SOPInstanceUID);
    put(keys, DCM_SOPClassUID);
    OFList<QRResponse*> responses;
    const OFCondition status = scu.sendFINDRequest(context, &keys, &responses);
    std::vector<InstanceAnswer> instances;
    for (QRResponse* response : responses) {
        if (response->m_dataset && DICOM_PENDING_STATUS(response->m_status))
            instances.push_back({value_of(*response->m_dataset, DCM_SeriesInstanceUID), value_of(*response->m_dataset, DCM_SOPClassUID),
                                 value_of(*response->m_dataset, DCM_SOPInstanceUID)});
        delete response;
    }
    if (status.bad()) {
        result.diagnostics.push_back(warning({peer_.text(), 0, ""}, "dicom.find.instances",
                                             peer_.text() + " did not list the study's instances: " + status.text()));
        return result;
    }
    result.value = std::move(instances);
    return result;
}

RetrieveOutcome PacsClient::get(const std::string& patient_id, const std::string& study_uid, const std::vector<std::string>& sop_classes,
                                ReceivedStore& store, const ProgressCallback& progress) {
    RetrieveOutcome outcome;
    Scu scu(peer_, options_);
    add_query_contexts(scu, &Model::get);
    // The instances come back over this association: we take the storage SCP role for their classes.
    std::set<std::string> classes;
    for (const auto& c : sop_classes)
        if (!c.empty()) classes.insert(c);
    // A peer that does not list SOP classes (dcmqrscp answers without them): the common ones.
    if (classes.size() < sop_classes.size() || classes.empty()) classes.insert(std::begin(common_storage_classes), std::end(common_storage_classes));
    const OFList<OFString> syntaxes = transfer_syntaxes(receivable_transfer_syntaxes());
    for (const auto& sop_class : classes) scu.addPresentationContext(sop_class.c_str(), syntaxes, ASC_SC_ROLE_SCP);
    if (!scu.connect(outcome.diagnostics, "Study or Patient Root Retrieve (C-GET)")) return outcome;
    const Model* model = nullptr;
    const auto context = accepted_context(scu, &Model::get, model);
    scu.store = &store;
    scu.progress = progress;
    DcmDataset keys;
    put(keys, DCM_QueryRetrieveLevel, "STUDY");
    put(keys, DCM_PatientID, patient_id);
    put(keys, DCM_StudyInstanceUID, study_uid);
    const OFCondition status = scu.sendCGETRequest(context, &keys, nullptr);
    outcome.stored = std::move(scu.stored);
    outcome.last = scu.last;
    outcome.failed_instances = std::move(scu.failed_instances);
    if (status.bad()) {
        outcome.diagnostics.push_back(error({peer_.text(), 0, ""}, "dicom.get.failed", "C-GET of study " + study_uid + " stopped: " + status.text()));
        return outcome;
    }
    outcome.ok = scu.final_status == STATUS_Success;
    if (!outcome.ok)
        outcome.diagnostics.push_back(error({peer_.text(), 0, ""}, "dicom.get.status",
                                            "C-GET of study " + study_uid + " ended with status " + status_text(scu.final_status)));
    return outcome;
}

RetrieveOutcome PacsClient::move(const std::string& patient_id, const std::string& study_uid, const std::string& destination,
                                 const ProgressCallback& progress) {
    RetrieveOutcome outcome;
    Scu scu(peer_, options_);
    add_query_contexts(scu, &Model::move);
    if (!scu.connect(outcome.diagnostics, "Study or Patient Root Retrieve (C-MOVE)")) return outcome;
    const Model* model = nullptr;
    const auto context = accepted_context(scu, &Model::move, model);
    scu.progress = progress;
    DcmDataset keys;
    put(keys, DCM_QueryRetrieveLevel, "STUDY");
    put(keys, DCM_PatientID, patient_id);
    put(keys, DCM_StudyInstanceUID, study_uid);
    const OFCondition status = scu.sendMOVERequest(context, destination.c_str(), &keys, nullptr);
    outcome.last = scu.last;
    outcome.failed_instances = std::move(scu.failed_instances);
    if (status.bad()) {
        outcome.diagnostics.push_back(error({peer_.text(), 0, ""}, "dicom.move.failed", "C-MOVE of study " + study_uid + " stopped: " + status.text()));
        return outcome;
    }
    outcome.ok = scu.final_status == STATUS_Success;
    if (scu.final_status == STATUS_MOVE_Failed_MoveDestinationUnknown)
        outcome.diagnostics.push_back(error({peer_.text(), 0, ""}, "dicom.move.destination_unknown",
                                            peer_.text() + " does not know the move destination " + destination +
                                                ": register that AE title with this computer's address and --port in the PACS (or use --method get)"));
    else if (!outcome.ok)
        outcome.diagnostics.push_back(error({peer_.text(), 0, ""}, "dicom.move.status",
                                            "C-MOVE of study " + study_uid + " ended with status " + status_text(scu.final_status)));
    return outcome;
}

}  // namespace ssmix::packager
