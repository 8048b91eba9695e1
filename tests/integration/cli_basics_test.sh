#!/usr/bin/env bash
# tests/integration/cli_basics_test.sh — `ssmix --help`, `--version` and the exit codes of
# DESIGN.md (0 done, 1 data problems, 2 usage).
set -uo pipefail
ssmix=$1
failures=0
expect() {   # expect STATUS DESCRIPTION -- COMMAND...
  local want=$1 what=$2; shift 3
  "$@" >/tmp/ssmix-cli.$$ 2>&1
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; cat /tmp/ssmix-cli.$$; failures=$((failures + 1))
  fi
}
expect 0 "--help" -- "$ssmix" --help
grep -q "pack" /tmp/ssmix-cli.$$ || { echo "FAIL: --help does not list the pack command"; failures=$((failures + 1)); }
expect 0 "--version" -- "$ssmix" --version
grep -Eq '^ssmix [0-9]+\.[0-9]+\.[0-9]+$' /tmp/ssmix-cli.$$ || { echo "FAIL: --version prints '$(cat /tmp/ssmix-cli.$$)'"; failures=$((failures + 1)); }
expect 0 "pack --help" -- "$ssmix" pack --help
grep -q -- "--tree" /tmp/ssmix-cli.$$ || { echo "FAIL: pack --help does not document --tree"; failures=$((failures + 1)); }
expect 2 "no subcommand" -- "$ssmix"
expect 2 "unknown subcommand" -- "$ssmix" frobnicate
expect 2 "unknown option" -- "$ssmix" pack --no-such-option
expect 2 "missing required option" -- "$ssmix" pack --dicom /tmp
rm -f /tmp/ssmix-cli.$$
[ "$failures" = 0 ] && echo "cli basics: all passed"
exit $((failures > 0))   # a count of 256 would wrap to success
