#!/usr/bin/env bash
# Builds everything: installs missing Debian packages (as root), builds the WebAssembly
# dependencies into the cache (once per version/flags), then the native tools, the sample
# data and the viewer with CMake into ./build (or $SSMIX_BUILD_DIR).
# Options are passed to CMake, e.g. scripts/build.sh -DSSMIX_SANITIZE=ON
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${SSMIX_BUILD_DIR:-$repo/build}

step() { echo "==> $*" >&2; }

if [ "$(id -u)" -eq 0 ]; then
  step "Debian packages"
  "$repo/scripts/setup-debian.sh" >&2
fi

step "WebAssembly dependencies (cached in ${SSMIX_CACHE:-$HOME/.cache/ssmix})"
wasm_deps=$("$repo/scripts/build-wasm-deps.sh" | tail -n 1)

step "Configure ($build_dir)"
cmake -S "$repo" -B "$build_dir" -G Ninja -DSSMIX_WASM_DEPS="$wasm_deps" "$@" >/dev/null

step "Build"
cmake --build "$build_dir" -j"$(nproc)"
