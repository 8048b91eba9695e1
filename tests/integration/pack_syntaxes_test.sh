#!/usr/bin/env bash
# tests/integration/pack_syntaxes_test.sh — another vendor's disc as input: a DICOMDIR file-set
# (made with dcmmkdir) whose images use many transfer syntaxes and the Japanese character set
# ISO 2022 IR 87, plus one file claiming JPEG 2000 whose codestream is not one. For a CD everything must come
# out Explicit VR Little Endian, lossless ones pixel for pixel; JPEG 2000 is reported by file and
# reason; for a DVD the JPEG syntaxes STD-GEN-DVD-JPEG allows stay as they are.
set -uo pipefail
ssmix=$1 dicom=$2 work=$3 here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"; mkdir -p "$work/vendor/IMAGES"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
syntax() { dcmdump -M +P 0002,0010 "$1" 2>/dev/null | sed 's/.*UI =\([^ ]*\).*/\1/'; }

# The vendor disc: CT slices, each re-encoded, all with a JIS patient name (PS3.5 H.3.1).
jis_name=$'Yamada^Tarou=\e$B;3ED\e(B^\e$BB@O:\e(B=\e$B$d$^$@\e(B^\e$B$?$m$&\e(B'
v=$work/vendor/IMAGES
jis() { python3 -c 'import sys; sys.stdout.buffer.write(sys.argv[1].encode("iso2022_jp"))' "$1"; }
for i in 1 2 3 4 5 6 7 8 9; do
  cp "$dicom/CT/IM$i" "$work/raw$i"
  dcmodify -q -nb -m "(0008,0005)=\\ISO 2022 IR 87" -m "(0010,0010)=$jis_name" -m "(0008,1030)=$(jis 胸部CT)" \
    -m "(0008,103E)=$(jis '胸部 5mm')" -m "(0008,0080)=$(jis 登呂病院)" -m "(0008,0090)=$(jis '医師^一郎')" "$work/raw$i"
done
cp "$work/raw1" "$v/IM1"                              # Explicit VR Little Endian
dcmconv -q +ti "$work/raw2" "$v/IM2"                  # Implicit VR Little Endian
dcmconv -q +tb "$work/raw3" "$v/IM3"                  # Explicit VR Big Endian
dcmconv -q +td "$work/raw4" "$v/IM4"                  # Deflated Explicit VR Little Endian
dcmcjpeg -q +e1 "$work/raw5" "$v/IM5"                 # JPEG Lossless SV1
dcmcjpeg -q +ee "$work/raw6" "$v/IM6"                 # JPEG Extended (lossy, 12 bit)
dcmcrle -q "$work/raw7" "$v/IM7"                      # RLE Lossless
dcmcjpls -q "$work/raw8" "$v/IM8"                     # JPEG-LS Lossless
python3 "$here/make_j2k_claim.py" "$work/raw9" "$v/IM9"   # "JPEG 2000" that is not
(cd "$work/vendor" && dcmmkdir -q +r -Nxc +I +id . IMAGES) || fail "dcmmkdir could not make the vendor's DICOMDIR"
[ -f "$work/vendor/DICOMDIR" ] || fail "no vendor DICOMDIR"

# CD: exit 1 for the JPEG 2000 file, named with its reason; the other eight on the disc.
"$ssmix" pack --dicom "$work/vendor" -o "$work/cd.iso" --tree "$work/cd" --json >"$work/cd.json" 2>&1
[ $? = 1 ] || fail "cd: exit status (JPEG 2000 must be an error)"
grep -q 'IMAGES/IM9' "$work/cd.json" && grep -q 'JPEG 2000' "$work/cd.json" || fail "cd: JPEG 2000 file not reported by name and reason"
grep -q '"instances": 8' "$work/cd.json" || fail "cd: not 8 instances: $(grep instances "$work/cd.json")"
"$ssmix" verify "$work/cd.iso" >/dev/null 2>&1 || fail "cd: ssmix verify rejects the image"
for f in $(find "$work/cd/DICOM" -type f); do
  [ "$(syntax "$f")" = LittleEndianExplicit ] || fail "cd: $f is $(syntax "$f")"
done
# dciodvfy: no error and no warning (but the profile keys pack_dciodvfy.py accepts, with why).
python3 "$here/pack_dciodvfy.py" cd "$work/cd/DICOMDIR" $(find "$work/cd/DICOM" -type f) || fail "cd: dciodvfy (above)"
# Lossless syntaxes decode to the very pixels of the original.
for i in 1 2 3 4 5 7 8; do
  uid=$(dcmdump +P 0008,0018 "$work/raw$i" | sed 's/.*\[\(.*\)\].*/\1/')
  disc_file=$(grep -l "$uid" $(find "$work/cd/DICOM" -type f) | head -1)
  dcmj2pnm -q +Wm "$work/raw$i" "$work/want.pgm" && dcmj2pnm -q +Wm "$disc_file" "$work/got.pgm"
  cmp -s "$work/want.pgm" "$work/got.pgm" || fail "cd: pixels of IM$i ($(syntax "$v/IM$i")) changed on the way"
done
# The Japanese name: DICOMDIR keeps the bytes and the character set; README.TXT reads it.
dcmdump +P 0008,0005 "$work/cd/DICOMDIR" | grep 'ISO 2022 IR 87' >/dev/null || fail "cd: DICOMDIR lost the character set"
grep -q '山田' "$work/cd/README.TXT" || fail "cd: README.TXT does not show the patient's name in kanji"

# DVD: JPEG Lossless SV1 and JPEG Extended stay as they are; the rest becomes Explicit VR LE.
rm -f "$v/IM9"; (cd "$work/vendor" && rm DICOMDIR && dcmmkdir -q +r -Nxc +I +id . IMAGES)
"$ssmix" pack --dicom "$work/vendor" --media dvd -o "$work/dvd.iso" --tree "$work/dvd" >"$work/dvd.out" 2>&1 \
  || fail "dvd: exit status: $(tail -3 "$work/dvd.out")"
found=$(for f in $(find "$work/dvd/DICOM" -type f); do syntax "$f"; done | sort | uniq -c | tr -s ' ' | tr '\n' ';')
[ "$found" = " 1 JPEGExtended:Process2+4; 1 JPEGLossless:Non-hierarchical-1stOrderPrediction; 6 LittleEndianExplicit;" ] \
  || fail "dvd: transfer syntaxes on the disc: $found"
python3 "$here/pack_dciodvfy.py" dvd "$work/dvd/DICOMDIR" $(find "$work/dvd/DICOM" -type f) || fail "dvd: dciodvfy (above)"
"$ssmix" verify "$work/dvd.iso" >/dev/null 2>&1 || fail "dvd: ssmix verify rejects the image"

[ "$failures" = 0 ] && echo "pack syntaxes: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
