// core/fhir/codes.cpp — the OIDs come from core/cda's table, so CDA and FHIR name one system
// for one v2 table name.
#include "core/fhir/codes.h"

#include <array>

#include "core/cda/code_systems.h"
#include "core/fhir/profiles.h"

namespace ssmix::fhir {
namespace {

struct OidUrl {
    std::string_view oid, url;
};

constexpr std::array oid_urls{
    OidUrl{"1.2.392.200119.4.504", system::jlac10},
    OidUrl{"2.16.840.1.113883.6.3", system::icd10},
    OidUrl{"1.2.392.200250.2.2.20.20", system::jami_usage},
    OidUrl{"2.16.840.1.113883.12.162", system::route},
    OidUrl{"2.16.840.1.113883.6.1", system::loinc},
    OidUrl{"1.2.392.200119.4.101.2", system::medis_disease},
    OidUrl{"1.2.392.200119.4.101.6", "http://medis.or.jp/CodeSystem/master-disease-exCode"},
    OidUrl{"1.2.392.200119.4.403.1", system::hot9},
    OidUrl{"1.2.392.200119.4.403.2", "http://medis.or.jp/CodeSystem/master-HOT7"},
    OidUrl{"1.2.392.200119.4.402.1", "http://medis.or.jp/CodeSystem/master-HOT13"},
};

}  // namespace

std::string system_url(std::string_view v2_system, std::string_view code) {
    if (v2_system == "MR9P") return std::string(system::merit9_unit);   // MERIT-9 units (not a CDA code system)
    const auto found = cda::code_system_for(v2_system, code);
    if (!found) return {};
    if (found->oid == "1.2.392.200119.4.504" && code.size() != 17) return {};
    for (const auto& entry : oid_urls)
        if (entry.oid == found->oid) return std::string(entry.url);
    return {};
}

std::string local_system(std::string_view v2_system) {
    std::string name;
    for (const char c : v2_system)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') name += c;
    return "http://ssmix-carry.invalid/CodeSystem/v2-" + (name.empty() ? std::string("local") : name);
}

std::string_view gender(std::string_view sex) {
    if (sex == "M") return "male";
    if (sex == "F") return "female";
    if (sex == "O") return "other";
    return "unknown";
}

std::string_view allergy_category(std::string_view type) {
    if (type == "DA") return "medication";
    if (type == "FA") return "food";
    if (type == "EA" || type == "PA" || type == "LA") return "environment";
    return {};
}

std::string_view allergy_severity(std::string_view severity) {
    if (severity == "MI") return "mild";
    if (severity == "MO") return "moderate";
    if (severity == "SV") return "severe";
    return {};
}

std::string_view result_status(std::string_view obx11) {
    if (obx11 == "F") return "final";
    if (obx11 == "C") return "corrected";
    if (obx11 == "P") return "preliminary";
    if (obx11 == "X") return "cancelled";
    if (obx11 == "D") return "entered-in-error";
    return "unknown";
}

}  // namespace ssmix::fhir
