#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into ./build-fuzz and runs each for a
# while on a corpus seeded with the samples (SS-MIX2 messages; CDA documents for the CDA
# reader; a manifest with an image index for the bundle manifest). Usage: scripts/fuzz.sh [SECONDS per target]
# A crash leaves its input in build-fuzz/crashes/ and exits 1.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
build=${SSMIX_FUZZ_BUILD_DIR:-$repo/build-fuzz}

cmake -S "$repo" -B "$build" -G Ninja -DSSMIX_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" --target fuzz_text_decode fuzz_hl7_message fuzz_cda_read fuzz_cda_write fuzz_bundle_manifest

seeds="$build/seeds"
rm -rf "$seeds"; mkdir -p "$seeds/hl7" "$seeds/cda" "$seeds/manifest" "$build/crashes"
cat >"$seeds/manifest/manifest.json" <<'JSON'
{"format":"ssmix-bundle-1","encoding":"deflate","chunks":[40],"startChunks":1,"files":[{"path":"DICOM/P0000001/ST000001/SE000001/IM000001","size":100,"sha256":"00","chunk":0,"offset":0,"stored":40}],"images":[{"shared":{"study":"2.25.2","series":"2.25.3","syntax":"1.2.840.10008.1.2.1","patientName":"\u5bae\u672c","modality":"CT","rows":512,"columns":512,"frames":1,"spacingRow":0.7},"images":[{"path":"DICOM/P0000001/ST000001/SE000001/IM000001","sop":"2.25.1","instanceNumber":-1,"sliceLocation":-148.75},{"path":"DICOM/P0000001/ST000001/SE000001/IM000002","sop":"2.25.4","instanceNumber":2,"rows":256}]}]}
JSON
n=0; for f in "$repo"/tests/data/ssmix2/*/sampleData/*/*/*/*/*/*; do n=$((n + 1)); cp "$f" "$seeds/hl7/sample$n"; done
n=0; for f in $(find "$repo/tests/data/cda" -name '*.xml' -size -64k); do n=$((n + 1)); cp "$f" "$seeds/cda/doc$n.xml"; done

for target in text_decode hl7_message cda_read cda_write bundle_manifest; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  seed_dir="$seeds/hl7"; [ "$target" = cda_read ] && seed_dir="$seeds/cda"; [ "$target" = bundle_manifest ] && seed_dir="$seeds/manifest"
  echo "==> fuzz_$target for ${seconds}s" >&2
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 "$corpus" "$seed_dir" 2>&1 | tail -n 4 >&2
done
echo "fuzzing: no crash" >&2
