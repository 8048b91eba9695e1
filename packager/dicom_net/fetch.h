// packager/dicom_net/fetch.h — a patient's studies from a PACS into a folder, as `ssmix dicom
// fetch` and `ssmix pack --pacs` do it: C-FIND the studies (only the patient asked for; answers
// about anyone else are dropped and named), C-FIND each study's instances, retrieve with C-GET,
// or with C-MOVE to a storage SCP this process runs on --port for the duration; then compare
// what arrived with what the PACS listed, instance by instance. Everything received is flushed to
// disk before fetch_studies returns.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "packager/dicom_net/pacs_client.h"

namespace ssmix::packager {

struct FetchRequest {
    DicomPeer peer;
    NetworkOptions network;
    StudyQuery query;                  // patient_id is required
    std::filesystem::path output;      // the received instances go to OUTPUT/<patient>/<study>/<series>/<sop>.dcm
    RetrieveMethod method = RetrieveMethod::get;
    std::uint16_t port = 0;            // C-MOVE: where our storage SCP listens
};

struct FetchedStudy {
    StudyAnswer study;
    unsigned expected = 0;             // instances the PACS listed (IMAGE level), else counted (STUDY level)
    unsigned received = 0;             // stored or already there
    std::vector<std::string> missing;  // SOP Instance UIDs listed but not received
    RetrieveProgress last;
};

struct FetchResult {
    std::vector<FetchedStudy> studies;
    std::vector<Diagnostic> diagnostics;
    [[nodiscard]] bool complete() const;   // every study fully received, no error
};

// `report` receives progress lines for a person (stderr).
[[nodiscard]] FetchResult fetch_studies(const FetchRequest& request, const std::function<void(const std::string&)>& report);

}  // namespace ssmix::packager
