#!/usr/bin/env bash
# tests/fuzz/run_target.sh FUZZER TARGET BUILD — one libFuzzer target for $SSMIX_FUZZ_SECONDS
# (default 30) on its seeds (BUILD/seeds, made by scripts/fuzz.sh) and its growing corpus
# (BUILD/corpus/TARGET). Run by ctest -L fuzz in the fuzz build; a crash leaves its input in
# BUILD/crashes/ and fails.
set -euo pipefail
fuzzer=$1 target=$2 build=$3
seconds=${SSMIX_FUZZ_SECONDS:-30}
case $target in
  cda_read | xml_encoding) seeds=cda ;;   # xml_encoding: the letters of tests/data/cda/encodings among them
  fhir_bundle) seeds=fhir ;;
  bundle_manifest) seeds=manifest ;;
  dicom_file) seeds=dicom ;;
  dicom_text) seeds=dicom-text ;;
  dicomdir) seeds=dicomdir ;;
  *) seeds=hl7 ;;
esac
[ -d "$build/seeds/$seeds" ] || { echo "no seeds in $build/seeds/$seeds: run scripts/fuzz.sh" >&2; exit 1; }
corpus=$build/corpus/$target
mkdir -p "$corpus" "$build/crashes"
limits=() asan=${ASAN_OPTIONS:-}
# DCMTK allocates an element's declared length (up to 4 GiB) before reading it. In the viewer
# such an allocation fails and DCMTK reports it; here ASan is made to fail it the same way
# (over 1 GiB; over 64 MiB for a DICOMDIR, which holds no pixel data: a fuzzer input of 64 KiB
# whose declared lengths ask for more is refused at once instead of zero-filling a gigabyte),
# and libFuzzer's own limit must let the request through to ASan.
case $target in dicom_file | dicomdir)
  limits=(-rss_limit_mb=6144 -malloc_limit_mb=6144) asan=max_allocation_size_mb=1024:allocator_may_return_null=1 ;;
esac
[ "$target" = dicomdir ] && asan=max_allocation_size_mb=64:allocator_may_return_null=1
echo "==> fuzz_$target for ${seconds}s" >&2
log=$build/fuzz-$target.log
if ASAN_OPTIONS=$asan "$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 "${limits[@]}" \
  -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 "$corpus" "$build/seeds/$seeds" >"$log" 2>&1; then
  tail -n 4 "$log"
  exit 0
fi
# A finding: the report from its first line on, and the input itself (base64, when small), so
# that a CI log alone is enough to reproduce it.
sed -n '/==ERROR\|ERROR: libFuzzer\|runtime error\|deadly signal/,$p' "$log" | head -n 80
for input in "$build/crashes/$target"-*; do
  [ -f "$input" ] || continue
  echo "input $input ($(stat -c %s "$input") bytes)"
  [ "$(stat -c %s "$input")" -le 16384 ] && base64 -w 0 "$input" && echo
done
exit 1
