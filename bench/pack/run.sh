#!/usr/bin/env bash
# Pack benchmark (issue: the disc): `ssmix pack --media dvd` of a generated thin-slice CT study
# (SLICES x 512 KiB, default 1000 = 500 MiB) plus the SS-MIX2 sample storage into an ISO image,
# compared in the same run with standard tools doing the same job:
#   classic          cp into a staging tree, dcmmkdir (DICOMDIR), xorriso -as mkisofs
#   classic + pigz   the same, plus pigz -1 of the same data into the image (the bundle's work)
#   xorriso alone    xorriso -as mkisofs straight from the input (the I/O limit)
# Every run ends with `sync`, as ssmix pack flushes what it writes; each time is the median of
# three runs (the machines are shared and noisy). Peak memory (max RSS) of
# ssmix pack is measured at SLICES/2 and SLICES to show whether it grows with the data.
# Also measures, on 100 slices, the bundle's encoding choices: deflate level 1 and 6 (zlib,
# via python3) against JPEG-LS lossless (dcmcjpls), by size and time.
# A third ssmix case, --media cd650, is a disc whose viewer data does not fit beside the images.
# With SSMIX_BASELINE_BUILD=<another build folder> (an earlier ssmix), its pack is timed in
# the same run, case by case, and the ratios printed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
slices=${1:-1000}
work=${SSMIX_BENCH_DIR:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT
storage=$repo/tests/data/ssmix2/nhoHQ-SSMIX2DataTestingTool/sampleData
ssmix=$build/bin/ssmix
baseline=${SSMIX_BASELINE_BUILD:+$SSMIX_BASELINE_BUILD/bin/ssmix}

"$build/bin/ssmix-sample-dicom" --thin-ct "$slices" "$work/dicom"
"$build/bin/ssmix-sample-dicom" --thin-ct "$((slices / 2))" "$work/dicom-half"
dicom_bytes=$(du -sb "$work/dicom" | cut -f1)
sync

seconds() { echo "$(date +%s.%N) - $1" | bc; }
median() { printf "%s\n" "$@" | sort -g | sed -n 2p; }

# ssmix pack, with and without the viewer bundle; max RSS from GNU time.
pack_once() {   # name, dicom folder, extra args; prints seconds ($tool: the ssmix to run)
  local name=$1 input=$2; shift 2
  rm -f "$work/$name.iso"
  local start; start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/$name.rss" "${tool:-$ssmix}" pack --storage "$storage" --patient 9999013 --dicom "$input" \
    -o "$work/$name.iso" "$@" >"$work/$name.out" 2>&1
  seconds "$start"
  rm -f "$work/$name.iso"
}
three() { median "$(pack_once "$@")" "$(pack_once "$@")" "$(pack_once "$@")"; }
t_bundle=$(three bundle "$work/dicom" --media dvd --json)
t_nobundle=$(three nobundle "$work/dicom" --media dvd --no-bundle)
t_cd=$(three cd "$work/dicom" --media cd650 --json)
pack_once half "$work/dicom-half" --media dvd >/dev/null
if [ -n "$baseline" ]; then
  b_bundle=$(tool=$baseline three base-bundle "$work/dicom" --media dvd --json)
  b_nobundle=$(tool=$baseline three base-nobundle "$work/dicom" --media dvd --no-bundle)
  b_cd=$(tool=$baseline three base-cd "$work/dicom" --media cd650 --json)
fi

# classic: staging copy + dcmmkdir + xorriso
classic() {   # with_pigz
  rm -rf "$work/stage" "$work/classic.iso"
  local start; start=$(date +%s.%N)
  mkdir -p "$work/stage"
  cp -r "$work/dicom" "$work/stage/DICOM"
  cp -r "$storage" "$work/stage/SSMIX2"
  (cd "$work/stage" && dcmmkdir -q +r +id . +D DICOMDIR DICOM)
  if [ "$1" = 1 ]; then
    mkdir -p "$work/stage/VIEWER"
    tar -C "$work/stage" -cf - DICOM SSMIX2 | pigz -1 >"$work/stage/VIEWER/DATA.TGZ"
  fi
  xorriso -as mkisofs -quiet -J -R -V SSMIX_BENCH -o "$work/classic.iso" "$work/stage" 2>/dev/null
  sync
  seconds "$start"
}
classic_time=$(median "$(classic 0)" "$(classic 0)" "$(classic 0)")
classic_pigz_time=$(median "$(classic 1)" "$(classic 1)" "$(classic 1)")
pigz_bytes=$(stat -c %s "$work/stage/VIEWER/DATA.TGZ")
rm -rf "$work/stage" "$work/classic.iso"

mkdir -p "$work/plain" && ln -s "$work/dicom" "$work/plain/DICOM" && ln -s "$storage" "$work/plain/SSMIX2"
plain_xorriso() {
  local start; start=$(date +%s.%N)
  xorriso -as mkisofs -quiet -f -J -R -V SSMIX_BENCH -o "$work/plain.iso" "$work/plain" 2>/dev/null
  sync
  seconds "$start"
  rm -f "$work/plain.iso"
}
xorriso_time=$(median "$(plain_xorriso)" "$(plain_xorriso)" "$(plain_xorriso)")

# Encoding choices for image chunks, on the first 100 slices.
mkdir -p "$work/enc"
ls "$work/dicom/S1" | head -100 | while read -r f; do cp "$work/dicom/S1/$f" "$work/enc/$f"; done
enc_raw=$(du -cb "$work/enc"/* | tail -1 | cut -f1)
read -r d1_bytes d1_time d6_bytes d6_time < <(python3 - "$work/enc" <<'PY'
import os, sys, time, zlib
files = [open(os.path.join(sys.argv[1], f), "rb").read() for f in sorted(os.listdir(sys.argv[1]))]
out = []
for level in (1, 6):
    start = time.perf_counter(); size = sum(len(zlib.compress(b, level)) for b in files)
    out += [size, time.perf_counter() - start]
print(*out)
PY
)
start=$(date +%s.%N)
for f in "$work/enc"/*; do dcmcjpls +el "$f" "$f.jls"; done
jls_time=$(seconds "$start")
jls_bytes=$(du -cb "$work/enc"/*.jls | tail -1 | cut -f1)

bundle_bytes=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['bundle']['bytes'])" "$work/bundle.out")
mib() { echo "scale=1; $1 / 1048576" | bc; }
echo "Pack benchmark: $slices CT slices ($(mib "$dicom_bytes") MiB of DICOM) + the SS-MIX2 sample storage, --media dvd; medians of 3"
printf "%-46s %8.2f s\n" "ssmix pack (with viewer bundle)" "$t_bundle"
printf "%-46s %8.2f s\n" "ssmix pack --no-bundle" "$t_nobundle"
printf "%-46s %8.2f s\n" "ssmix pack --media cd650 (viewer data too big)" "$t_cd"
printf "%-46s %8.2f s\n" "classic: cp + dcmmkdir + xorriso" "$classic_time"
printf "%-46s %8.2f s\n" "classic + pigz -1 of the same data" "$classic_pigz_time"
printf "%-46s %8.2f s\n" "xorriso alone (I/O limit)" "$xorriso_time"
printf "ssmix pack with bundle / classic + pigz:   %.2fx (target < 1)\n" "$(echo "$t_bundle / $classic_pigz_time" | bc -l)"
printf "ssmix pack --no-bundle / xorriso alone:    %.2fx (target <= 1.5)\n" "$(echo "$t_nobundle / $xorriso_time" | bc -l)"
printf "bundle size / DICOM size:                  %.3f (pigz -1 of the same: %.3f)\n" \
  "$(echo "$bundle_bytes / $dicom_bytes" | bc -l)" "$(echo "$pigz_bytes / $dicom_bytes" | bc -l)"
printf "peak memory: %s KiB at %s slices, %s KiB at %s slices (ratio %.2f)\n" "$(cat "$work/half.rss")" "$((slices / 2))" \
  "$(cat "$work/bundle.rss")" "$slices" "$(echo "$(cat "$work/bundle.rss") / $(cat "$work/half.rss")" | bc -l)"
printf "image chunk encoding, 100 slices (%s MiB): deflate-1 %.3f of the size in %.2f s; deflate-6 %.3f in %.2f s; JPEG-LS lossless %.3f in %.2f s\n" \
  "$(mib "$enc_raw")" "$(echo "$d1_bytes / $enc_raw" | bc -l)" "$d1_time" "$(echo "$d6_bytes / $enc_raw" | bc -l)" "$d6_time" \
  "$(echo "$jls_bytes / $enc_raw" | bc -l)" "$jls_time"
if [ -n "$baseline" ]; then
  echo "against the baseline build $SSMIX_BASELINE_BUILD (same run, medians of 3):"
  printf "  with bundle:  %.2f s vs %.2f s = %.2fx\n" "$t_bundle" "$b_bundle" "$(echo "$t_bundle / $b_bundle" | bc -l)"
  printf "  --no-bundle:  %.2f s vs %.2f s = %.2fx\n" "$t_nobundle" "$b_nobundle" "$(echo "$t_nobundle / $b_nobundle" | bc -l)"
  printf "  cd650, viewer data too big: %.2f s vs %.2f s = %.2fx\n" "$t_cd" "$b_cd" "$(echo "$t_cd / $b_cd" | bc -l)"
fi
