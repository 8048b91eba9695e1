// packager/dicom_net/receiver.cpp — DcmSCPPool makes its workers with their default
// constructor, so the settings they share are reached through one pointer set while run() runs
// (one receiver per process). The listen loop polls for a new connection once a second, which is
// how stop() gets through to it.
#include "packager/dicom_net/receiver.h"

#include <netdb.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "core/dicom/codecs.h"
#include "core/dicom/dataset.h"
#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dcuid.h"
#include "dcmtk/dcmnet/dul.h"
#include "dcmtk/dcmnet/scp.h"
#include "dcmtk/dcmnet/scppool.h"
#include "dcmtk/dcmnet/scpthrd.h"
#include "packager/dicom_net/pacs_client.h"
#include "packager/dicom_net/peer.h"

namespace ssmix::packager {
namespace {

const ReceiverSettings* shared_settings = nullptr;

void emit(const ReceiverEvent& event) {
    if (shared_settings && shared_settings->on_event) shared_settings->on_event(event);
}

class ReceiverScp : public DcmThreadSCP {
public:
    ReceiverScp() = default;

    OFCondition run(T_ASC_Association* association) override {
        association_ = association;
        return DcmThreadSCP::run(association);
    }

protected:
    // Every storage SOP class DCMTK knows (186 in 3.6.7) in every syntax we read, as storescp
    // accepts them: the configuration's presentation context lists stop at 128 entries.
    OFCondition negotiateAssociation() override {
        static const std::vector<std::string> syntaxes = receivable_transfer_syntaxes();
        std::vector<const char*> preferred;
        for (const auto& uid : syntaxes) preferred.push_back(uid.c_str());
        const char* verification[] = {UID_VerificationSOPClass};
        OFCondition status = ASC_acceptContextsWithPreferredTransferSyntaxes(association_->params, verification, 1, preferred.data(),
                                                                             static_cast<int>(preferred.size()));
        if (status.good())
            status = ASC_acceptContextsWithPreferredTransferSyntaxes(association_->params, dcmAllStorageSOPClassUIDs,
                                                                     numberOfDcmAllStorageSOPClassUIDs, preferred.data(),
                                                                     static_cast<int>(preferred.size()));
        return status;
    }

    OFCondition handleIncomingCommand(T_DIMSE_Message* message, const DcmPresentationContextInfo& context) override {
        if (message->CommandField != DIMSE_C_STORE_RQ) return DcmSCP::handleIncomingCommand(message, context);
        T_DIMSE_C_StoreRQ& request = message->msg.CStoreRQ;
        DcmDataset* received = nullptr;
        const OFCondition status = receiveSTORERequest(request, context.presentationContextID, received);
        if (status.bad()) {   // a dataset cut off or not readable: the association is ended
            delete received;
            emit({"error", peer(), std::string("the dataset of ") + request.AffectedSOPInstanceUID + " could not be received: " + status.text(), nullptr});
            return status;
        }
        dicom::Dataset dataset = dicom::adopt_dataset(received, peer());
        const StoredInstance stored = shared_settings->store->store(dataset, request.AffectedSOPClassUID, request.AffectedSOPInstanceUID);
        emit({"instance", peer(), stored.problem, &stored});
        // Only now, with the file flushed (or refused), does the sender hear the status.
        return sendSTOREResponse(context.presentationContextID, request, stored.status);
    }

    OFBool checkCalledAETitleAccepted(const OFString& called) override {
        if (OFString(shared_settings->ae_title.c_str()) == called) return OFTrue;
        emit({"refused", peer(), std::string("called AE title ") + called.c_str() + " is not ours (" + shared_settings->ae_title + ")", nullptr});
        return OFFalse;
    }

    // DCMTK 3.6.7 hands checkCallingHostAccepted the called address, so the peer's address is
    // taken from the association here, together with its AE title.
    OFBool checkCallingAETitleAccepted(const OFString& calling) override {
        const auto& allow = shared_settings->allow;
        if (allow.empty()) return OFTrue;
        const std::string address = getPeerIP().c_str();
        for (const auto& peer : allow)
            if (peer.ae_title == calling.c_str() && peer.address == address) return OFTrue;
        emit({"refused", std::string(calling.c_str()) + "@" + address, "not in --allow", nullptr});
        return OFFalse;
    }

    void notifyAssociationAcknowledge() override { emit({"association", peer(), "", nullptr}); }
    void notifyReleaseRequest() override { emit({"released", peer(), "", nullptr}); }
    void notifyAbortRequest() override { emit({"aborted", peer(), "", nullptr}); }
    void notifyDIMSEError(const OFCondition& condition) override { emit({"error", peer(), condition.text(), nullptr}); }

private:
    std::string peer() const { return std::string(getPeerAETitle().c_str()) + "@" + getPeerIP().c_str(); }

    T_ASC_Association* association_ = nullptr;
};

using Pool = DcmSCPPool<ReceiverScp>;

OFList<OFString> as_list(const std::vector<std::string>& uids) {
    OFList<OFString> list;
    for (const auto& uid : uids) list.push_back(uid.c_str());
    return list;
}

}  // namespace

std::optional<AllowedPeer> parse_allowed_peer(const std::string& text, std::string& problem) {
    const auto at = text.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == text.size()) {
        problem = "--allow \"" + text + "\" is not AET@HOST";
        return std::nullopt;
    }
    AllowedPeer peer{text.substr(0, at), text.substr(at + 1)};
    if (!valid_ae_title(peer.ae_title, problem)) return std::nullopt;
    addrinfo hints{};
    hints.ai_family = AF_INET;
    addrinfo* found = nullptr;
    if (::getaddrinfo(peer.address.c_str(), nullptr, &hints, &found) != 0 || !found) {
        problem = "--allow \"" + text + "\": the host " + peer.address + " is not known";
        return std::nullopt;
    }
    char address[NI_MAXHOST];
    ::getnameinfo(found->ai_addr, found->ai_addrlen, address, sizeof address, nullptr, 0, NI_NUMERICHOST);
    ::freeaddrinfo(found);
    peer.address = address;
    return peer;
}

Receiver::Receiver(ReceiverSettings settings) : settings_(std::move(settings)) {}

Receiver::~Receiver() { delete static_cast<Pool*>(pool_); }

bool Receiver::run(std::string& problem) {
    if (shared_settings) throw std::logic_error("one Receiver runs at a time");
    dicom::register_decoders();             // also keeps DCMTK's own log quiet
    dcmDisableGethostbyaddr.set(OFTrue);    // peers by address, as --allow names them
    disable_nagle_unless_asked();
    auto* pool = new Pool;
    pool_ = pool;
    DcmSCPConfig& config = pool->getConfig();
    config.setPort(settings_.port);
    config.setAETitle(settings_.ae_title.c_str());
    config.setConnectionBlockingMode(DUL_NOBLOCK);
    config.setConnectionTimeout(1);   // how often the listen loop looks at stop()
    config.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    config.setDIMSETimeout(settings_.timeout_seconds);
    config.setACSETimeout(settings_.timeout_seconds);
    config.setMaxReceivePDULength(ASC_MAXIMUMPDUSIZE);   // large PDUs: fewer reads per instance
    // (What is accepted is decided in ReceiverScp::negotiateAssociation; the configuration needs
    // a presentation context to be complete.)
    config.addPresentationContext(UID_VerificationSOPClass, as_list({UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax}));
    pool->setMaxThreads(static_cast<Uint16>(settings_.max_associations));
    shared_settings = &settings_;
    // stop() only raises a flag (it may come from a signal watcher at any moment, even before
    // listen() has started, which would reset a stop made earlier); this thread passes it on.
    std::atomic<bool> listening{true};
    std::thread monitor([&] {
        while (listening) {
            if (stop_requested_) pool->stopAfterCurrentAssociations();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    const OFCondition status = pool->listen();
    listening = false;
    monitor.join();
    shared_settings = nullptr;
    if (status.bad()) {
        problem = "cannot listen on port " + std::to_string(settings_.port) + ": " + status.text();
        return false;
    }
    return true;
}

void Receiver::stop() { stop_requested_ = true; }

}  // namespace ssmix::packager
