// tests/fhir/profile_rules.js — JP-CLINS 1.5.2 profile constraints, checked on a Bundle.
// Two parts, both from the IG, never from our writer's output:
//  1. generic: for every resource, the StructureDefinition its meta.profile names
//     (tests/data/fhir/profiles) is read, and each snapshot element outside slices gives its
//     cardinality (min/max under each present parent) and fixed[x] / pattern[x] value;
//  2. by hand, from the slices and invariants of those StructureDefinitions (tables in
//     tests/data/fhir/README.md): bundle entry slices, Composition sections and their fixed
//     codes and titles, identifier systems, meta.profile per resource, meta.tag of 6情報,
//     identifier value rules (R2152, R9012), and every reference resolving inside the Bundle.
'use strict';
const fs = require('fs');
const path = require('path');

const base = (url) => String(url).split('|')[0];

function loadProfiles(dir) {
  const byUrl = {};
  for (const f of fs.readdirSync(dir)) {
    if (!f.startsWith('StructureDefinition-') || !f.endsWith('.json')) continue;
    const sd = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    byUrl[sd.url] = sd;
  }
  return byUrl;
}

// ---- 1. generic snapshot rules -------------------------------------------------------------

const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

// The values of `name` on a JSON object: a choice "value[x]" matches valueQuantity ...; a
// primitive given only as "_name" (an extension, e.g. data-absent-reason) still counts.
function valuesOf(node, name) {
  if (!node || typeof node !== 'object') return [];
  if (name.endsWith('[x]')) {
    const stem = name.slice(0, -3);
    return Object.keys(node).filter((k) => k.startsWith(stem) && /^[A-Z]/.test(k.slice(stem.length))).flatMap((k) => asList(node[k]));
  }
  const direct = asList(node[name]);
  const shadow = asList(node['_' + name]);
  return direct.length >= shadow.length ? direct : shadow;
}

function matchesPattern(value, pattern) {
  if (pattern === null || typeof pattern !== 'object') return value === pattern;
  if (Array.isArray(pattern)) return Array.isArray(value) && pattern.every((p) => value.some((v) => matchesPattern(v, p)));
  if (!value || typeof value !== 'object') return false;
  return Object.entries(pattern).every(([k, p]) => matchesPattern(value[k], p));
}
const deepEqual = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function checkSnapshot(resource, sd, where, problems) {
  for (const el of sd.snapshot.element) {
    if (el.id.includes(':')) continue;                  // inside a slice: part 2
    const steps = el.path.split('.').slice(1);
    if (steps.length === 0) continue;
    // Stop at embedded resources (Bundle.entry.resource, contained): their own profile applies.
    let parents = [resource];
    let stopped = false;
    for (const step of steps.slice(0, -1)) {
      parents = parents.flatMap((p) => valuesOf(p, step));
      if (parents.some((p) => p && typeof p === 'object' && p.resourceType)) { stopped = true; break; }
    }
    if (stopped) continue;
    const name = steps[steps.length - 1];
    const fixedKey = Object.keys(el).find((k) => k.startsWith('fixed'));
    const patternKey = Object.keys(el).find((k) => k.startsWith('pattern'));
    parents.forEach((parent) => {
      const values = valuesOf(parent, name);
      if (values.length < (el.min || 0)) problems.push(`${where}: ${el.path} has ${values.length}, the profile wants at least ${el.min} (${sd.name})`);
      if (el.max !== '*' && values.length > Number(el.max)) problems.push(`${where}: ${el.path} has ${values.length}, the profile allows ${el.max} (${sd.name})`);
      for (const v of values) {
        if (fixedKey && !deepEqual(v, el[fixedKey])) problems.push(`${where}: ${el.path} is ${JSON.stringify(v)}, fixed to ${JSON.stringify(el[fixedKey])} (${sd.name})`);
        if (patternKey && !matchesPattern(v, el[patternKey])) problems.push(`${where}: ${el.path} is ${JSON.stringify(v)}, pattern ${JSON.stringify(el[patternKey])} (${sd.name})`);
      }
    });
  }
}

// ---- 2. slices, codes, identifiers, references ---------------------------------------------

const P = {
  bundleReferral: 'http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral',
  bundleClins: 'http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS',
  composition: 'http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral',
  patient: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Patient_eCS',
  practitioner: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Practitioner_eCS',
  organization: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS',
  encounter: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Encounter_eCS',
  condition: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS',
  allergy: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_AllergyIntolerance_eCS',
  medication: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS',
  lab: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_LabResult_eCS',
  observation: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Observation_Common_eCS',
  documentReference: 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_DocumentReference_eCS',
};
// The profile each resource type may declare inside the bundles (JP_Bundle_eReferral /
// JP_Bundle_CLINS entry slices; R0212 and the validEntryProfile-* invariants).
const allowedProfiles = {
  Composition: [P.composition], Patient: [P.patient], Practitioner: [P.practitioner], Organization: [P.organization],
  Encounter: [P.encounter], Condition: [P.condition], AllergyIntolerance: [P.allergy], MedicationRequest: [P.medication],
  Observation: [P.lab, P.observation], DocumentReference: [P.documentReference],
};
const SYS = {
  bundleId: 'http://jpfhir.jp/fhir/clins/bundle-identifier',
  resourceId: 'http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier',
  institution: 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no',
  section: 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section',
  medis: 'http://medis.or.jp/CodeSystem/master-disease-keyNumber',
  rpNumber: 'http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber',
  orderInRp: 'http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex',
  obsCategory: 'http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS',
  tag: 'http://jpfhir.jp/fhir/clins/CodeSystem/BundleResourceType_CS',
};
const institutionNumberExt = 'http://jpfhir.jp/fhir/clins/Extension/StructureDefinition/JP_eCS_InstitutionNumber';
const bundleIdRule = /^[0-4][0-9][1-3][0-9]{7}\^20[2-3][0-9]\^[A-Za-z0-9-]{1,36}$/;   // R2152
const institutionRule = /^[0-4][0-9][1-3][0-9]{7}$/;                                   // R9012, full match

// Section slices of JP_Composition_eReferral: code -> [title, min, max]; top level and inside 300.
const topSections = { 920: ['紹介元情報', 1, 1], 910: ['紹介先情報', 1, 1], 200: ['CDA参照', 0, 1], 300: ['構造情報', 0, 1],
  210: ['添付情報', 0, Infinity], 220: ['備考・連絡情報', 0, Infinity], 230: ['PDF', 0, Infinity] };
const subSections = { 950: ['紹介目的', 1, 1], 340: ['傷病名・主訴', 1, 1], 360: ['現病歴', 1, 1], 370: ['既往歴', 0, 1],
  510: ['アレルギー・不耐性反応', 0, 1], 550: ['家族歴', 0, 1], 610: ['身体所見', 0, 1], 520: ['感染症情報', 0, 1],
  640: ['社会歴・生活習慣', 0, 1], 530: ['予防接種歴', 0, 1], 730: ['手術', 0, 1], 740: ['輸血歴', 0, 1], 720: ['処置', 0, 1],
  430: ['投薬指示', 0, 1], 620: ['検査結果', 0, 1], 330: ['臨床経過', 0, 1], 420: ['診療方針指示', 0, 1], 810: ['医療機器', 0, 1],
  410: ['事前指示', 0, 1], 830: ['臨床研究参加', 0, 1] };

function checkSections(list, table, where, problems) {
  const counts = {};
  for (const [i, s] of asList(list).entries()) {
    const at = `${where}.section[${i}]`;
    const codings = asList(s.code && s.code.coding);
    if (codings.length !== 1) { problems.push(`${at}: code.coding has ${codings.length}, the profile wants exactly 1`); continue; }
    const c = codings[0];
    if (c.system !== SYS.section) problems.push(`${at}: section code system ${c.system}, fixed to ${SYS.section}`);
    const slice = table[c.code];
    if (!slice) { problems.push(`${at}: section code ${c.code} is not one of this level's slices`); continue; }
    counts[c.code] = (counts[c.code] || 0) + 1;
    if (s.title !== slice[0]) problems.push(`${at}: title "${s.title}", fixed to "${slice[0]}"`);
    if (c.display !== undefined && c.display !== slice[0] + 'セクション') problems.push(`${at}: display "${c.display}", pattern "${slice[0]}セクション"`);
    if (s.text && s.text.status !== 'additional') problems.push(`${at}: text.status ${s.text.status}, fixed to additional`);
    if (s.code.text !== undefined) problems.push(`${at}: code.text must be absent (0..0)`);
    if (s.mode !== undefined || s.orderedBy !== undefined) problems.push(`${at}: mode/orderedBy must be absent (0..0)`);
    if (!s.text && !asList(s.entry).length && !asList(s.section).length) problems.push(`${at}: no text, entry or section (cmp-1)`);
    if (s.emptyReason && asList(s.entry).length) problems.push(`${at}: emptyReason with entries (cmp-2)`);
    if (c.code === '300') checkSections(s.section, subSections, at, problems);
    else if (table === subSections && s.section) problems.push(`${at}: sub-sections are not allowed here (0..0)`);
    if (['920', '910'].includes(c.code)) {
      const n = asList(s.entry).length;
      if (n < 1 || n > 3) problems.push(`${at}: ${n} entries, the profile wants 1..3`);
    }
  }
  for (const [code, [title, min, max]] of Object.entries(table)) {
    const n = counts[code] || 0;
    if (n < min || n > max) problems.push(`${where}: section ${code} ${title} appears ${n} times, the profile wants ${min}..${max === Infinity ? '*' : max}`);
  }
  return counts;
}

function hasSystem(list, system) { return asList(list).filter((x) => x && x.system === system); }

function checkResource(r, where, problems, clins) {
  const profiles = asList(r.meta && r.meta.profile).map(base);
  const allowed = allowedProfiles[r.resourceType];
  if (!allowed) problems.push(`${where}: a ${r.resourceType} has no slice in this bundle`);
  else if (!profiles.some((p) => allowed.includes(p))) problems.push(`${where}: ${r.resourceType} meta.profile ${JSON.stringify(profiles)}, expected ${allowed.join(' or ')}`);
  const ids = asList(r.identifier);
  const clinical = ['Condition', 'AllergyIntolerance', 'MedicationRequest', 'Observation'].includes(r.resourceType) && profiles.some((p) => p !== P.observation);
  if (clinical && r.resourceType !== 'MedicationRequest' && hasSystem(ids, SYS.resourceId).length !== 1)
    problems.push(`${where}: identifier slice resourceIdentifier (${SYS.resourceId}) must appear once`);
  const institution = asList(r.extension).filter((e) => e.url === institutionNumberExt);
  for (const e of institution)
    if (!e.valueIdentifier || e.valueIdentifier.system !== SYS.institution || !institutionRule.test(e.valueIdentifier.value || ''))
      problems.push(`${where}: institution-number extension ${JSON.stringify(e.valueIdentifier)} (system fixed, value [0-4][0-9][1-3][0-9]{7})`);
  if ((clins || profiles.includes(P.lab)) && clinical && institution.length !== 1)
    problems.push(`${where}: the institution-number extension is required (R9011 / R901101)`);
  switch (r.resourceType) {
  case 'Organization': {
    const codes = hasSystem(ids, SYS.institution);
    if (codes.length !== 1) problems.push(`${where}: identifier slice medicalInstitutionCode must appear once, found ${codes.length}`);
    break;
  }
  case 'Condition': {
    const medis = hasSystem(r.code && r.code.coding, SYS.medis);
    if (medis.length < 1) problems.push(`${where}: code.coding slice medisRecordNo (${SYS.medis}) is required`);
    for (const c of asList(r.code && r.code.coding)) if (!c.system || !c.code || !c.display) problems.push(`${where}: every code.coding needs system, code and display`);
    if (clins) {
      if (!r.onsetDateTime) problems.push(`${where}: onsetDateTime is required in 6情報 (R9015C)`);
      if (!asList(r.contained).some((c) => c.resourceType === 'Encounter' && asList(c.meta && c.meta.profile).includes('http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter')))
        problems.push(`${where}: a contained Encounter (JP_Encounter) is required in 6情報 (R9013C)`);
      if (!asList(r.extension).some((e) => e.url === 'http://jpfhir.jp/fhir/eCS/Extension/StructureDefinition/JP_eCS_Department'))
        problems.push(`${where}: the department extension is required in 6情報 (R9014C)`);
    }
    break;
  }
  case 'AllergyIntolerance':
    if (asList(r.category).includes('biologic')) problems.push(`${where}: category biologic must not be used`);
    for (const c of asList(r.code && r.code.coding)) if (!c.system || !c.code || !c.display) problems.push(`${where}: every code.coding needs system, code and display`);
    break;
  case 'MedicationRequest': {
    if (hasSystem(ids, SYS.rpNumber).length !== 1) problems.push(`${where}: identifier slice rpNumber must appear once`);
    if (hasSystem(ids, SYS.orderInRp).length !== 1) problems.push(`${where}: identifier slice orderInRp must appear once`);
    const codings = asList(r.medicationCodeableConcept && r.medicationCodeableConcept.coding);
    const standard = codings.filter((c) => ['http://capstandard.jp/iyaku.info/CodeSystem/YJ-code', 'http://jpfhir.jp/fhir/eCS/CodeSystem/MedicationCodeNocoded_CS',
      'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationGeneralOrderCode'].includes(c.system));
    if (standard.length !== 1) problems.push(`${where}: exactly one YJ, 一般名 or NOCODED coding (R3010), found ${standard.length}`);
    for (const d of asList(r.dosageInstruction)) {
      const systems = asList(d.timing && d.timing.code && d.timing.code.coding).map((c) => c.system);
      const dummy = systems.includes('http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_MedicationUsage_Uncoded_CS');
      const ePrescription = systems.includes('http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUsage_ePrescription');
      if (dummy === ePrescription) problems.push(`${where}: timing.code needs the dummy usage code xor an 電子処方箋 usage code (R5020/R5021)`);
      if (!asList(d.extension).some((e) => e.url === 'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationDosage_PeriodOfUse'))
        problems.push(`${where}: dosageInstruction extension periodOfUse is required (1..1)`);
    }
    break;
  }
  case 'Observation':
    if (profiles.includes(P.lab)) {
      const lab = asList(r.category).filter((c) => hasSystem(c.coding, SYS.obsCategory).some((x) => x.code === 'laboratory'));
      if (lab.length !== 1) problems.push(`${where}: category slice laboratory must appear once`);
      if (!r.specimen) problems.push(`${where}: specimen is required (1..1)`);
      for (const c of asList(r.code && r.code.coding)) if (!c.system || !c.code || !c.display) problems.push(`${where}: every code.coding needs system, code and display`);
    }
    break;
  default:
  }
}

// Every reference: a fullUrl in the bundle, or "#id" of a resource contained in the same resource.
function checkReferences(bundle, problems) {
  const urls = new Set(asList(bundle.entry).map((e) => e.fullUrl));
  asList(bundle.entry).forEach((entry, i) => {
    const contained = new Set(asList(entry.resource && entry.resource.contained).map((c) => c.id));
    const walk = (node, at) => {
      if (Array.isArray(node)) return node.forEach((n, k) => walk(n, `${at}[${k}]`));
      if (!node || typeof node !== 'object') return;
      if (typeof node.reference === 'string') {
        const ref = node.reference;
        const ok = ref.startsWith('#') ? contained.has(ref.slice(1)) : urls.has(ref);
        if (!ok) problems.push(`entry[${i}]${at}: reference ${ref} does not resolve inside the bundle`);
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${at}.${k}`);
    };
    walk(entry.resource, '.resource');
  });
}

function checkBundle(bundle, profiles) {
  const problems = [];
  const bundleProfiles = asList(bundle.meta && bundle.meta.profile).map(base);
  const referral = bundleProfiles.includes(P.bundleReferral);
  const clins = bundleProfiles.includes(P.bundleClins);
  if (!referral && !clins) return [`Bundle meta.profile ${JSON.stringify(bundleProfiles)} is neither JP_Bundle_eReferral nor JP_Bundle_CLINS`];
  const sdOf = (resource) => asList(resource.meta && resource.meta.profile).map((p) => profiles[base(p)]).filter(Boolean);
  sdOf(bundle).forEach((sd) => checkSnapshot(bundle, sd, 'Bundle', problems));
  const id = bundle.identifier || {};
  if (id.system !== SYS.bundleId) problems.push(`Bundle.identifier.system ${id.system}, fixed to ${SYS.bundleId}`);
  if (!bundleIdRule.test(id.value || '')) problems.push(`Bundle.identifier.value "${id.value}" does not match R2152`);
  if (!bundle.meta || !bundle.meta.lastUpdated) problems.push('Bundle.meta.lastUpdated is required');
  const entries = asList(bundle.entry);
  const urls = entries.map((e) => e.fullUrl);
  if (new Set(urls).size !== urls.length) problems.push('Bundle entry fullUrls are not unique (bdl-7)');
  entries.forEach((e, i) => {
    if (!e.fullUrl) problems.push(`entry[${i}]: fullUrl is required`);
    for (const k of ['search', 'request', 'response']) if (e[k] !== undefined) problems.push(`entry[${i}].${k} must be absent`);
    if (!e.resource) return;
    checkResource(e.resource, `entry[${i}] ${e.resource.resourceType}`, problems, clins);
    sdOf(e.resource).forEach((sd) => checkSnapshot(e.resource, sd, `entry[${i}] ${e.resource.resourceType}`, problems));
  });
  const types = entries.map((e) => e.resource && e.resource.resourceType);
  const count = (t) => types.filter((x) => x === t).length;
  if (referral) {
    if (bundle.type !== 'document') problems.push(`Bundle.type ${bundle.type}, fixed to document`);
    if (types[0] !== 'Composition') problems.push('the first entry must be the Composition (bdl-11)');
    if (count('Composition') !== 1) problems.push(`${count('Composition')} Compositions, the profile wants 1`);
    if (count('Patient') !== 1) problems.push(`${count('Patient')} Patients, the profile wants 1`);
    if (count('Practitioner') < 1) problems.push('no Practitioner, the profile wants 1..*');
    if (count('Organization') < 2 || count('Organization') > 4) problems.push(`${count('Organization')} Organizations, the profile wants 2..4`);
    if (entries.length < 5) problems.push(`${entries.length} entries, the profile wants at least 5`);
    const composition = entries[0] && entries[0].resource;
    if (composition && composition.resourceType === 'Composition') {
      const counts = checkSections(composition.section, topSections, 'Composition', problems);
      if (!!counts['200'] === !!counts['300']) problems.push('Composition needs the CDA section (200) xor the structured section (300)');
      const version = asList(composition.extension).filter((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber');
      if (version.length !== 1 || typeof version[0].valueString !== 'string') problems.push('Composition extension version (versionNumber, valueString) must appear once');
      if (!composition.event || !asList(composition.event).every((ev) => asList(ev.code).every((c) => c.text === '診療情報提供書発行' && !c.coding)))
        problems.push('Composition.event.code.text is fixed to 診療情報提供書発行 with no coding');
    }
  }
  if (clins) {
    if (bundle.type !== 'collection') problems.push(`Bundle.type ${bundle.type}, fixed to collection`);
    if (types[0] !== 'Patient') problems.push('the first entry must be the Patient (R0211)');
    if (count('Patient') !== 1) problems.push(`${count('Patient')} Patients, the profile wants 1`);
    const order = ['Patient', 'AllergyIntolerance', 'Condition', 'MedicationRequest', 'Observation'];
    types.forEach((t, i) => {
      if (!order.includes(t)) problems.push(`entry[${i}]: ${t} has no slice (closed slicing)`);
      else if (i > 0 && order.indexOf(t) < order.indexOf(types[i - 1])) problems.push(`entry[${i}]: ${t} after ${types[i - 1]} breaks the ordered slicing`);
    });
    const tags = asList(bundle.meta && bundle.meta.tag).filter((t) => t.system === SYS.tag);
    if (tags.length !== 1) problems.push(`meta.tag resourceType (${SYS.tag}) must appear once, found ${tags.length}`);
    for (const t of tags) {
      if (!['AllergyIntolerance', 'Observation', 'Condition'].includes(t.code)) problems.push(`meta.tag code ${t.code} is not accepted (R02142)`);
      else if (!count(t.code)) problems.push(`meta.tag names ${t.code}, the bundle has none (R02143)`);
    }
  }
  checkReferences(bundle, problems);
  return problems;
}

module.exports = { loadProfiles, checkBundle };
