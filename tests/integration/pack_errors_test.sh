#!/usr/bin/env bash
# tests/integration/pack_errors_test.sh — bad input to `ssmix pack` gives exit 1, a message
# naming the problem, and no tree (or the earlier tree untouched).
set -uo pipefail
ssmix=$1 storage=$2 dicom=$3 work=$4 cda=$5
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A path that does not exist.
"$ssmix" pack --dicom "$work/nowhere" --tree "$work/t1" >"$work/out" 2>&1
[ $? = 1 ] || fail "missing input: exit status"
grep -q "nowhere" "$work/out" || fail "missing input: the path is not named"
[ ! -e "$work/t1" ] || fail "missing input: a tree was written"

# A folder with no DICOM in it (a text file only).
mkdir -p "$work/text"; echo "MSH|^~\\&|" > "$work/text/a.hl7"
"$ssmix" pack --dicom "$work/text" --tree "$work/t2" >"$work/out" 2>&1
[ $? = 1 ] || fail "no DICOM: exit status"
grep -q "no DICOM images" "$work/out" || fail "no DICOM: message"
grep -q "a.hl7" "$work/out" || fail "no DICOM: the non-DICOM file is not named"
[ ! -e "$work/t2" ] || fail "no DICOM: a tree was written"

# Two patients: refused, one patient per disc.
mkdir -p "$work/two"
cp "$dicom/CT/IM1" "$work/two/a"; cp "$dicom/CT/IM2" "$work/two/b"
dcmodify -q -nb -m "(0010,0020)=OTHER01" "$work/two/b"
"$ssmix" pack --dicom "$work/two" --tree "$work/t3" >"$work/out" 2>&1
[ $? = 1 ] || fail "two patients: exit status"
grep -q "OTHER01" "$work/out" || fail "two patients: the other patient is not named"
[ ! -e "$work/t3" ] || fail "two patients: a tree was written"

# An existing folder that is not an ssmix tree is never replaced.
mkdir -p "$work/precious"; echo keep > "$work/precious/notes.txt"
"$ssmix" pack --dicom "$dicom/CT" --tree "$work/precious" >"$work/out" 2>&1
[ $? = 1 ] || fail "foreign folder: exit status"
grep -q "not a disc tree made by ssmix" "$work/out" || fail "foreign folder: message"
[ "$(cat "$work/precious/notes.txt")" = keep ] && [ ! -e "$work/precious/INDEX.HTM" ] || fail "foreign folder: it was touched"

# A corrupt file among good ones: reported by name, the rest packed, exit 1.
mkdir -p "$work/mixed"; cp "$dicom/CT/IM1" "$dicom/CT/IM2" "$work/mixed/"
head -c 300 "$dicom/CT/IM3" > "$work/mixed/IM3"
"$ssmix" pack --dicom "$work/mixed" --tree "$work/t4" --json >"$work/out" 2>&1
[ $? = 1 ] || fail "mixed: exit status"
grep -q '"instances": 2' "$work/out" || fail "mixed: good files were not packed"
grep -q 'IM3' "$work/out" || fail "mixed: the corrupt file is not named"

# A letter that is not well-formed XML, or is about another patient: named, nothing written.
"$ssmix" pack --storage "$storage" --patient 9999013 --document "$cda/hostile/not-well-formed.xml" -o "$work/doc.iso" \
  --tree "$work/t7" >"$work/out" 2>&1
[ $? = 1 ] || fail "broken letter: exit status"
grep -q "not-well-formed.xml:5: error: not well-formed XML" "$work/out" || fail "broken letter: message: $(cat "$work/out")"
[ ! -e "$work/doc.iso" ] && [ ! -e "$work/t7" ] || fail "broken letter: output was written"
"$ssmix" pack --storage "$storage" --patient 0001000052 --document "$cda/jp-referral-valid.xml" -o "$work/doc.iso" >"$work/out" 2>&1
[ $? = 1 ] || fail "other patient's letter: exit status"
grep -q "about patient 9999013, not 0001000052" "$work/out" || fail "other patient's letter: message: $(cat "$work/out")"
[ ! -e "$work/doc.iso" ] || fail "other patient's letter: output was written"

# A patient with no data anywhere: nothing written.
"$ssmix" pack --storage "$storage" --patient 0000404 -o "$work/none.iso" --tree "$work/t5" >"$work/out" 2>&1
[ $? = 1 ] || fail "no data: exit status"
grep -q "no data for patient 0000404" "$work/out" || fail "no data: message"
[ ! -e "$work/none.iso" ] && [ ! -e "$work/t5" ] || fail "no data: output was written"

# An output folder that cannot be written: named, and nothing half-written.
mkdir -p "$work/readonly"; chmod 555 "$work/readonly"
if [ "$(id -u)" = 0 ]; then ro="/proc/ssmix-test"; else ro="$work/readonly"; fi   # root may write anywhere else
"$ssmix" pack --dicom "$dicom/CT" -o "$ro/out.iso" >"$work/out" 2>&1
[ $? = 1 ] || fail "unwritable: exit status"
grep -q "$ro" "$work/out" || fail "unwritable: the place is not named"
chmod 755 "$work/readonly"

# Standard files larger than the medium: the size plan stops before writing, says by how much
# and what to do. A sparse 700 MB message stands in for a large record.
big=$work/big-storage
mkdir -p "$big"; cp -r "$storage/999" "$big/"
msg=$(find "$big/999/901/9999013/20111220/OMG-01" -type f | head -1)
truncate -s 700M "$msg"
"$ssmix" pack --storage "$big" --patient 9999013 -o "$work/big.iso" --tree "$work/t6" >"$work/out" 2>&1
[ $? = 1 ] || fail "too big: exit status"
grep -q "too much" "$work/out" && grep -q "cd700 or dvd" "$work/out" || fail "too big: message: $(cat "$work/out")"
[ ! -e "$work/big.iso" ] && [ ! -e "$work/t6" ] || fail "too big: output was written"
[ -z "$(find "$work" -maxdepth 1 -name '.*partial*')" ] || fail "too big: partial files left"
rm -rf "$big"

# kill -9 at any moment leaves either no image or a complete one, and the next run clears what
# the killed one left behind. Kills land early (while reading and copying) and at several
# moments after the image's partial file appears (while libisofs writes it).
big=$work/kill-storage
mkdir -p "$big"; cp -r "$storage/999" "$big/"
msg=$(find "$big/999/901/9999013/20111220/OMG-01" -type f | head -1)
head -c 100M /dev/urandom >>"$msg"
pack_big=("$ssmix" pack --storage "$big" --patient 9999013 --dicom "$dicom" -o "$work/kill.iso" --no-bundle)
partial_iso() { find "$work" -maxdepth 1 -name '.kill.iso.partial-*' | grep . >/dev/null; }
killed_while_writing=0
for moment in early:0.5 writing:0 writing:0.1 writing:0.3 writing:0.6; do
  rm -f "$work/kill.iso"
  "${pack_big[@]}" >/dev/null 2>&1 &   # ssmix itself is the background job, so kill -9 reaches it
  pid=$!
  if [ "${moment%%:*}" = writing ]; then
    while kill -0 "$pid" 2>/dev/null && ! partial_iso; do sleep 0.02; done
  fi
  sleep "${moment#*:}"
  writing=0; partial_iso && writing=1
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  [ "$writing" = 1 ] && partial_iso && killed_while_writing=$((killed_while_writing + 1))
  if [ -e "$work/kill.iso" ]; then
    "$ssmix" verify "$work/kill.iso" >/dev/null 2>&1 || fail "kill -9 ($moment): kill.iso exists but is not a complete disc"
  fi
done
echo "kill -9: $killed_while_writing of 4 kills landed while the image was being written"
[ "$killed_while_writing" -gt 0 ] || fail "kill -9: no kill landed while the image was being written"
"$ssmix" pack --dicom "$dicom/CT" -o "$work/kill.iso" >/dev/null 2>&1 || fail "kill -9: the run after could not pack"
[ -z "$(find "$work" -maxdepth 1 -name '.*partial*')" ] || fail "kill -9: partial files of killed runs were not cleared"
rm -rf "$big"

[ "$failures" = 0 ] && echo "pack errors: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
