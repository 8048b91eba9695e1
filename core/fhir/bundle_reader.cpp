// core/fhir/bundle_reader.cpp — bounds first (size, then nesting depth by a scan that never
// recurses), then nlohmann/json, then a walk that asks every field for its type. Entries are
// read once, in order; references resolve by fullUrl, by "Type/id", or inside `contained`.
// The Composition becomes a cda::Document: its header from the resources it references, its
// sections with their narrative (Narrative.div, or one built from the section's entries).
#include "core/fhir/bundle_reader.h"

#include <algorithm>
#include <map>

#include "core/cda/reader.h"
#include "core/clinical/record_tables.h"
#include "core/fhir/detail/entries.h"
#include "core/fhir/detail/json_access.h"
#include "core/fhir/detail/narrative.h"
#include "core/fhir/profiles.h"

namespace ssmix::fhir {
namespace {

using detail::At;
using detail::JsonAccess;
using detail::ReadJson;
using detail::Want;

// Deeper than any real bundle (a section inside a section costs 2); nlohmann's parser does not
// recurse, but what walks the result does.
constexpr int max_json_depth = 128;

// The offset where arrays and objects nest deeper than `limit`, or npos.
std::size_t too_deep_at(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {   // unbalanced closers are the parser's to report
            --depth;
        }
    }
    return std::string_view::npos;
}

std::string_view without_bom(ByteView bytes) {
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return text;
}

cda::Identifier identifier_of(JsonAccess& json, const At& id) {
    std::string system_name = json.text(id, "system");
    if (system_name.starts_with("urn:oid:")) system_name.erase(0, 8);
    return {system_name, json.text(id, "value"), ""};
}

cda::Coded coded_of(JsonAccess& json, const At& codeable) {
    cda::Coded coded;
    const auto list = json.items(codeable, "coding");
    if (!list.empty()) coded = {json.text(list.front(), "code"), json.text(list.front(), "system"), "", json.text(list.front(), "display")};
    if (coded.display.empty()) coded.display = json.text(codeable, "text");
    return coded;
}

bool names_recipient(std::string url) {
    for (char& ch : url)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return url.find("referralto") != std::string::npos || url.find("referral-to") != std::string::npos ||
           url.find("recipient") != std::string::npos;
}

// The record tables of `part` (problems, allergies, orders, results) as narrative.
void append_tables(const clinical::ClinicalRecord& part, std::vector<cda::NarrativeNode>& out) {
    constexpr Language ja = Language::ja;
    if (!part.problems.empty()) out.push_back(detail::table_node(clinical::problem_table(part.problems, ja), ja));
    if (!part.allergies.empty()) out.push_back(detail::table_node(clinical::allergy_table(part.allergies, ja), ja));
    for (const auto& order : clinical::order_tables(part.prescriptions, ja)) {
        out.push_back(detail::paragraph_node(order.heading));
        out.push_back(detail::table_node(order.table, ja));
    }
    if (!part.lab_results.empty()) out.push_back(detail::table_node(clinical::lab_result_list(part.lab_results, ja), ja));
}

// What each entry's resource gave the clinical model; read once, used by the record and by
// the narratives built for sections without one.
struct EntryData {
    At resource;
    std::string type;
    std::optional<clinical::Problem> problem;
    std::optional<clinical::Allergy> allergy;
    std::optional<detail::MedicationLine> medication;
    std::optional<clinical::LabResult> result;
    bool laboratory = false;
    std::string summary;   // a line of text for the other kinds (Encounter's reason, DocumentReference ...)
};

class BundleReader {
public:
    explicit BundleReader(const std::string& name) : json_(name) {}

    Parsed<ReadBundle> read(ByteView bytes) {
        Parsed<ReadBundle> out;
        if (read_json(bytes)) out.value = read_bundle();
        out.diagnostics = std::move(json_.diagnostics());
        return out;
    }

private:
    bool read_json(ByteView bytes) {
        if (bytes.size() > max_bundle_bytes) {
            json_.error("", "fhir.too_large", "the bundle has " + std::to_string(bytes.size()) + " bytes; at most " + std::to_string(max_bundle_bytes) + " are read");
            return false;
        }
        const std::string_view text = without_bom(bytes);
        if (const auto deep = too_deep_at(text, max_json_depth); deep != std::string_view::npos) {
            json_.error("byte " + std::to_string(deep), "fhir.too_deep", "arrays and objects nest more than " + std::to_string(max_json_depth) + " deep; not read");
            return false;
        }
        try {
            root_ = ReadJson::parse(text);
        } catch (const ReadJson::parse_error& e) {
            json_.error("byte " + std::to_string(e.byte), "fhir.json", std::string("not JSON: ") + e.what());
            return false;
        } catch (const std::exception& e) {
            json_.error("", "fhir.json", std::string("not readable as JSON: ") + e.what());
            return false;
        }
        if (!root_.is_object()) {
            json_.error("", "fhir.not_bundle", "the JSON is not an object, so not a FHIR resource");
            return false;
        }
        const auto type = root_.find("resourceType");
        const std::string resource_type = type != root_.end() && type->is_string() ? type->get<std::string>() : std::string();
        if (resource_type != "Bundle") {
            json_.error("resourceType", "fhir.not_bundle",
                        resource_type.empty() ? "there is no resourceType: not a FHIR resource" : "the resource is a " + resource_type.substr(0, 60) + ", not a Bundle");
            return false;
        }
        return true;
    }

    ReadBundle read_bundle() {
        ReadBundle out;
        const At bundle{&root_, "Bundle"};
        out.type = json_.text(bundle, "type");
        index_entries(bundle);
        detail::MedicationGroups groups;
        std::optional<std::size_t> composition, patient;
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            EntryData& e = entries_[i];
            if (e.type == "Composition" && !composition) composition = i;
            if (e.type == "Patient" && !patient) patient = i;
            if (e.problem) out.record.problems.push_back(*e.problem);
            if (e.allergy) out.record.allergies.push_back(*e.allergy);
            if (e.medication) detail::add_medication_line(out.record.prescriptions, groups, *e.medication);
            if (e.result && e.laboratory) out.record.lab_results.push_back(*e.result);
        }
        std::stable_sort(out.record.prescriptions.begin(), out.record.prescriptions.end(),
                         [](const auto& a, const auto& b) { return a.date < b.date; });
        if (composition) {
            if (out.type == "document" && *composition != 0)
                json_.warn(entries_[*composition].resource.path, "fhir.composition.not_first", "a document bundle's Composition should be its first entry");
            out.document = read_composition(entries_[*composition].resource, patient);
        }
        if (patient) out.record.patient = detail::read_patient(json_, entries_[*patient].resource);
        return out;
    }

    void index_entries(const At& bundle) {
        for (const At& entry : json_.items(bundle, "entry")) {
            const At resource = json_.field(entry, "resource", Want::object);
            if (!resource) continue;
            const std::size_t index = entries_.size();
            const std::string full_url = json_.text(entry, "fullUrl");
            if (!full_url.empty()) by_reference_.emplace(full_url, index);
            EntryData e;
            e.resource = resource;
            e.type = json_.text(resource, "resourceType");
            const std::string id = json_.text(resource, "id");
            if (!id.empty() && !e.type.empty()) by_reference_.emplace(e.type + "/" + id, index);
            read_entry(e);
            entries_.push_back(std::move(e));
        }
    }

    void read_entry(EntryData& e) {
        if (e.type == "Condition") e.problem = detail::read_condition(json_, e.resource);
        else if (e.type == "AllergyIntolerance") e.allergy = detail::read_allergy(json_, e.resource);
        else if (e.type == "MedicationRequest") e.medication = detail::read_medication_request(json_, e.resource);
        else if (e.type == "Observation") e.result = detail::read_observation(json_, e.resource, e.laboratory);
        else if (e.type == "Encounter") {
            for (const At& reason : json_.items(e.resource, "reasonCode"))
                if (const std::string text = json_.text(reason, "text"); !text.empty()) e.summary += (e.summary.empty() ? "" : "　") + text;
        } else if (e.type == "DocumentReference") {
            e.summary = json_.text(e.resource, "description");
            for (const At& content : json_.items(e.resource, "content"))
                if (const std::string title = json_.text(json_.field(content, "attachment", Want::object), "title"); !title.empty())
                    e.summary += (e.summary.empty() ? "" : "　") + title;
        } else if (e.type == "Organization") {
            e.summary = detail::organization_name(json_, e.resource);
        } else if (e.type == "Practitioner" || e.type == "Patient" || e.type == "RelatedPerson") {
            e.summary = detail::person_name(json_, e.resource).best();
        }
    }

    // The entry a Reference names (fullUrl, or "Type/id" possibly behind a base URL).
    std::optional<std::size_t> resolve(const At& reference) {
        const std::string target = json_.text(reference, "reference");
        if (target.empty()) return std::nullopt;
        if (const auto found = by_reference_.find(target); found != by_reference_.end()) return found->second;
        if (const auto slash = target.rfind('/'); slash != std::string::npos && slash > 0) {
            const auto before = target.rfind('/', slash - 1);
            const std::string type_and_id = before == std::string::npos ? target : target.substr(before + 1);
            if (const auto found = by_reference_.find(type_and_id); found != by_reference_.end()) return found->second;
        }
        json_.warn(reference.path + ".reference", "fhir.reference.unresolved", "\"" + target.substr(0, 100) + "\" names no entry of the bundle");
        return std::nullopt;
    }

    // A Practitioner, PractitionerRole, Organization ... as a CDA party; `into` collects a
    // person and an organization written as two references.
    void add_to_party(std::size_t index, cda::Party& into, int depth = 0) {
        const EntryData& e = entries_[index];
        if (e.type == "Organization") {
            into.organization = detail::organization_name(json_, e.resource);
            into.department = detail::organization_department(json_, e.resource);
            if (into.ids.empty())
                for (const At& id : json_.items(e.resource, "identifier")) into.ids.push_back(identifier_of(json_, id));
        } else if (e.type == "PractitionerRole") {
            if (depth > 0) return;   // a role naming a role
            for (const char* field : {"practitioner", "organization"})
                if (const auto target = resolve(json_.field(e.resource, field, Want::object))) add_to_party(*target, into, depth + 1);
        } else {
            into.person = detail::person_name(json_, e.resource);
            for (const At& id : json_.items(e.resource, "identifier")) into.ids.push_back(identifier_of(json_, id));
        }
    }

    std::vector<cda::Party> parties(const std::vector<At>& references) {
        std::vector<cda::Party> out;
        for (const At& reference : references) {
            const auto target = resolve(reference);
            if (!target) {
                const std::string display = json_.text(reference, "display");
                if (!display.empty()) {
                    cda::Party named;
                    named.organization = display;
                    out.push_back(std::move(named));
                }
                continue;
            }
            // A person and an organization written as two references are one party: an
            // Organization after a person without one, or a person after an organization alone.
            const bool organization = entries_[*target].type == "Organization";
            const bool person = entries_[*target].type == "Practitioner" || entries_[*target].type == "PractitionerRole";
            if (!out.empty() && ((organization && out.back().organization.empty() && !out.back().person.best().empty()) ||
                                 (person && out.back().person.best().empty() && !out.back().organization.empty()))) {
                add_to_party(*target, out.back());
                continue;
            }
            cda::Party party;
            add_to_party(*target, party);
            out.push_back(std::move(party));
        }
        return out;
    }

    cda::Document read_composition(const At& c, std::optional<std::size_t> patient) {
        cda::Document d;
        d.title = json_.text(c, "title");
        d.code = coded_of(json_, json_.field(c, "type", Want::object));
        const std::string date = json_.text(c, "date");
        d.effective_time = detail::hl7_time(date, true);
        if (!date.empty() && d.effective_time.empty()) json_.warn(c.path + ".date", "fhir.date", "\"" + date.substr(0, 40) + "\" is not a FHIR dateTime");
        if (const At id = json_.field(c, "identifier", Want::object)) d.id = d.set_id = identifier_of(json_, id);
        for (const At& e : json_.items(c, "extension")) {
            const std::string url = json_.text(e, "url");
            if (url == extension::version_number) d.version = json_.text(e, "valueString");
            // Earlier eReferral drafts named the receiving institution or doctor in an extension.
            if (names_recipient(url))
                for (auto& party : parties({json_.field(e, "valueReference", Want::object)})) d.recipients.push_back(std::move(party));
        }
        d.language = json_.text(c, "language");
        if (d.language.empty()) d.language = json_.text({&root_, "Bundle"}, "language");
        d.confidentiality = json_.text(c, "confidentiality");

        if (const auto subject = resolve(json_.field(c, "subject", Want::object)); subject && entries_[*subject].type == "Patient") patient = subject;
        if (patient) {
            const At& p = entries_[*patient].resource;
            for (const At& id : json_.items(p, "identifier")) d.patient.ids.push_back(identifier_of(json_, id));
            d.patient.name = detail::person_name(json_, p);
            d.patient.birth_time = detail::hl7_time(json_.text(p, "birthDate"));
            const std::string gender = json_.text(p, "gender");
            d.patient.gender = gender == "male" ? "M" : gender == "female" ? "F" : "UN";
        } else {
            json_.warn(c.path + ".subject", "fhir.no_patient", "the Composition names no Patient of the bundle");
        }
        d.authors = parties(json_.items(c, "author"));
        const auto custodian = parties({json_.field(c, "custodian", Want::object)});
        if (!custodian.empty()) d.custodian = custodian.front();
        for (const At& attester : json_.items(c, "attester"))
            if (json_.text(attester, "mode") == "legal")
                if (auto party = parties({json_.field(attester, "party", Want::object)}); !party.empty()) {
                    party.front().time = detail::hl7_time(json_.text(attester, "time"), true);
                    d.legal_authenticator = party.front();
                }
        for (const At& s : json_.items(c, "section")) {
            // JP-CLINS names the receiving institution and doctor in the 紹介先情報 section (910).
            if (coded_of(json_, json_.field(s, "code", Want::object)).code == section::referral_to.code)
                for (auto& party : parties(json_.items(s, "entry"))) d.recipients.push_back(std::move(party));
            d.sections.push_back(read_section(s, 1));
        }
        return d;
    }

    cda::Section read_section(const At& s, int depth) {
        cda::Section out;
        out.title = json_.text(s, "title");
        out.code = coded_of(json_, json_.field(s, "code", Want::object));
        if (out.title.empty()) out.title = out.code.display;
        const At text = json_.field(s, "text", Want::object);
        const std::string div = json_.text(text, "div");
        if (!div.empty() && json_.text(text, "status") != "empty") out.text = detail::read_xhtml(div, json_.place(text.path + ".div"), json_.diagnostics());
        else out.text = narrative_from_entries(s);
        if (depth >= cda::max_nesting) {
            json_.warn(s.path, "fhir.too_deep", "sections nested more than " + std::to_string(cda::max_nesting) + " deep: the inner ones are not read");
            return out;
        }
        for (const At& inner : json_.items(s, "section")) out.sections.push_back(read_section(inner, depth + 1));
        return out;
    }

    // A section without narrative: its entries as the record's tables, other entries as lines
    // of text, or why it is empty (emptyReason).
    std::vector<cda::NarrativeNode> narrative_from_entries(const At& s) {
        clinical::ClinicalRecord part;
        detail::MedicationGroups groups;
        std::vector<std::string> lines;
        for (const At& reference : json_.items(s, "entry")) {
            const auto target = resolve(reference);
            if (!target) {
                if (const std::string display = json_.text(reference, "display"); !display.empty()) lines.push_back(display);
                continue;
            }
            const EntryData& e = entries_[*target];
            if (e.problem) part.problems.push_back(*e.problem);
            else if (e.allergy) part.allergies.push_back(*e.allergy);
            else if (e.medication) detail::add_medication_line(part.prescriptions, groups, *e.medication);
            else if (e.result) part.lab_results.push_back(*e.result);
            else if (!e.summary.empty()) lines.push_back(e.summary);
        }
        std::vector<cda::NarrativeNode> out;
        for (auto& line : lines) out.push_back(detail::paragraph_node(std::move(line)));
        append_tables(part, out);
        if (out.empty())
            if (const At reason = json_.field(s, "emptyReason", Want::object)) {
                const cda::Coded coded = coded_of(json_, reason);
                out.push_back(detail::paragraph_node(coded.display.empty() ? std::string(clinical::word(clinical::Word::nothing_recorded, Language::ja)) : coded.display));
            }
        return out;
    }

    JsonAccess json_;
    ReadJson root_;
    std::vector<EntryData> entries_;
    std::map<std::string, std::size_t> by_reference_;
};

}  // namespace

Parsed<ReadBundle> read_bundle(ByteView bytes, const std::string& name) { return BundleReader(name).read(bytes); }

cda::Document entries_document(const ReadBundle& bundle) {
    cda::Document d;
    d.title = "FHIR Bundle (" + (bundle.type.empty() ? std::string("type unknown") : bundle.type) + ")";
    const clinical::Patient& p = bundle.record.patient;
    if (!p.id.empty()) d.patient.ids.push_back({"", p.id, ""});
    d.patient.name = {p.name, p.name_kana, ""};
    d.patient.birth_time = p.birth_date;
    d.patient.gender = p.sex == "M" || p.sex == "F" ? p.sex : "UN";
    auto add = [&](const char* title, auto member) {
        clinical::ClinicalRecord part;
        part.*member = bundle.record.*member;
        cda::Section s;
        s.title = title;
        append_tables(part, s.text);
        if (!s.text.empty()) d.sections.push_back(std::move(s));
    };
    add("傷病名", &clinical::ClinicalRecord::problems);
    add("アレルギー・不耐性反応", &clinical::ClinicalRecord::allergies);
    add("処方", &clinical::ClinicalRecord::prescriptions);
    add("検査結果", &clinical::ClinicalRecord::lab_results);
    return d;
}

bool looks_like_fhir_json(ByteView bytes) {
    std::string_view text = without_bom(bytes);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || text[first] != '{') return false;
    return text.substr(0, 4096).find("\"resourceType\"") != std::string_view::npos;
}

}  // namespace ssmix::fhir
