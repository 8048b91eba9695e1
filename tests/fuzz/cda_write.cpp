// tests/fuzz/cda_write.cpp — fuzzes the CDA writers with hostile text where the storage's
// messages and the doctor's letter put text (names, codes, values, units, dates, free text): the
// letter and the data-provision document must always come out as XML our own reader reads
// without an error or a dropped part, and the letter's purpose must survive the round trip.
#include <cstddef>
#include <cstdint>
#include <string>

#include <fuzzer/FuzzedDataProvider.h>

#include "core/cda/provision.h"
#include "core/cda/reader.h"
#include "core/cda/referral.h"
#include "core/cda/render.h"
#include "core/cda/detail/xml_build.h"

using namespace ssmix;

namespace {

std::string text(FuzzedDataProvider& in) { return in.ConsumeRandomLengthString(64); }

clinical::Code code(FuzzedDataProvider& in) {
    static const char* systems[] = {"JC10", "HOT9", "MDCDX2", "I10", "JAMISDP01", "HL70162", "99XYZ", ""};
    return {text(in), text(in), systems[in.ConsumeIntegralInRange<int>(0, 7)]};
}

void check(const std::string& xml) {
    const auto parsed = cda::read_document(as_bytes(xml), "fuzz");
    if (!parsed.value || parsed.has_errors() || !parsed.diagnostics.empty()) __builtin_trap();
    (void)cda::render_html_page(*parsed.value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    clinical::ClinicalRecord record;
    record.patient = {text(in), text(in), text(in), text(in), text(in), text(in), text(in), {text(in)}};
    clinical::Problem problem;
    problem.diagnosis = code(in);
    problem.icd10 = text(in);
    problem.onset_date = text(in);
    record.problems.push_back(problem);
    clinical::PrescriptionOrder order;
    order.date = text(in);
    clinical::Rp rp;
    rp.usage = code(in);
    rp.days = text(in);
    rp.route = code(in);
    clinical::Medication medication;
    medication.drug = code(in);
    medication.dose = text(in);
    medication.dose_unit = code(in);
    rp.medications.push_back(medication);
    order.rps.push_back(rp);
    record.prescriptions.push_back(order);
    clinical::LabResult result;
    result.test = code(in);
    result.value = text(in);
    if (in.ConsumeBool()) result.number = in.ConsumeFloatingPoint<double>();
    result.unit = text(in);
    result.observed_at = text(in);
    result.abnormal_flag = text(in);
    record.lab_results.push_back(result);
    record.allergies.push_back({code(in), code(in), code(in), text(in)});

    cda::ReferralLetter letter;
    letter.from = {text(in), in.ConsumeBool() ? "2214567890" : text(in), text(in), text(in), text(in)};
    letter.doctor = {text(in), text(in)};
    letter.to = {{text(in), "", text(in), "", ""}, text(in)};
    letter.purpose = "P" + in.ConsumeRandomLengthString(200);
    letter.present_illness = in.ConsumeRandomLengthString(200);
    cda::WriteContext context;
    context.document_id = "2.25.1";
    context.time = text(in);

    const std::string letter_xml = cda::write_referral(record, letter, context);
    check(letter_xml);
    const auto read = cda::read_document(as_bytes(letter_xml), "fuzz");
    if (cda::render_text(*read.value).find(cda::build::xml_text(letter.purpose).substr(0, 1)) == std::string::npos) __builtin_trap();
    check(cda::write_provision(record, {letter.from, text(in), text(in)}, context));
    return 0;
}
