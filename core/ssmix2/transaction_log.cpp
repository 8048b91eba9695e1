// core/ssmix2/transaction_log.cpp — choose today's newest file with room, append one record.
#include "core/ssmix2/transaction_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "core/base/durable_file.h"

namespace ssmix::ssmix2 {
namespace fs = std::filesystem;

TransactionLog::TransactionLog(fs::path root, std::string facility_id, std::uint64_t max_file_bytes)
    : root_(std::move(root)), facility_id_(std::move(facility_id)), max_file_bytes_(max_file_bytes) {}

std::string TransactionLog::header(const StoragePlan& plan, const std::string& facility_id) {
    const FileName& n = plan.name;
    return "#SSMIX,2.00," + facility_id + "," + n.patient_id + "," + n.care_date + "," + n.data_type + "," + n.order_number +
           "," + (plan.action == Action::cancel ? "DEL" : "INS") + "," + n.department + "," + n.timestamp + "\r";
}

void TransactionLog::append(const StoragePlan& plan, ByteView message, const std::string& now) {
    const fs::path year = root_ / now.substr(0, 4);
    create_directories_durable(year);
    const DirectoryLock lock(year);

    Bytes record;
    const std::string head = header(plan, facility_id_);
    record.insert(record.end(), head.begin(), head.end());
    record.insert(record.end(), message.begin(), message.end());

    // Today's file with the highest sequence number, if the record still fits.
    fs::path target;
    int sequence = 0;
    for (const auto& entry : fs::directory_iterator(year)) {
        const std::string name = entry.path().filename().string();
        if (name.size() != 3 + 17 + 1 + 5 + 4 || !name.starts_with("TR_") || !name.ends_with(".DAT")) continue;
        const int n = std::atoi(name.substr(21, 5).c_str());
        if (name.substr(3, 8) == now.substr(0, 8) && n >= sequence) {
            sequence = n;
            target = entry.path();
        }
    }
    if (target.empty() || fs::file_size(target) + record.size() > max_file_bytes_) {
        char name[64];
        std::snprintf(name, sizeof name, "TR_%s_%05d.DAT", now.substr(0, 17).c_str(), sequence + 1);
        target = year / name;
    }
    const bool created = !fs::exists(target);
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open " + target.string());
    std::size_t done = 0;
    while (done < record.size()) {
        const ssize_t n = ::write(fd, record.data() + done, record.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            throw std::system_error(error, std::generic_category(), "cannot append to " + target.string());
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) throw std::system_error(errno, std::generic_category(), "cannot fsync " + target.string());
    if (created) sync_directory(year);
}

}  // namespace ssmix::ssmix2
