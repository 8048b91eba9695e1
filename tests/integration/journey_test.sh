#!/usr/bin/env bash
# The README's journey (scripts/journey.sh) on the sample patient, and what the generator
# promises: the same bytes on every run, storage with superseded (flag 2) and cancelled
# (flag 0) orders, a 512x512 CT of 100+ slices, a compressed study the packager transcodes,
# studies linked to their orders, a referral letter valid against the CDA schema and the same
# letter as a JP-CLINS FHIR document valid against R4 and the profiles, both on the disc, a verified
# image, and a description mistake reported with file and line and nothing written.
# Leaves OUT/disc for the browser tests (journey.test.mjs).
# usage: journey_test.sh REPO BUILD_DIR OUT CDA_XSD
set -uo pipefail
repo=$1 build=$2 out=$3 xsd=$4
bin=$build/bin
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

rm -rf "$out"
mkdir -p "$out"
if ! "$repo/scripts/journey.sh" "$build" "$out/run" >"$out/journey.log" 2>&1; then
  cat "$out/journey.log" >&2
  fail "scripts/journey.sh failed"
fi
run=$out/run
grep -q "^Disc image:  $run/disc.iso$" "$out/journey.log" || fail "the journey does not print the ISO's path"
grep -q "^Disc tree:   $run/disc/INDEX.HTM" "$out/journey.log" || fail "the journey does not print INDEX.HTM's path"
[ -f "$run/disc/INDEX.HTM" ] && [ -s "$run/disc.iso" ] || fail "no disc tree or image"

# Deterministic: a second run of the generator gives the same bytes.
"$bin/ssmix-sample-patient" "$repo/sample-data/patients/30214578-miyamoto.toml" "$out/again" 2>/dev/null || fail "second generator run"
if ! diff -r -q "$run/sample-patient" "$out/again" >/dev/null; then fail "the generator is not deterministic"; fi

# The storage: flags 1, 2 (the corrected order, earlier problem lists) and 0 (the cancelled order).
storage=$run/storage/302/145/30214578
[ "$(find "$storage" -path '*OMP-01*' -name '*_2' | wc -l)" -eq 1 ] || fail "no superseded (flag 2) prescription"
[ "$(find "$storage" -path '*OMP-01*' -name '*_0' | wc -l)" -eq 2 ] || fail "the cancelled order is not stored with flag 0 (order and cancel)"
for type in ADT-00 ADT-12 ADT-22 ADT-52 PPR-01 OMP-01 OML-11 OMG-01 OMG-11; do
  [ -n "$(find "$storage" -path "*/$type/*" -name '*_1' | head -1)" ] || fail "no current $type in the storage"
done
"$bin/ssmix" check "$run/storage" >"$out/check.log" 2>&1 || fail "ssmix check: $(tail -3 "$out/check.log")"

# The studies: a CT of 100+ 512x512 slices; the CR stored JPEG-LS, on the disc Explicit VR Little Endian.
ct_slices=$(find "$run/sample-patient/dicom/ST2" -type f | wc -l)
[ "$ct_slices" -ge 100 ] || fail "CT has $ct_slices slices"
# (dcmdump's output is read whole first: `| grep -q` under pipefail can fail on SIGPIPE.)
ct_size=$(dcmdump +P 0028,0010 +P 0028,0011 "$run/sample-patient/dicom/ST2/IM1")
[ "$(grep -c "US 512" <<<"$ct_size")" -eq 2 ] || fail "CT slices are not 512x512: $ct_size"
cr_meta=$(dcmdump -M "$run/sample-patient/dicom/ST1/IM1")
grep -q "Used TransferSyntax: JPEG-LS Lossless" <<<"$cr_meta" || fail "the CR is not JPEG-LS"
grep -q "3 series (2 transcoded), with DICOMDIR, 3 linked to imaging orders" "$out/journey.log" ||
  fail "pack did not transcode the compressed studies or link them to their orders: $(grep DICOM "$out/journey.log")"

# The letter and the data-provision document are valid CDA R2; the letter states its purpose.
xmllint --nonet --noout --schema "$xsd" "$run/referral.xml" 2>"$out/xmllint.log" || fail "referral.xml: $(tail -2 "$out/xmllint.log")"
grep -q "慢性腎臓病の精査・加療のお願い" "$run/referral.xml" || fail "the letter's purpose is missing"
xmllint --nonet --noout --schema "$xsd" "$run/provision.xml" 2>"$out/xmllint.log" || fail "provision.xml: $(tail -2 "$out/xmllint.log")"

# The same letter as a JP-CLINS FHIR document: valid against the R4 schema and the profiles'
# rules, pointing to the CDA file by name, size and SHA-1, and on the disc byte for byte with
# its own XDM entry (application/fhir+json) beside the CDA one.
node "$repo/tests/fhir/check_bundles.js" --profiles "$repo/tests/data/fhir/profiles" "$run/referral.json" >"$out/fhir.log" 2>&1 ||
  fail "referral.json: $(tail -5 "$out/fhir.log")"
/usr/bin/python3 - "$run" >"$out/forms.log" 2>&1 <<'PY' || fail "the letter's two forms on the disc: $(cat "$out/forms.log")"
import base64, hashlib, json, pathlib, sys
import xml.etree.ElementTree as ET
run = pathlib.Path(sys.argv[1])
bundle = json.loads((run / "referral.json").read_text(encoding="utf-8"))
cda = (run / "referral.xml").read_bytes()
links = [e["resource"]["content"][0]["attachment"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference"]
assert len(links) == 1, f"{len(links)} DocumentReferences"
assert links[0]["url"].endswith("referral.xml"), links[0]["url"]
assert int(links[0]["size"]) == len(cda), (links[0]["size"], len(cda))
assert links[0]["hash"] == base64.b64encode(hashlib.sha1(cda).digest()).decode(), "SHA-1 of the CDA file"
# Both forms dated in Japan time, so the physician sees one date for the one letter.
cda_time = ET.fromstring(cda).find("{urn:hl7-org:v3}effectiveTime").get("value")
composition = bundle["entry"][0]["resource"]
assert cda_time.endswith("+0900"), cda_time
assert cda_time[:8] == composition["date"][:10].replace("-", ""), (cda_time, composition["date"])
subset = run / "disc" / "IHE_XDM" / "SUBSET01"
rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"
entries = ET.parse(subset / "METADATA.XML").getroot().iter(f"{{{rim}}}ExtrinsicObject")
by_type = {}
for entry in entries:
    uri = [s.find(f"{{{rim}}}ValueList/{{{rim}}}Value").text for s in entry.findall(f"{{{rim}}}Slot") if s.get("name") == "URI"][0]
    by_type.setdefault(entry.get("mimeType"), []).append((subset / uri).read_bytes())
assert by_type.get("application/fhir+json") == [(run / "referral.json").read_bytes()], "the FHIR letter's XDM entry"
assert cda in by_type.get("text/xml", []), "the CDA letter's XDM entry"
PY

# A mistake in the description: file:line: key, and nothing written.
sed 's/^hot9 = "119485201"/hot9 = "11948520"/' "$repo/sample-data/patients/30214578-miyamoto.toml" >"$out/bad.toml"
if "$bin/ssmix-sample-patient" "$out/bad.toml" "$out/bad" 2>"$out/bad.log"; then fail "a 8-digit HOT9 code was accepted"; fi
grep -Eq "bad.toml:[0-9]+: drugs.amlodipine.hot9: a HOT9 code has 9 digits" "$out/bad.log" || fail "error message: $(cat "$out/bad.log")"
[ ! -e "$out/bad" ] && [ ! -e "$out/bad.partial" ] || fail "a failed run left output behind"

[ "$failures" -eq 0 ] || exit 1
echo "journey: all checks passed"
