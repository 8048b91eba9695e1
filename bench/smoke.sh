#!/usr/bin/env bash
# bench/smoke.sh RUN_SH SIZE — one benchmark at a tiny size (ctest -L bench-smoke): it must run
# to the end and print its ratios against its baseline. Its figures mean nothing at this size.
set -uo pipefail
out=$(bash "$1" "$2" 2>&1)
status=$?
printf '%s\n' "$out" | tail -n 12
[ "$status" -eq 0 ] || { echo "FAIL: $1 $2 exited with $status"; exit 1; }
printf '%s\n' "$out" | grep -Eq '[0-9]x\b|ratio' || { echo "FAIL: $1 $2 printed no ratio"; exit 1; }
