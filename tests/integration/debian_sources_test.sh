#!/usr/bin/env bash
# tests/integration/debian_sources_test.sh — the source-package fetch of build-wasm-deps.sh
# (scripts/lib/debian-sources.sh) against the real Debian archive: a version that cannot be
# fetched is skipped for the next one, a version once fetched is not fetched again, and when
# nothing can be fetched the error names the package, every version tried and apt's words.
# Needs the deb-src entry scripts/setup-debian.sh adds, and the network to the archive.
set -uo pipefail
repo=$1 work=$2
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

log() { echo "debian-sources: $*" >&2; }
# shellcheck source=../../scripts/lib/debian-sources.sh
. "$repo/scripts/lib/debian-sources.sh"

# Debian's ordering (from deb-version(7)): the epoch wins, '~' sorts before anything, even
# the end of the version, and a revision makes a version newer than none.
sorted=$(sort_versions_newest_first 1.0 1:0.5 2.0~rc1 2.0 2.0-1 | tr '\n' ' ')
[ "$sorted" = "1:0.5 2.0-1 2.0 2.0~rc1 1.0 " ] || fail "version order: got '$sorted'"

# The order tried for zlib: the candidate (what `apt-get source zlib` would fetch) first,
# then every other version the index lists.
mapfile -t versions < <(source_versions zlib)
[ ${#versions[@]} -ge 1 ] || fail "zlib: no versions listed (deb-src entry missing?)"
candidate_dsc=$(apt-get source --print-uris zlib 2>/dev/null | awk '/\.dsc/ {print $2; exit}')
[ "zlib_${versions[0]#*:}.dsc" = "$candidate_dsc" ] || fail "zlib: first version ${versions[0]} is not the candidate $candidate_dsc"
listed=$(apt-cache showsrc zlib | awk '$1 == "Version:" {print $2}' | sort -u | tr '\n' ' ')
[ "$(printf '%s\n' "${versions[@]}" | sort -u | tr '\n' ' ')" = "$listed" ] || fail "zlib: versions '${versions[*]}' are not the index's '$listed'"

# A candidate that cannot be fetched is skipped, the next version is fetched and named.
cache="$work/sources"
used=$(fetch_source_package zlib "$cache" 0.0~fake-1 "${versions[@]}" 2>"$work/fallback.log")
status=$?
[ $status = 0 ] || fail "fallback: exit status $status"
printf '%s\n' "${versions[@]}" | grep -qxF -- "$used" || fail "fallback: used '$used', not one of the real versions"
grep -q "zlib 0.0~fake-1: could not be downloaded: E: Can not find version '0.0~fake-1'" "$work/fallback.log" \
  || fail "fallback: the skipped version and apt's reason are not reported"
grep -q "zlib: using $used, because 0.0~fake-1" "$work/fallback.log" || fail "fallback: no line saying which version was used and why"
dir=$(source_cache_dir "$cache" zlib "$used")
ls "$dir"/zlib_*.dsc >/dev/null 2>&1 || fail "fallback: no .dsc in $dir"
# dpkg-source checks every file against the .dsc's checksums while unpacking.
(cd "$work" && dpkg-source -x "$(ls "$dir"/*.dsc)" unpacked >/dev/null 2>&1) || fail "fallback: the download does not unpack"
[ -f "$work/unpacked/zlib.h" ] || fail "fallback: unpacked zlib has no zlib.h"
[ -z "$(find "$cache" -name '*.partial.*')" ] || fail "fallback: a partial download was left behind"

# Fetched once, found again without downloading (the cache answers before apt is asked).
mkdir -p "$work/no-apt"
printf '#!/bin/sh\necho "apt-get must not run" >&2\nexit 99\n' >"$work/no-apt/apt-get"; chmod +x "$work/no-apt/apt-get"
again=$(PATH="$work/no-apt:$PATH" fetch_source_package zlib "$cache" "$used" 2>"$work/again.log")
[ "$again" = "$used" ] || fail "cached: apt-get was needed for a version already downloaded ($(cat "$work/again.log"))"

# Nothing fetchable: exit 1, the package, every version tried and apt's own messages.
if fetch_source_package zlib "$work/none" 0.0~fake-1 0.0~fake-2 >"$work/none.out" 2>"$work/none.log"; then
  fail "nothing fetchable: exit status 0"
fi
grep -q "zlib: no version could be downloaded (tried: 0.0~fake-1 0.0~fake-2)" "$work/none.log" || fail "nothing fetchable: the versions tried are not named"
grep -q "E: Can not find version '0.0~fake-2' of package 'zlib'" "$work/none.log" || fail "nothing fetchable: apt's message is not shown"
[ ! -s "$work/none.out" ] || fail "nothing fetchable: a version was printed"

# The CI check: starts from the version a cache was built from, falls back like the build,
# and leaves nothing behind.
before=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'tmp.*' | sort)
checked=$(check_source_package zlib 0.0~fake-9 2>"$work/check.log")
[ $? = 0 ] || fail "check: exit status"
printf '%s\n' "${versions[@]}" | grep -qxF -- "$checked" || fail "check: '$checked' is not a real version"
grep -q "0.0~fake-9" "$work/check.log" || fail "check: the built version that failed is not named"
[ "$before" = "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'tmp.*' | sort)" ] || fail "check: its temporary folder was left"

[ "$failures" = 0 ] && echo "debian sources: all passed"
[ "$failures" = 0 ]
