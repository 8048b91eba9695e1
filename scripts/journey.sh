#!/usr/bin/env bash
# The journey from a hospital's data to the receiving physician's disc, with already built
# tools: generates the sample patient (sample-data/patients/), ingests the HL7 messages into a
# fresh SS-MIX2 standardized storage, writes the referral letter (CDA R2 and JP-CLINS FHIR) and
# the data-provision document (CDA), packs storage + documents + DICOM studies into a CD-R image and a disc tree, verifies
# the image, and prints where
# INDEX.HTM and the ISO are. scripts/demo.sh runs it after building; the end-to-end test too.
# usage: scripts/journey.sh BUILD_DIR OUT_DIR
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$1
out=$2
bin=$build_dir/bin
description=$repo/sample-data/patients/30214578-miyamoto.toml
patient=30214578

step() { echo "==> $*" >&2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)

step "Generating the sample patient from ${description#"$repo"/} (ssmix-sample-patient)"
"$bin/ssmix-sample-patient" "$description" "$out/sample-patient"

step "Ingesting the HL7 messages into the SS-MIX2 storage $out/storage (ssmix ingest)"
rm -rf "$out/storage" "$out/rejected"
"$bin/ssmix" ingest --storage "$out/storage" "$out/sample-patient/hl7"
"$bin/ssmix" check "$out/storage"

step "Writing the referral letter $out/referral.xml (CDA) and $out/referral.json (FHIR) (ssmix referral)"
"$bin/ssmix" referral --storage "$out/storage" --patient "$patient" --letter "$out/sample-patient/letter.toml" \
  --format both -o "$out/referral.xml"

step "Writing the data-provision document $out/provision.xml (ssmix provide)"
"$bin/ssmix" provide --storage "$out/storage" --patient "$patient" --institution "清水台総合病院" \
  --institution-code 2212345678 -o "$out/provision.xml"

step "Packing the disc (ssmix pack)"
"$bin/ssmix" pack --storage "$out/storage" --patient "$patient" --dicom "$out/sample-patient/dicom" \
  --document "$out/referral.xml" --document "$out/referral.json" --document "$out/provision.xml" --institution "清水台総合病院" -o "$out/disc.iso" --tree "$out/disc"

step "Checking the image (ssmix verify)"
"$bin/ssmix" verify "$out/disc.iso"

echo
echo "Disc image:  $out/disc.iso"
echo "Disc tree:   $out/disc/INDEX.HTM  (open it in a browser: file://$out/disc/INDEX.HTM)"
