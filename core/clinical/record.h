// core/clinical/record.h — a patient's clinical record as the physician reads it, built from
// the SS-MIX2 messages of one patient (build_record in build.h): demographics, problems,
// prescriptions and injections grouped by order and Rp, lab results, allergies, imaging
// orders with their Study Instance UID. All text UTF-8; dates "YYYYMMDD", times as written.
// Field meanings: shared/research/ssmix2.md §3 (JAHIS standards as used by SS-MIX2).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"

namespace ssmix::clinical {

struct Code {                      // a CWE value
    std::string code, text, system;
    [[nodiscard]] bool empty() const { return code.empty() && text.empty(); }
};

struct Patient {
    std::string id;
    std::string name;              // kanji (XPN-8 "I")
    std::string name_kana;         // reading (XPN-8 "P")
    std::string birth_date;        // YYYYMMDD
    std::string sex;               // M, F, O, U
    std::string postal_code, address;
    std::vector<std::string> phones;
};

struct Problem {                   // PPR-01: PRB (+ ZPR)
    Code diagnosis;                // PRB-3, MEDIS standard disease master (MDCDX2)
    std::string icd10;             // PRB-10.1 (code system I10)
    std::string diagnosis_date;    // PRB-7
    std::string onset_date;        // PRB-16
    std::string resolved_date;     // PRB-9
    std::string outcome;           // PRB-14 text (回復せず ...)
    bool main = false;             // PRB-18 "1" (主診断)
    bool suspected = false;        // PRB-13 "1" (疑い)
    std::string action;            // PRB-1: AD, UP, DE ...
    Code department;               // ORC-17 of the message (診療科, SS-MIX2 table 0069)
};

struct Medication {                // one RXE (or RXC for injections)
    Code drug;                     // RXE-2 / RXC-2 (HOT9 ...)
    std::string dose;              // RXE-3 / RXC-3
    Code dose_unit;                // RXE-5 / RXC-4 (MR9P)
    std::string dispense_amount;   // RXE-10
    Code dispense_unit;            // RXE-11
    std::string daily_total;       // RXE-19 quantity, e.g. "3"
    Code daily_total_unit;         // RXE-19 unit (subcomponents)
    std::string component_type;    // RXC-1: A base, B additive (injections)
};

struct Rp {                        // ORC .. RXE .. TQ1 .. RXR: one prescription line (Rp)
    std::string number;            // ORC-4 (依頼者グループ番号)
    Code usage;                    // TQ1-3 (JAMISDP01 usage code)
    std::string days;              // TQ1-6 quantity, e.g. "5"
    std::string days_unit;         // TQ1-6 unit, e.g. "d" / "D"
    std::string start, end;        // TQ1-7, TQ1-8
    Code route;                    // RXR-1 (HL70162)
    Code prescription_type;        // RXE-21 first repetition (外来処方 / 院内処方 ...)
    std::vector<Medication> medications;
};

enum class OrderKind { prescription, injection };

struct PrescriptionOrder {         // OMP-01 / OMP-02: one file, one order number
    OrderKind kind = OrderKind::prescription;
    std::string order_number;      // ORC-2
    std::string date;              // care date (ORC-9)
    std::string doctor;            // ORC-12 name
    Code department;               // ORC-17
    std::vector<Rp> rps;
};

struct LabResult {                 // OML-11: OBX within SPM/OBR
    Code test;                     // OBX-3 (JC10 = JLAC10)
    std::string value_type;        // OBX-2
    std::string value;             // OBX-5 as text
    std::optional<double> number;  // when NM
    std::string unit;              // OBX-6 text (or code)
    std::string reference_range;   // OBX-7
    std::string abnormal_flag;     // OBX-8: H, L, HH, LL, N ...
    std::string status;            // OBX-11
    std::string observed_at;       // OBX-14, else OBR-7, else SPM-17 (YYYYMMDD[HHMM...])
    Code specimen;                 // SPM-4
    Code panel;                    // OBR-4
    std::string order_number;      // OBR-2
    Code department;               // ORC-17 of the panel (診療科, SS-MIX2 table 0069)
};

struct Allergy {                   // ADT-61 IAM, ADT-00 AL1
    Code type, allergen, severity;
    std::string reaction;
};

struct ImagingOrder {              // OMG-01/02/03 (orders), OMG-11/12 (done), OMG-13 (results)
    std::string data_type;
    std::string order_number;
    std::string date;
    Code procedure;                // OBR-4 (JJ1017, LENDO, JC10 ...)
    std::string study_uid;         // IPC-3: the DICOM study on the disc
    std::string accession;         // IPC-1
    std::string modality;          // IPC-5
    std::vector<std::string> findings;   // text OBX values (所見)
};

struct ClinicalRecord {
    Patient patient;
    std::vector<Problem> problems;
    std::vector<PrescriptionOrder> prescriptions;   // by date
    std::vector<LabResult> lab_results;              // by time, then test
    std::vector<Allergy> allergies;
    std::vector<ImagingOrder> imaging;               // by date
    std::vector<std::string> sources;                // storage paths read
    std::vector<Diagnostic> diagnostics;             // files that could not be read
};

}  // namespace ssmix::clinical
