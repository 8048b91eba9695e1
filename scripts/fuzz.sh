#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into ./build-fuzz and runs each for a
# while on a corpus seeded with the samples (SS-MIX2 messages; CDA documents for the CDA
# reader; a manifest with an image index for the bundle manifest; python3-pydicom's small test
# files, images of many syntaxes and a structured report, for the DICOM reader; its DICOMDIRs
# for the DICOMDIR reader; the JP-CLINS IG's example resources and bundles for the FHIR bundle
# reader; Japanese names
# in three character sets for the DICOM text decoder). Usage: scripts/fuzz.sh [SECONDS per target]
# A crash leaves its input in build-fuzz/crashes/ and exits 1. After a first run, one target
# again: SSMIX_FUZZ_SECONDS=300 ctest --test-dir build-fuzz -L fuzz -R dicomdir
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
build=${SSMIX_FUZZ_BUILD_DIR:-$repo/build-fuzz}

cmake -S "$repo" -B "$build" -G Ninja -DSSMIX_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build"

seeds="$build/seeds"
rm -rf "$seeds"; mkdir -p "$seeds/hl7" "$seeds/cda" "$seeds/manifest" "$seeds/dicom" "$seeds/dicom-text" "$seeds/dicomdir" "$seeds/fhir" "$build/crashes"
printf 'ISO 2022 IR 87\nYamada^Tarou=\033$B;3ED\033(B^\033$BB@O:\033(B=\033$B$d$^$@\033(B^\033$B$?$m$&\033(B' >"$seeds/dicom-text/jis"
printf 'ISO 2022 IR 13\\ISO 2022 IR 87\n\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\033$B;3ED\033(J^\033$BB@O:\033(J' >"$seeds/dicom-text/kana"
printf 'ISO_IR 192\n\xe5\xae\xae\xe6\x9c\xac^\xe7\xbe\x8e\xe6\x99\xba\xe5\xad\x90' >"$seeds/dicom-text/utf8"
cat >"$seeds/manifest/manifest.json" <<'JSON'
{"format":"ssmix-bundle-1","encoding":"deflate","chunks":[40],"startChunks":1,"files":[{"path":"DICOM/P0000001/ST000001/SE000001/IM000001","size":100,"sha256":"00","chunk":0,"offset":0,"stored":40}],"images":[{"shared":{"study":"2.25.2","series":"2.25.3","syntax":"1.2.840.10008.1.2.1","patientName":"\u5bae\u672c","modality":"CT","rows":512,"columns":512,"frames":1,"spacingRow":0.7},"images":[{"path":"DICOM/P0000001/ST000001/SE000001/IM000001","sop":"2.25.1","instanceNumber":-1,"sliceLocation":-148.75},{"path":"DICOM/P0000001/ST000001/SE000001/IM000002","sop":"2.25.4","instanceNumber":2,"rows":256}]}]}
JSON
n=0; for f in "$repo"/tests/data/ssmix2/*/sampleData/*/*/*/*/*/*; do n=$((n + 1)); cp "$f" "$seeds/hl7/sample$n"; done
n=0; for f in $(find "$repo/tests/data/cda" -name '*.xml' -size -64k); do n=$((n + 1)); cp "$f" "$seeds/cda/doc$n.xml"; done
n=0; for f in $(find "$repo/tests/data/fhir/examples" -name '*.json' -size -64k); do n=$((n + 1)); cp "$f" "$seeds/fhir/bundle$n.json"; done
pydicom_files=$(/usr/bin/python3 -c 'import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files"))')
n=0; for f in $(find "$pydicom_files" -maxdepth 1 -name '*.dcm' -size -64k); do n=$((n + 1)); cp "$f" "$seeds/dicom/file$n.dcm"; done
n=0; for f in $(find "$pydicom_files" -name 'DICOMDIR*' -size -64k); do n=$((n + 1)); cp "$f" "$seeds/dicomdir/dicomdir$n"; done

# Each target is a ctest test labelled fuzz (tests/fuzz/run_target.sh), two at a time.
SSMIX_FUZZ_SECONDS=$seconds ctest --test-dir "$build" -L fuzz --output-on-failure -j"$(nproc)" --timeout $((seconds * 3 + 120))
echo "fuzzing: no crash" >&2
