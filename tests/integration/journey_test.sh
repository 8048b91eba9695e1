#!/usr/bin/env bash
# The README's journey (scripts/journey.sh) on the sample patient, and what the generator
# promises: the same bytes on every run, storage with superseded (flag 2) and cancelled
# (flag 0) orders, a 512x512 CT of 100+ slices, a compressed study the packager transcodes,
# studies linked to their orders, a referral letter valid against the CDA schema, a verified
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

# A mistake in the description: file:line: key, and nothing written.
sed 's/^hot9 = "119485201"/hot9 = "11948520"/' "$repo/sample-data/patients/30214578-miyamoto.toml" >"$out/bad.toml"
if "$bin/ssmix-sample-patient" "$out/bad.toml" "$out/bad" 2>"$out/bad.log"; then fail "a 8-digit HOT9 code was accepted"; fi
grep -Eq "bad.toml:[0-9]+: drugs.amlodipine.hot9: a HOT9 code has 9 digits" "$out/bad.log" || fail "error message: $(cat "$out/bad.log")"
[ ! -e "$out/bad" ] && [ ! -e "$out/bad.partial" ] || fail "a failed run left output behind"

[ "$failures" -eq 0 ] || exit 1
echo "journey: all checks passed"
