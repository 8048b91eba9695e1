#!/usr/bin/env bash
# tests/integration/check_codes_test.sh — every finding code `ssmix check` can emit has a unit
# test: reads the codes out of the sources the checker runs (its own, and the HL7 parser, the
# ISO-2022-JP decoder, classification, care date and message rules it passes findings on from)
# and looks for each in tests/unit/ssmix2/storage_check_test.cpp. Also the other way: a code the
# unit test names must still exist. A new code without a test fails here.
set -uo pipefail
src=$1
test_file=$src/tests/unit/ssmix2/storage_check_test.cpp
sources=(
  core/ssmix2/storage_check.cpp core/ssmix2/message_rules.cpp core/ssmix2/classify.cpp core/ssmix2/plan.cpp
  core/hl7/parser.cpp core/text/iso2022jp_decode.cpp
)
# Codes in those files that `ssmix check` cannot emit, each with the reason.
declare -A not_from_check=(
  [ssmix2.patient.missing]="plan_storage (ingest) only; check reads PID-3 itself (check.content.patient)"
  [ssmix2.patient.unsafe]="plan_storage (ingest) only"
  [ssmix2.order.sanitized]="plan_storage (ingest) only"
  [ssmix2.timestamp.invalid]="plan_storage (ingest) only: MSH-7; check reads the name's timestamp (check.name.timestamp)"
  [hl7.too_large]="a message over 1 GiB; not worth a gigabyte in a unit test"
)
failures=0
codes=$(cd "$src" && grep -ohE '"(check|hl7|text|ssmix2)\.[a-z0-9_]+(\.[a-z0-9_]+)*"' "${sources[@]}" | tr -d '"' | sort -u)
[ -n "$codes" ] || { echo "FAIL: no codes found in the sources"; exit 1; }
count=0
for code in $codes; do
  if [ -n "${not_from_check[$code]:-}" ]; then
    echo "not tested: $code (${not_from_check[$code]})"
    continue
  fi
  count=$((count + 1))
  grep -q "add(\"$code\"" "$test_file" || { echo "FAIL: finding code $code has no case in storage_check_test.cpp"; failures=1; }
done
for code in $(grep -ohE 'add\("[a-z0-9_.]+"' "$test_file" | sed 's/add("//; s/"$//' | sort -u); do
  grep -qx "$code" <<<"$codes" || { echo "FAIL: storage_check_test.cpp tests $code, which no source emits"; failures=1; }
done
for code in "${!not_from_check[@]}"; do
  grep -qx "$code" <<<"$codes" || { echo "FAIL: the exception for $code names a code no source has"; failures=1; }
done
[ "$failures" = 0 ] && echo "check codes: all $count codes have a unit test"
exit $((failures > 0))
