// core/fhir/entries_reader.cpp — the inverse of core/fhir/resources.cpp for what the clinical
// model holds, tolerant of other senders: codings are looked for by system in order of
// preference, then the first one; text falls back to a display.
#include "core/fhir/detail/entries.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/fhir/profiles.h"

namespace ssmix::fhir::detail {
namespace {

struct Coding {
    std::string system, code, display;
};

std::vector<Coding> codings(JsonAccess& json, const At& codeable) {
    std::vector<Coding> out;
    for (const At& c : json.items(codeable, "coding")) out.push_back({json.text(c, "system"), json.text(c, "code"), json.text(c, "display")});
    return out;
}

// The SS-MIX2 table name of a FHIR code system URL this project writes; other URLs as they are.
std::string v2_system(const std::string& url) {
    struct Pair {
        std::string_view url, v2;
    };
    static constexpr std::array pairs{
        Pair{system::medis_disease, "MDCDX2"}, Pair{system::icd10, "I10"},        Pair{system::jlac10, "JC10"},
        Pair{system::hot9, "HOT9"},            Pair{system::jami_usage, "JAMISDP01"}, Pair{system::route, "HL70162"},
        Pair{system::merit9_unit, "MR9P"},     Pair{system::loinc, "LN"},
        Pair{"http://medis.or.jp/CodeSystem/master-HOT7", "HOT7"}, Pair{"http://medis.or.jp/CodeSystem/master-HOT13", "HOT13"},
        Pair{"http://capstandard.jp/iyaku.info/CodeSystem/YJ-code", "YJ"},
        // The OID forms (CDA's, cda.md §2) that some senders put in FHIR too.
        Pair{"urn:oid:1.2.392.200119.4.504", "JC10"}, Pair{"urn:oid:1.2.392.200119.4.101.2", "MDCDX2"},
        Pair{"urn:oid:2.16.840.1.113883.6.3", "I10"}, Pair{"urn:oid:1.2.392.200119.4.403.1", "HOT9"},
        Pair{"urn:oid:1.2.392.200250.2.2.20.20", "JAMISDP01"}, Pair{"urn:oid:1.2.392.200250.2.2.20", "JAMISDP01"},
    };
    for (const auto& p : pairs)
        if (p.url == url) return std::string(p.v2);
    constexpr std::string_view local_prefix = "http://ssmix-carry.invalid/CodeSystem/v2-";   // codes.h local_system
    if (url.starts_with(local_prefix)) return url.substr(local_prefix.size());
    return url;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The coding whose system is the first of `preferred` found (a URL fragment), else the first
// coding that is not a "no code" placeholder.
const Coding* pick(const std::vector<Coding>& list, std::initializer_list<std::string_view> preferred) {
    for (const auto want : preferred)
        for (const auto& c : list)
            if ((contains(c.system, want) || v2_system(c.system) == want) && !c.code.empty()) return &c;
    for (const auto& c : list)
        if (!c.code.empty() && !contains(c.system, "Nocoded") && !contains(c.system, "Uncoded") && !contains(c.system, "NOCODED")) return &c;
    return nullptr;
}

std::string concept_text(JsonAccess& json, const At& codeable, const std::vector<Coding>& list) {
    std::string text = json.text(codeable, "text");
    if (text.empty())
        for (const auto& c : list)
            if (!c.display.empty()) return c.display;
    return text;
}

clinical::Code code_of(JsonAccess& json, const At& codeable, std::initializer_list<std::string_view> preferred) {
    const auto list = codings(json, codeable);
    clinical::Code code;
    code.text = concept_text(json, codeable, list);
    if (const Coding* c = pick(list, preferred)) {
        code.code = c->code;
        code.system = v2_system(c->system);
        if (code.text.empty()) code.text = c->display;
    }
    return code;
}

// The first coding's code of a CodeableConcept field ("active", "provisional" ...).
std::string status_code(JsonAccess& json, const At& resource, std::string_view field) {
    const auto list = codings(json, json.field(resource, field, Want::object));
    return list.empty() ? std::string() : list.front().code;
}

std::string date_of(JsonAccess& json, const At& resource, std::string_view field, bool with_time = false) {
    const std::string value = json.text(resource, field);
    if (value.empty()) return {};
    std::string time = hl7_time(value);
    if (time.empty()) json.warn(resource.path + "." + std::string(field), "fhir.date", "\"" + value.substr(0, 40) + "\" is not a FHIR date; ignored");
    if (!with_time && time.size() > 8) time.resize(8);
    return time;
}

At extension_with(JsonAccess& json, const At& resource, std::string_view url) {
    for (const At& e : json.items(resource, "extension"))
        if (json.text(e, "url") == url) return e;
    return {};
}

std::string identifier_value(JsonAccess& json, const At& resource, std::string_view system_name) {
    for (const At& id : json.items(resource, "identifier"))
        if (json.text(id, "system") == system_name) return json.text(id, "value");
    return {};
}

clinical::Code department_of(JsonAccess& json, const At& resource) {
    const At e = extension_with(json, resource, extension::department);
    return e ? code_of(json, json.field(e, "valueCodeableConcept", Want::object), {system::department}) : clinical::Code{};
}

std::string one_name(JsonAccess& json, const At& name) {
    std::string text = json.text(name, "text");
    if (!text.empty()) return text;
    text = json.text(name, "family");
    for (const At& given : json.items(name, "given", Want::string)) text += (text.empty() ? "" : " ") + given->get<std::string>();
    return text;
}

}  // namespace

cda::PersonName person_name(JsonAccess& json, const At& resource) {
    cda::PersonName out;
    for (const At& name : json.items(resource, "name")) {
        std::string representation;
        for (const At& e : json.items(name, "extension"))
            if (json.text(e, "url") == extension::name_representation) representation = json.text(e, "valueCode");
        std::string& slot = representation == "IDE" ? out.ideographic : representation == "SYL" ? out.syllabic : out.other;
        if (slot.empty()) slot = one_name(json, name);
    }
    return out;
}

clinical::Patient read_patient(JsonAccess& json, const At& resource) {
    clinical::Patient p;
    const auto ids = json.items(resource, "identifier");
    for (const At& id : ids)   // the hospital's own patient number first (JP-CLINS R1010)
        if (json.text(id, "system").starts_with(system::patient_id_prefix)) {
            p.id = json.text(id, "value");
            break;
        }
    if (p.id.empty() && !ids.empty()) p.id = json.text(ids.front(), "value");
    const cda::PersonName name = person_name(json, resource);
    p.name = name.ideographic.empty() ? name.other : name.ideographic;
    p.name_kana = name.syllabic;
    p.birth_date = date_of(json, resource, "birthDate");
    const std::string gender = json.text(resource, "gender");
    p.sex = gender == "male" ? "M" : gender == "female" ? "F" : gender == "other" ? "O" : "U";
    const auto addresses = json.items(resource, "address");
    if (!addresses.empty()) {
        p.address = json.text(addresses.front(), "text");
        p.postal_code = json.text(addresses.front(), "postalCode");
    }
    for (const At& t : json.items(resource, "telecom"))
        if (json.text(t, "system") == "phone") p.phones.push_back(json.text(t, "value"));
    return p;
}

std::string organization_name(JsonAccess& json, const At& resource) { return json.text(resource, "name"); }

std::string organization_department(JsonAccess& json, const At& resource) {
    const clinical::Code department = department_of(json, resource);
    return department.text.empty() ? department.code : department.text;
}

std::optional<clinical::Problem> read_condition(JsonAccess& json, const At& resource) {
    const std::string verification = status_code(json, resource, "verificationStatus");
    if (verification == "entered-in-error" || verification == "refuted") return std::nullopt;
    clinical::Problem p;
    const At code = json.field(resource, "code", Want::object);
    const auto list = codings(json, code);
    p.diagnosis.text = concept_text(json, code, list);
    for (const auto& c : list) {
        const std::string v2 = v2_system(c.system);
        if (v2 == "MDCDX2" && c.code != "99999999" && p.diagnosis.code.empty()) {   // all 9s: no 病名管理番号
            p.diagnosis.code = c.code;
            p.diagnosis.system = "MDCDX2";
        } else if ((v2 == "I10" || contains(c.system, "ICD10") || contains(c.system, "icd-10")) && p.icd10.empty()) {
            p.icd10 = c.code;
        }
    }
    if (p.diagnosis.code.empty())
        if (const Coding* c = pick(list, {"master-disease", "masterB-disease"}); c && v2_system(c->system) != "I10" && c->code != "99999999") {
            p.diagnosis.code = c->code;
            p.diagnosis.system = v2_system(c->system);
        }
    p.onset_date = date_of(json, resource, "onsetDateTime");
    p.diagnosis_date = date_of(json, resource, "recordedDate");
    const std::string clinical_status = status_code(json, resource, "clinicalStatus");
    // An abatement ends the problem unless the status says it came back.
    const std::string abatement = date_of(json, resource, "abatementDateTime");
    if (clinical_status != "active" && clinical_status != "recurrence" && clinical_status != "relapse") p.resolved_date = abatement;
    p.suspected = verification == "provisional" || verification == "differential" || verification == "unconfirmed";
    const At type = extension_with(json, resource, extension::diagnosis_type);
    p.main = type && status_code(json, type, "valueCodeableConcept") == "principal";
    p.department = department_of(json, resource);
    for (const At& note : json.items(resource, "note")) {
        std::string text = json.text(note, "text");
        constexpr std::string_view outcome = "転帰: ";   // resources.cpp writes PRB-14 so
        if (text.starts_with(outcome)) p.outcome = text.substr(outcome.size());
    }
    return p;
}

std::optional<clinical::Allergy> read_allergy(JsonAccess& json, const At& resource) {
    if (status_code(json, resource, "verificationStatus") == "entered-in-error") return std::nullopt;
    clinical::Allergy a;
    a.allergen = code_of(json, json.field(resource, "code", Want::object), {});
    for (const At& category : json.items(resource, "category", Want::string)) {
        const std::string c = category->get<std::string>();
        if (c == "medication") a.type = {"DA", "薬剤アレルギー", "HL70127"};
        else if (c == "food") a.type = {"FA", "食物アレルギー", "HL70127"};
        else if (c == "environment") a.type = {"EA", "環境アレルギー", "HL70127"};
        else if (c == "biologic") a.type = {"AA", "生物学的物質", "HL70127"};
        break;
    }
    for (const At& reaction : json.items(resource, "reaction")) {
        for (const At& manifestation : json.items(reaction, "manifestation")) {
            const std::string text = code_of(json, manifestation, {}).text;
            if (!text.empty()) a.reaction += (a.reaction.empty() ? "" : "、") + text;
        }
        const std::string severity = json.text(reaction, "severity");
        if (severity == "mild") a.severity = {"MI", "軽度", "HL70128"};
        else if (severity == "moderate") a.severity = {"MO", "中等度", "HL70128"};
        else if (severity == "severe") a.severity = {"SV", "重度", "HL70128"};
    }
    if (a.severity.empty() && json.text(resource, "criticality") == "high") a.severity = {"SV", "重度", "HL70128"};
    return a;
}

std::optional<MedicationLine> read_medication_request(JsonAccess& json, const At& resource) {
    const std::string status = json.text(resource, "status");
    if (status == "cancelled" || status == "entered-in-error") return std::nullopt;
    MedicationLine line;
    line.order.order_number = identifier_value(json, resource, system::prescription_order);
    line.order.date = date_of(json, resource, "authoredOn");
    const At group = json.field(resource, "groupIdentifier", Want::object);
    const At requisition = json.field(resource, "requisition", Want::object);
    line.order_key = group ? "group|" + json.text(group, "system") + "|" + json.text(group, "value")
                   : requisition ? "requisition|" + json.text(requisition, "system") + "|" + json.text(requisition, "value")
                   : !line.order.order_number.empty() ? "order|" + line.order.order_number
                                                      : "date|" + line.order.date;
    line.order.department = department_of(json, resource);
    line.rp.number = identifier_value(json, resource, system::rp_number);

    clinical::Medication m;
    m.drug = code_of(json, json.field(resource, "medicationCodeableConcept", Want::object),
                     {"HOT9", "master-HOT", "YJ-code", "MedicationGeneralOrderCode"});
    const auto dosages = json.items(resource, "dosageInstruction");
    if (!dosages.empty()) {
        const At& dosage = dosages.front();
        const At timing = json.field(dosage, "timing", Want::object);
        line.rp.usage = code_of(json, json.field(timing, "code", Want::object), {"JAMISDP01", "MedicationUsage_ePrescription", "MedicationUsage"});
        if (line.rp.usage.system == system::usage_uncoded) line.rp.usage.code.clear(), line.rp.usage.system.clear();
        const At bounds = json.field(json.field(timing, "repeat", Want::object), "boundsDuration", Want::object);
        line.rp.days = json.number_text(bounds, "value");
        if (!line.rp.days.empty()) line.rp.days_unit = json.text(bounds, "code");
        const At route = json.field(dosage, "route", Want::object);
        if (route) line.rp.route = code_of(json, route, {system::route});
        for (const At& rate : json.items(dosage, "doseAndRate")) {
            const At dose = json.field(rate, "doseQuantity", Want::object);
            if (!dose) continue;
            m.dose = json.number_text(dose, "value");
            m.dose_unit = {json.text(dose, "code"), json.text(dose, "unit"), v2_system(json.text(dose, "system"))};
            if (m.dose_unit.code.empty()) m.dose_unit.system.clear();
            break;
        }
        const At period = extension_with(json, dosage, extension::period_of_use);
        if (const At value = json.field(period, "valuePeriod", Want::object)) {
            line.rp.start = date_of(json, value, "start");
            line.rp.end = date_of(json, value, "end");
        }
    }
    const At dispense = json.field(resource, "dispenseRequest", Want::object);
    const At supply = json.field(dispense, "expectedSupplyDuration", Want::object);
    if (supply && line.rp.days.empty()) {
        line.rp.days = json.number_text(supply, "value");
        line.rp.days_unit = json.text(supply, "code");
    }
    if (const At quantity = json.field(dispense, "quantity", Want::object)) {
        m.dispense_amount = json.number_text(quantity, "value");
        m.dispense_unit = {json.text(quantity, "code"), json.text(quantity, "unit"), v2_system(json.text(quantity, "system"))};
    }
    line.rp.medications.push_back(std::move(m));
    return line;
}

void add_medication_line(std::vector<clinical::PrescriptionOrder>& orders, MedicationGroups& groups, MedicationLine line) {
    const auto [order_at, new_order] = groups.orders.emplace(line.order_key, orders.size());
    if (new_order) orders.push_back(std::move(line.order));
    clinical::PrescriptionOrder& order = orders[order_at->second];
    if (!line.rp.number.empty()) {
        const auto [rp_at, new_rp] = groups.rps.emplace(std::make_pair(order_at->second, line.rp.number), order.rps.size());
        if (!new_rp) {
            for (auto& m : line.rp.medications) order.rps[rp_at->second].medications.push_back(std::move(m));
            return;
        }
    }
    order.rps.push_back(std::move(line.rp));
}

std::optional<clinical::LabResult> read_observation(JsonAccess& json, const At& resource, bool& laboratory) {
    const std::string status = json.text(resource, "status");
    if (status == "cancelled" || status == "entered-in-error") return std::nullopt;
    laboratory = false;
    for (const At& category : json.items(resource, "category"))
        for (const auto& c : codings(json, category))
            if (c.code == "laboratory") laboratory = true;
    clinical::LabResult r;
    r.test = code_of(json, json.field(resource, "code", Want::object), {"JC10", "JLAC10", "JLAC11", "LocalCode", "loinc.org"});
    static constexpr std::pair<std::string_view, std::string_view> statuses[] = {
        {"final", "F"}, {"corrected", "C"}, {"amended", "C"}, {"preliminary", "P"}, {"registered", "P"}};
    for (const auto& [fhir, v2] : statuses)
        if (status == fhir) r.status = v2;
    r.observed_at = date_of(json, resource, "effectiveDateTime", true);
    if (r.observed_at.empty())
        r.observed_at = date_of(json, json.field(resource, "effectivePeriod", Want::object), "start", true);
    if (const At quantity = json.field(resource, "valueQuantity", Want::object)) {
        r.value_type = "NM";
        r.value = json.number_text(quantity, "value");
        if (!r.value.empty()) r.number = quantity->at("value").get<double>();   // number_text saw a number there
        r.unit = json.text(quantity, "unit");
        if (r.unit.empty()) r.unit = json.text(quantity, "code");
        const std::string comparator = json.text(quantity, "comparator");
        if (!comparator.empty()) r.value = comparator + r.value, r.number.reset();
    } else if (const At text = json.field(resource, "valueString", Want::string)) {
        r.value_type = "ST";
        r.value = text->get<std::string>();
    } else if (const At codeable = json.field(resource, "valueCodeableConcept", Want::object)) {
        r.value_type = "CWE";
        r.value = code_of(json, codeable, {}).text;
    } else if (const At absent = json.field(resource, "dataAbsentReason", Want::object)) {
        r.value = code_of(json, absent, {}).text;
    }
    for (const At& range : json.items(resource, "referenceRange")) {
        r.reference_range = json.text(range, "text");
        if (r.reference_range.empty()) {
            const std::string low = json.number_text(json.field(range, "low", Want::object), "value");
            const std::string high = json.number_text(json.field(range, "high", Want::object), "value");
            if (!low.empty() || !high.empty()) r.reference_range = low + "-" + high;
        }
        break;
    }
    for (const At& interpretation : json.items(resource, "interpretation")) {
        const auto list = codings(json, interpretation);
        if (!list.empty()) r.abnormal_flag = list.front().code;
        break;
    }
    // The specimen: a contained Specimen ("#specimen"), as JP-CLINS writes it.
    const std::string specimen_reference = json.text(json.field(resource, "specimen", Want::object), "reference");
    if (specimen_reference.starts_with("#"))
        for (const At& contained : json.items(resource, "contained"))
            if (json.text(contained, "resourceType") == "Specimen" && "#" + json.text(contained, "id") == specimen_reference)
                r.specimen = code_of(json, json.field(contained, "type", Want::object), {system::specimen_material});
    if (r.specimen.system == system::specimen_material) r.specimen.system = "JC10";
    r.department = department_of(json, resource);
    return r;
}

}  // namespace ssmix::fhir::detail
