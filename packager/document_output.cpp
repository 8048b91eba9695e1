// packager/document_output.cpp
#include "packager/document_output.h"

#include <algorithm>
#include <iostream>

#include "core/base/durable_file.h"
#include "core/base/local_time.h"
#include "core/cda/extended_record.h"
#include "core/cda/reader.h"
#include "core/clinical/build.h"
#include "core/ssmix2/extended_storage.h"
#include "packager/console.h"
#include "packager/disc/xdm_metadata.h"
#include "packager/disk_files.h"

namespace ssmix::packager {
namespace fs = std::filesystem;

std::optional<clinical::ClinicalRecord> load_record(const std::string& command, const RecordRequest& request) {
    if (!fs::is_directory(request.storage)) {
        std::cerr << command << ": " << request.storage.string() << " is not a folder\n";
        return std::nullopt;
    }
    DiskFiles files(request.storage);
    auto record = clinical::build_record(files, request.patient, {"", request.from, request.to, false});
    print_diagnostics(record.diagnostics);
    if (record.sources.empty()) {
        std::cerr << command << ": no data for patient " << request.patient << " in " << request.storage.string() << "\n";
        return std::nullopt;
    }
    return record;
}

cda::WriteContext new_write_context() {
    cda::WriteContext context;
    context.document_id = random_uuid_oid();
    context.time = local_time_now("%Y%m%d%H%M%S%z");
    return context;
}

bool revise(const std::string& command, const fs::path& earlier, const std::string& patient_id, cda::WriteContext& context) {
    Bytes bytes;
    try {
        bytes = read_file(earlier);
    } catch (const std::exception& e) {
        std::cerr << command << ": cannot read " << earlier.string() << ": " << e.what() << "\n";
        return false;
    }
    const auto old = cda::read_document(bytes, earlier.string());
    print_diagnostics(old.diagnostics);
    if (!old.value) return false;
    const auto& ids = old.value->patient.ids;
    if (std::none_of(ids.begin(), ids.end(), [&](const cda::Identifier& id) { return id.extension == patient_id; })) {
        std::cerr << command << ": " << earlier.string() << " is not about patient " << patient_id << "\n";
        return false;
    }
    context.replaces = old.value->id;
    context.set_id = old.value->set_id.root.empty() ? old.value->id : old.value->set_id;
    const std::string& version = old.value->version;
    const bool numeric = !version.empty() && version.size() < 6 && version.find_first_not_of("0123456789") == std::string::npos;
    context.version = (numeric ? std::stoi(version) : 1) + 1;
    return true;
}

int deliver_document(const std::string& command, const std::string& xml, const std::string& patient_id, const DocumentDelivery& delivery) {
    const auto check = cda::read_document(as_bytes(xml), delivery.output.string());
    if (!check.value || check.has_errors()) {   // a bug of ours, never the user's input: say so plainly
        print_diagnostics(check.diagnostics);
        std::cerr << command << ": the document made is not readable CDA (a bug in ssmix); nothing was written\n";
        return exit_data_problem;
    }
    try {
        write_file_atomic(delivery.output, as_bytes(xml));
    } catch (const std::exception& e) {
        std::cerr << command << ": cannot write " << delivery.output.string() << ": " << e.what() << "\n";
        return exit_data_problem;
    }
    std::cout << "Written: " << delivery.output.string() << " (" << xml.size() << " bytes)\n";
    if (delivery.extended.empty()) return exit_ok;

    std::string why;
    const auto record = cda::extended_record(*check.value, why, patient_id);
    if (!record) {
        std::cerr << command << ": cannot keep the document in the extended storage: " << why << "\n";
        return exit_data_problem;
    }
    try {
        ssmix2::ExtendedStorage storage(delivery.extended);
        const auto outcome = storage.store(*record, "main_document.xml", as_bytes(xml));
        std::cout << "Extended storage: " << (delivery.extended / outcome.path).string() << "\n";
        for (const auto& rename : outcome.renamed) std::cout << "  earlier version: " << rename << "\n";
    } catch (const std::exception& e) {
        std::cerr << command << ": cannot store in " << delivery.extended.string() << ": " << e.what() << "\n";
        return exit_data_problem;
    }
    return exit_ok;
}

std::string check_date(const std::string& text) {
    const bool ok = text.size() == 8 && text.find_first_not_of("0123456789") == std::string::npos;
    return ok ? std::string() : std::string("must be a date as YYYYMMDD");
}

}  // namespace ssmix::packager
