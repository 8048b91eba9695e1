// core/dicom/dcmtk_log.h — what DCMTK explains only in its own log, for the few places where that
// is the only way to learn it (why a peer refused an association; which values a DICOMDIR had
// to invent). While a capture exists, one DCMTK logger writes to it instead of nowhere.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace ssmix::dicom {

class DcmtkLogCapture {
public:
    // `logger`: "dcmtk.dcmnet", "dcmtk.dcmdata" ...; `debug`: also debug messages (else warnings and up).
    DcmtkLogCapture(const char* logger, bool debug);
    ~DcmtkLogCapture();
    DcmtkLogCapture(const DcmtkLogCapture&) = delete;
    DcmtkLogCapture& operator=(const DcmtkLogCapture&) = delete;

    [[nodiscard]] std::vector<std::string> lines() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace ssmix::dicom
