// core/fhir/profiles.h — the names JP-CLINS gives things: profile canonicals (meta.profile),
// identifier and code systems, section codes. Source: the IG's StructureDefinitions, JP-CLINS
// 1.5.2 snapshot package (jami-fhir-jp-wg/clinical-core ad5ab68b, tests/data/fhir/README.md).
#pragma once

#include <string_view>

namespace ssmix::fhir {

// Every profile of the 1.5.2 package says version "1"; meta.profile carries "<url>|1".
inline constexpr std::string_view profile_version = "1";

namespace profile {
inline constexpr std::string_view bundle_ereferral = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral";
inline constexpr std::string_view bundle_clins = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS";
inline constexpr std::string_view composition_ereferral = "http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral";
inline constexpr std::string_view patient = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Patient_eCS";
inline constexpr std::string_view practitioner = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Practitioner_eCS";
inline constexpr std::string_view organization = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS";
inline constexpr std::string_view encounter = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS";
inline constexpr std::string_view condition = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS";
inline constexpr std::string_view allergy = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_AllergyIntolerance_eCS";
inline constexpr std::string_view medication_request = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS";
inline constexpr std::string_view lab_result = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_LabResult_eCS";
inline constexpr std::string_view document_reference = "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_DocumentReference_eCS";
// Contained Encounters of 6情報 resources: R9013C/O of JP_Bundle_CLINS 1.5.2 asks for exactly this.
inline constexpr std::string_view contained_encounter = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter";
}  // namespace profile

namespace extension {
inline constexpr std::string_view institution_number = "http://jpfhir.jp/fhir/clins/Extension/StructureDefinition/JP_eCS_InstitutionNumber";
inline constexpr std::string_view department = "http://jpfhir.jp/fhir/eCS/Extension/StructureDefinition/JP_eCS_Department";
inline constexpr std::string_view diagnosis_type = "http://jpfhir.jp/fhir/eCS/Extension/StructureDefinition/JP_eCS_DiagnosisType";
inline constexpr std::string_view version_number = "http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber";
inline constexpr std::string_view name_representation = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";
inline constexpr std::string_view period_of_use = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationDosage_PeriodOfUse";
inline constexpr std::string_view data_absent_reason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
}  // namespace extension

namespace system {
inline constexpr std::string_view bundle_identifier = "http://jpfhir.jp/fhir/clins/bundle-identifier";
inline constexpr std::string_view resource_identifier = "http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier";
inline constexpr std::string_view institution_code = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
inline constexpr std::string_view patient_id_prefix = "urn:oid:1.2.392.100495.20.3.51.1";       // + 10-digit institution code (R1010)
inline constexpr std::string_view practitioner_id_prefix = "urn:oid:1.2.392.100495.20.3.41.1";  // + 10-digit institution code
inline constexpr std::string_view doc_type = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes";
inline constexpr std::string_view doc_subtype = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes";
inline constexpr std::string_view section = "http://jpfhir.jp/fhir/clins/CodeSystem/document-section";
inline constexpr std::string_view bundle_resource_type = "http://jpfhir.jp/fhir/clins/CodeSystem/BundleResourceType_CS";
inline constexpr std::string_view department = "http://jami.jp/SS-MIX2/CodeSystem/ClinicalDepartment";
inline constexpr std::string_view act_code = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
inline constexpr std::string_view null_flavor = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";
inline constexpr std::string_view medis_disease = "http://medis.or.jp/CodeSystem/master-disease-keyNumber";
inline constexpr std::string_view icd10 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full";
inline constexpr std::string_view condition_clinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
inline constexpr std::string_view condition_verification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
inline constexpr std::string_view condition_category = "http://terminology.hl7.org/CodeSystem/condition-category";
inline constexpr std::string_view diagnosis_type = "http://terminology.hl7.org/CodeSystem/ex-diagnosistype";
inline constexpr std::string_view allergy_clinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
inline constexpr std::string_view rp_number = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber";
inline constexpr std::string_view order_in_rp = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex";
inline constexpr std::string_view prescription_order = "urn:oid:1.2.392.100495.20.3.11";
inline constexpr std::string_view medication_nocoded = "http://jpfhir.jp/fhir/eCS/CodeSystem/MedicationCodeNocoded_CS";
inline constexpr std::string_view medication_category = "http://jpfhir.jp/fhir/core/CodeSystem/JP_MedicationCategoryMERIT9_CS";
inline constexpr std::string_view jami_usage = "http://jami.jp/CodeSystem/MedicationUsage";
inline constexpr std::string_view usage_uncoded = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_MedicationUsage_Uncoded_CS";
inline constexpr std::string_view route = "http://jpfhir.jp/fhir/core/CodeSystem/route-codes";
inline constexpr std::string_view merit9_unit = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code";
inline constexpr std::string_view strength_type = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationIngredientStrengthStrengthType";
inline constexpr std::string_view ucum = "http://unitsofmeasure.org";
inline constexpr std::string_view hot9 = "http://medis.or.jp/CodeSystem/master-HOT9";
inline constexpr std::string_view jlac10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
inline constexpr std::string_view lab_local = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_ObsLabResult_LocalCode_CS";
inline constexpr std::string_view lab_uncoded = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_ObsLabResult_Uncoded_CS";
inline constexpr std::string_view observation_category = "http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS";
inline constexpr std::string_view specimen_material = "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationSampleMaterialCode_CS";
inline constexpr std::string_view interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
inline constexpr std::string_view loinc = "http://loinc.org";
}  // namespace system

// Section codes of http://jpfhir.jp/fhir/clins/CodeSystem/document-section (REF and COMMON
// descendants); the title is fixed per slice, the display is the title + "セクション".
struct SectionCode {
    std::string_view code, title;
};
namespace section {
inline constexpr SectionCode referral_from{"920", "紹介元情報"};
inline constexpr SectionCode referral_to{"910", "紹介先情報"};
inline constexpr SectionCode structured{"300", "構造情報"};
inline constexpr SectionCode attachment{"210", "添付情報"};
inline constexpr SectionCode remarks{"220", "備考・連絡情報"};
inline constexpr SectionCode purpose{"950", "紹介目的"};
inline constexpr SectionCode problems{"340", "傷病名・主訴"};
inline constexpr SectionCode present_illness{"360", "現病歴"};
inline constexpr SectionCode past_illness{"370", "既往歴"};
inline constexpr SectionCode allergies{"510", "アレルギー・不耐性反応"};
inline constexpr SectionCode family_history{"550", "家族歴"};
inline constexpr SectionCode medications{"430", "投薬指示"};
inline constexpr SectionCode results{"620", "検査結果"};
inline constexpr SectionCode clinical_course{"330", "臨床経過"};
}  // namespace section

}  // namespace ssmix::fhir
