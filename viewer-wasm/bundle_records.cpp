// viewer-wasm/bundle_records.cpp
#include "viewer-wasm/bundle_records.h"

#include <iterator>

namespace ssmix::viewer {
namespace {

template <class T> void append(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

void fill(std::string& field, const std::string& value) {
    if (field.empty()) field = value;
}

}  // namespace

bool BundleRecords::add(clinical::ClinicalRecord record, const std::string& path, const std::string& disc_patient) {
    const std::string& id = record.patient.id;
    if (id.empty()) return false;   // whose it is cannot be told: never shown as the disc's patient's
    if (!record_) {
        if (!disc_patient.empty() && disc_patient != id) return false;
        record_ = std::move(record);
        record_->sources.push_back(path);   // the record views are listed when a record has sources
        return true;
    }
    if (record_->patient.id != id) return false;
    clinical::Patient& patient = record_->patient;
    fill(patient.name, record.patient.name);
    fill(patient.name_kana, record.patient.name_kana);
    fill(patient.birth_date, record.patient.birth_date);
    fill(patient.sex, record.patient.sex);
    append(record_->problems, record.problems);
    append(record_->prescriptions, record.prescriptions);
    append(record_->lab_results, record.lab_results);
    append(record_->allergies, record.allergies);
    append(record_->imaging, record.imaging);
    append(record_->diagnostics, record.diagnostics);
    record_->sources.push_back(path);
    return true;
}

}  // namespace ssmix::viewer
