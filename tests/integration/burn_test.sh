#!/usr/bin/env bash
# tests/integration/burn_test.sh — `ssmix burn` against libburn's stdio: pseudo drive: a real
# burn gives a byte-identical disc that ssmix verify and xorriso read; --dummy writes nothing;
# a damaged image, a non-image and a missing drive are refused with the reason.
set -uo pipefail
ssmix=$1 dicom=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$ssmix" pack --dicom "$dicom" -o "$work/disc.iso" >/dev/null 2>&1 || { echo "FAIL: pack"; exit 1; }

# A real burn onto the pseudo drive, read back by libburn, then by ssmix verify and xorriso.
"$ssmix" burn "$work/disc.iso" --device "stdio:$work/burnt.img" --json >"$work/out" 2>"$work/err"
[ $? = 0 ] || fail "burn: exit status: $(cat "$work/err")"
grep -q '"verified": true' "$work/out" || fail "burn: not reported as verified"
cmp -s "$work/disc.iso" "$work/burnt.img" || fail "burn: the written disc differs from the image"
"$ssmix" verify "$work/burnt.img" >/dev/null 2>&1 || fail "burn: ssmix verify rejects the written disc"
xorriso -indev "$work/burnt.img" -find / -type f -name DICOMDIR 2>/dev/null | grep DICOMDIR >/dev/null || fail "burn: xorriso does not see DICOMDIR"

# --dummy: the drive goes through the motions, nothing is written.
"$ssmix" burn "$work/disc.iso" --device "stdio:$work/dummy.img" --dummy >"$work/out" 2>&1
[ $? = 0 ] || fail "dummy: exit status: $(cat "$work/out")"
grep -q "Simulated" "$work/out" || fail "dummy: not reported as simulated"
[ ! -s "$work/dummy.img" ] || fail "dummy: data was written"

# A damaged image (one byte changed inside a file) is never burnt.
cp "$work/disc.iso" "$work/damaged.iso"
offset=$(( $(stat -c %s "$work/damaged.iso") - 300 * 1024 - 5000 ))   # inside the last files, before the tail padding
printf '\x55' | dd of="$work/damaged.iso" bs=1 seek="$offset" conv=notrunc status=none
"$ssmix" burn "$work/damaged.iso" --device "stdio:$work/damaged.img" >"$work/out" 2>&1
[ $? = 1 ] || fail "damaged: exit status"
grep -q "nothing was burnt" "$work/out" || fail "damaged: message: $(cat "$work/out")"
[ ! -s "$work/damaged.img" ] || fail "damaged: data was written"

# Not an image at all.
echo "not a disc" >"$work/text.iso"
"$ssmix" burn "$work/text.iso" --device "stdio:$work/text.img" >"$work/out" 2>&1
[ $? = 1 ] || fail "text: exit status"
grep -q "text.iso" "$work/out" || fail "text: the file is not named"

# No such drive.
"$ssmix" burn "$work/disc.iso" --device /dev/ssmix-no-such-drive >"$work/out" 2>&1
[ $? = 1 ] || fail "no drive: exit status"
grep -q "/dev/ssmix-no-such-drive" "$work/out" || fail "no drive: the device is not named"

[ "$failures" = 0 ] && echo "burn: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
