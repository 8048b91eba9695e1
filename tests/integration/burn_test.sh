#!/usr/bin/env bash
# tests/integration/burn_test.sh — `ssmix burn` against libburn's stdio: pseudo drive: a real
# burn gives a byte-identical disc that ssmix verify and xorriso read; --dummy writes nothing;
# a damaged image, a non-image and a missing drive are refused with the reason; so is a disc
# that is not blank (a file that has data, a block device that has data) and a disc too small
# (a 4 MiB loop device: libburn gives a stdio: block device its size as capacity), each named,
# with nothing written. (Loop devices need root, as scripts/setup-debian.sh does.)
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

# Not blank: a file that already holds data (libburn itself calls any stdio: file blank).
head -c 100000 /dev/urandom >"$work/used.img"; cp "$work/used.img" "$work/used.before"
for dummy in "" --dummy; do
  "$ssmix" burn "$work/disc.iso" --device "stdio:$work/used.img" $dummy >"$work/out" 2>&1
  [ $? = 1 ] || fail "used file $dummy: exit status"
  grep -q "stdio:$work/used.img is not blank" "$work/out" || fail "used file $dummy: message: $(cat "$work/out")"
  cmp -s "$work/used.img" "$work/used.before" || fail "used file $dummy: it was written"
done

# Block devices (loop devices on small files): not blank, and too small.
loops=()
loop() {   # sets $device to a new loop device on file $1
  device=$(losetup -f --show "$1" 2>"$work/losetup.err") || { fail "cannot make a loop device: $(cat "$work/losetup.err")"; return 1; }
  loops+=("$device")
}
trap 'for d in "${loops[@]}"; do losetup -d "$d"; done' EXIT
size=$(stat -c %s "$work/disc.iso")
truncate -s $((size + 4 * 1048576)) "$work/used-device.bin"
printf 'ISO' | dd of="$work/used-device.bin" bs=1 seek=40000 conv=notrunc status=none
if loop "$work/used-device.bin"; then
  "$ssmix" burn "$work/disc.iso" --device "stdio:$device" >"$work/out" 2>&1
  [ $? = 1 ] || fail "used device: exit status"
  grep -q "stdio:$device is not blank: the device already holds data" "$work/out" || fail "used device: message: $(cat "$work/out")"
fi
truncate -s 4M "$work/small-device.bin"
if loop "$work/small-device.bin"; then
  "$ssmix" burn "$work/disc.iso" --device "stdio:$device" >"$work/out" 2>&1
  [ $? = 1 ] || fail "small device: exit status"
  grep -q "stdio:$device is too small: it holds 4 MiB, the image needs $(( (size + 524288) / 1048576 )) MiB" "$work/out" \
    || fail "small device: message: $(cat "$work/out")"
  [ -z "$(tr -d '\0' <"$work/small-device.bin" | head -c 1)" ] || fail "small device: data was written"
fi
# The same device large enough and blank: burnt and read back.
truncate -s $((size + 4 * 1048576)) "$work/big-device.bin"
if loop "$work/big-device.bin"; then
  "$ssmix" burn "$work/disc.iso" --device "stdio:$device" >"$work/out" 2>&1 || fail "blank device: $(cat "$work/out")"
  cmp -s -n "$size" "$work/disc.iso" "$work/big-device.bin" || fail "blank device: the written disc differs from the image"
fi

# No such drive.
"$ssmix" burn "$work/disc.iso" --device /dev/ssmix-no-such-drive >"$work/out" 2>&1
[ $? = 1 ] || fail "no drive: exit status"
grep -q "/dev/ssmix-no-such-drive" "$work/out" || fail "no drive: the device is not named"

[ "$failures" = 0 ] && echo "burn: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
