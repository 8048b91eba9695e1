#!/usr/bin/env bash
# tests/integration/pack_fhir_test.sh — FHIR document bundles on the disc: the sample patient's
# referral written by `ssmix referral --format fhir` and packed with `--document`, checked by an
# independent oracle (python's xml.etree, json, hashlib): the bundle's bytes unchanged in
# IHE_XDM/SUBSET01/ (.JSN), its DocumentEntry (mimeType application/fhir+json, size, SHA-1,
# patient id, title and type code from the Composition), its static page in IHE_PDI/ linked from
# the disc's static page, with every section title of the bundle and no script; `ssmix verify`
# passes. A bundle of another patient and an unreadable bundle are refused, naming the file,
# and nothing is written. Leaves trees for tests/browser/fhir_disc.test.mjs: OUT/disc (storage +
# FHIR letter), OUT/disc-fhir-only (the FHIR letter alone), OUT/disc-empty (--no-bundle, a
# bundle of its own patient only, for picked folders).
set -uo pipefail
ssmix=$1 storage=$2 letter=$3 examples=$4 out=$5
rm -rf "$out"; mkdir -p "$out/work"
work=$out/work
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
py=/usr/bin/python3

"$ssmix" referral --storage "$storage" --patient 9999013 --letter "$letter" --format fhir -o "$work/letter.json" >"$work/referral.out" 2>&1 \
  || { echo "FAIL: ssmix referral: $(cat "$work/referral.out")"; exit 1; }

# The disc of the sample patient with the FHIR letter.
"$ssmix" pack --storage "$storage" --patient 9999013 --document "$work/letter.json" --tree "$out/disc" -o "$out/disc.iso" \
  --institution "テスト病院" >"$work/pack.out" 2>&1 || fail "ssmix pack: $(cat "$work/pack.out")"
"$ssmix" verify "$out/disc" >"$work/verify.out" 2>&1 || fail "ssmix verify (tree): $(cat "$work/verify.out")"
"$ssmix" verify "$out/disc.iso" >"$work/verify-iso.out" 2>&1 || fail "ssmix verify (image): $(cat "$work/verify-iso.out")"

"$py" - "$out/disc" "$work/letter.json" <<'PY' || failures=$((failures + 1))
import hashlib, html, json, os, re, sys
import xml.etree.ElementTree as ET
disc, letter = sys.argv[1:3]
problems = []
def fail(message): problems.append(message)

original = open(letter, "rb").read()
bundle = json.loads(original)
composition = bundle["entry"][0]["resource"]
patient = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
patient_id = patient["identifier"][0]["value"]

on_disc = os.path.join(disc, "IHE_XDM/SUBSET01/DOC00001.JSN")
if not os.path.exists(on_disc): fail("no IHE_XDM/SUBSET01/DOC00001.JSN: " + repr(os.listdir(os.path.join(disc, "IHE_XDM/SUBSET01"))))
elif open(on_disc, "rb").read() != original: fail("the bundle's bytes were changed on the disc")

rim, lcm = "{urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0}", "{urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0}"
metadata = ET.parse(os.path.join(disc, "IHE_XDM/SUBSET01/METADATA.XML"))
entries = metadata.findall(".//" + rim + "ExtrinsicObject")
if len(entries) != 1: fail("%d DocumentEntries, want 1" % len(entries))
entry = entries[0]
if entry.get("mimeType") != "application/fhir+json": fail("mimeType %r" % entry.get("mimeType"))
slots = {s.get("name"): [v.text for v in s.iter(rim + "Value")] for s in entry.findall(rim + "Slot")}
if slots.get("URI") != ["DOC00001.JSN"]: fail("URI %r" % slots.get("URI"))
if slots.get("size") != [str(len(original))]: fail("size %r, the file has %d bytes" % (slots.get("size"), len(original)))
if slots.get("hash") != [hashlib.sha1(original).hexdigest()]: fail("hash %r" % slots.get("hash"))
ids = {x.get("identificationScheme"): x.get("value") for x in entry.findall(rim + "ExternalIdentifier")}
if not ids.get("urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427", "").startswith(patient_id + "^^^&"):
    fail("XDSDocumentEntry.patientId %r, want %s^^^&..." % (ids.get("urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"), patient_id))
title = [s.get("value") for s in entry.find(rim + "Name").iter(rim + "LocalizedString")]
if title != [composition["title"]]: fail("title %r, the Composition's is %r" % (title, composition["title"]))
schemes = {c.get("classificationScheme"): c.get("nodeRepresentation") for c in entry.findall(rim + "Classification")}
type_code = composition["type"]["coding"][0]["code"]
if schemes.get("urn:uuid:f0306f51-975f-434e-a61c-c59651d33983") != type_code: fail("typeCode %r, want %r" % (schemes, type_code))

# The static page: linked from the disc's page, every section's title, some narrative, no script.
index = open(os.path.join(disc, "IHE_PDI/INDEX.HTM"), encoding="utf-8").read()
if 'href="DOC00001.HTM"' not in index: fail("IHE_PDI/INDEX.HTM does not link DOC00001.HTM")
page = html.unescape(open(os.path.join(disc, "IHE_PDI/DOC00001.HTM"), encoding="utf-8").read())
if re.search(r"<script|javascript:|\son[a-z]+\s*=", page, re.I): fail("the page has script")
def sections(items):
    for s in items:
        yield s
        yield from sections(s.get("section", []))
titles = [s["title"] for s in sections(composition["section"]) if "title" in s]
if len(titles) < 5: fail("only %d section titles in the bundle: %r" % (len(titles), titles))
for t in titles:
    if t not in page: fail("section %r not on the page" % t)
for line in ["胃炎の精査と内視鏡検査のお願い", "父：胃癌"]:
    if line not in page: fail("%r not on the page" % line)
for p in problems: print("FAIL:", p)
sys.exit(1 if problems else 0)
PY

# A FHIR-only disc (the letter alone) and a disc without viewer data, for the browser test.
"$ssmix" pack --document "$work/letter.json" --tree "$out/disc-fhir-only" >"$work/pack2.out" 2>&1 || fail "ssmix pack (FHIR only): $(cat "$work/pack2.out")"
"$ssmix" verify "$out/disc-fhir-only" >"$work/verify2.out" 2>&1 || fail "ssmix verify (FHIR only): $(cat "$work/verify2.out")"
"$ssmix" pack --document "$work/letter.json" --no-bundle --tree "$out/disc-empty" >"$work/pack3.out" 2>&1 || fail "ssmix pack (--no-bundle): $(cat "$work/pack3.out")"

# Another patient's bundle (the IG's example: patient 000999739) beside the sample patient's data: refused.
other=$examples/Bundle-Bundle-CLINS-Referral-Example-01.json
"$ssmix" pack --storage "$storage" --patient 9999013 --document "$other" --tree "$out/refused" >"$work/other.out" 2>&1
status=$?
[ "$status" = 1 ] || fail "another patient's bundle: exit $status, want 1"
grep -F -- "$other" "$work/other.out" | grep -F "000999739" >/dev/null || fail "another patient's bundle: the file and patient are not named: $(cat "$work/other.out")"
[ ! -e "$out/refused" ] || fail "another patient's bundle: a tree was written"

# A bundle that cannot be read (a section that is not an object): refused, the file and the place named.
"$py" -c "import json,sys; b=json.load(open(sys.argv[1])); b['entry'][0]['resource']['section']=[42]; json.dump(b, open(sys.argv[2],'w'), ensure_ascii=False)" \
  "$work/letter.json" "$work/broken.json"
"$ssmix" pack --storage "$storage" --patient 9999013 --document "$work/broken.json" --tree "$out/broken" >"$work/broken.out" 2>&1
status=$?
[ "$status" = 1 ] || fail "a broken bundle: exit $status, want 1: $(cat "$work/broken.out")"
grep -F -- "$work/broken.json" "$work/broken.out" | grep -F "section" >/dev/null || fail "a broken bundle: the file and JSON path are not named: $(cat "$work/broken.out")"
[ ! -e "$out/broken" ] || fail "a broken bundle: a tree was written"
# Not JSON at all, though it starts like a bundle.
printf '{"resourceType": "Bundle", "type": "document", "entry": [' >"$work/truncated.json"
"$ssmix" pack --storage "$storage" --patient 9999013 --document "$work/truncated.json" --tree "$out/truncated" >"$work/truncated.out" 2>&1
status=$?
[ "$status" = 1 ] && grep -F -- "$work/truncated.json" "$work/truncated.out" >/dev/null || fail "a truncated bundle: exit $status: $(cat "$work/truncated.out")"
[ ! -e "$out/truncated" ] || fail "a truncated bundle: a tree was written"

[ "$failures" = 0 ] && echo "pack_fhir: ok" || { echo "pack_fhir: $failures failure(s)"; exit 1; }
