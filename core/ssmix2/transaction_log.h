// core/ssmix2/transaction_log.h — the optional transaction storage: every message that
// reaches the standardized storage is also appended, after an "SS-MIX header" line, to
//   <root>/<YYYY>/TR_<YYYYMMDDHHMMSSFFF>_<nnnnn>.DAT
// with a new file when the day changes or the file would exceed its size limit (NHO-TX,
// shared/research/ssmix2.md §1.6). Header (JAMI-FHIR example):
//   #SSMIX,2.00,<facility ID 10>,<patient ID>,<care date|->,<data type>,<order no>,INS|DEL,<dept|->,<timestamp 17>
// The guideline's own text was not available: the header ends with CR here, like an HL7
// segment, and the message follows unchanged. Appends are locked (flock on the year folder)
// and fsync'd, so several writers can share one transaction storage.
#pragma once

#include <filesystem>
#include <string>

#include "core/base/bytes.h"
#include "core/ssmix2/plan.h"

namespace ssmix::ssmix2 {

class TransactionLog {
public:
    TransactionLog(std::filesystem::path root, std::string facility_id, std::uint64_t max_file_bytes = 64u << 20);

    // `now` is YYYYMMDDHHMMSSFFF (local time of the store). Throws std::system_error on I/O failure.
    void append(const StoragePlan& plan, ByteView message, const std::string& now);

    [[nodiscard]] static std::string header(const StoragePlan& plan, const std::string& facility_id);

private:
    std::filesystem::path root_;
    std::string facility_id_;
    std::uint64_t max_file_bytes_;
};

}  // namespace ssmix::ssmix2
