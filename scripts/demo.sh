#!/usr/bin/env bash
# The main job on the bundled sample data: builds everything, writes the sample patient's
# referral letter (CDA) from sample-data/letters/ and the NHO SS-MIX2 sample storage, then packs
# the patient (storage, letter and the generated DICOM studies) into a CD-R image and a disc
# tree with INDEX.HTM and the viewer, verifies the image, and prints where they are.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${SSMIX_BUILD_DIR:-$repo/build}
out=${SSMIX_DEMO_OUT:-$repo/out}
samples=$repo/tests/data/ssmix2/nhoHQ-SSMIX2DataTestingTool/sampleData

"$repo/scripts/build.sh"

mkdir -p "$out"
echo "==> Writing the referral letter (ssmix referral)" >&2
"$build_dir/bin/ssmix" referral --storage "$samples" --patient 9999013 --letter "$repo/sample-data/letters/9999013-referral.toml" \
  -o "$out/referral.xml"
echo "==> Packing the sample patient 9999013 (ssmix pack)" >&2
"$build_dir/bin/ssmix" pack --storage "$samples" --patient 9999013 --dicom "$build_dir/sample-data/dicom" \
  --document "$out/referral.xml" --institution "登呂病院" -o "$out/disc.iso" --tree "$out/disc"
echo "==> Checking the image (ssmix verify)" >&2
"$build_dir/bin/ssmix" verify "$out/disc.iso"
