#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into ./build-fuzz and runs each for a
# while on a corpus seeded with the SS-MIX2 samples. Usage: scripts/fuzz.sh [SECONDS per target]
# A crash leaves its input in build-fuzz/crashes/ and exits 1.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
build=${SSMIX_FUZZ_BUILD_DIR:-$repo/build-fuzz}

cmake -S "$repo" -B "$build" -G Ninja -DSSMIX_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" --target fuzz_text_decode fuzz_hl7_message

seeds="$build/seeds"
rm -rf "$seeds"; mkdir -p "$seeds" "$build/crashes"
find "$repo/tests/data/ssmix2" -type f ! -name '*.md' ! -name LICENSE -exec cp {} "$seeds/" \; 2>/dev/null || true
n=0; for f in "$repo"/tests/data/ssmix2/*/sampleData/*/*/*/*/*/*; do n=$((n + 1)); cp "$f" "$seeds/sample$n"; done

for target in text_decode hl7_message; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  echo "==> fuzz_$target for ${seconds}s" >&2
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 "$corpus" "$seeds" 2>&1 | tail -n 4 >&2
done
echo "fuzzing: no crash" >&2
