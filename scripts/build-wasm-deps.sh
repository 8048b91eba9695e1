#!/usr/bin/env bash
# Builds the WebAssembly dependencies of the viewer (zlib, pugixml, DCMTK 3.6.7 and the Dear
# ImGui 1.86 sources) from their Debian *source* packages with Debian's Emscripten, into a
# cache outside the clone:  ${SSMIX_CACHE:-~/.cache/ssmix}/wasm-deps/<key>
# The key hashes the emcc version, the source package versions, the flags, the recipe number
# below and the patches, so a change to any of them rebuilds, and an unchanged machine reuses
# the cache.
# Prints the prefix on the last line of stdout. No Emscripten ports (they need the internet).
# Notes on every step: ../shared/research/toolchain.md (measured on this kind of machine).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
wasm_dir="$repo/cmake/wasm"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

log() { echo "wasm-deps: $*" >&2; }

command -v emcc >/dev/null || { log "emcc not found: run scripts/setup-debian.sh first"; exit 2; }

# One exception policy for every wasm object: JS-based C++ exceptions. CharLS throws on
# corrupt JPEG-LS; without exception support that throw would abort the whole viewer.
# (-fwasm-exceptions is smaller, but relies on the legacy wasm EH instructions that
# browsers may drop one day; a disc must still open in ten years.)
opt_flags="-O2 -DNDEBUG -fexceptions"
# Bump when a change to the steps below changes what gets built (comments and messages don't).
recipe=1

emcc_version=$(emcc --version | head -n 1)
package_versions=$(cd /tmp && apt-get source --print-uris dcmtk imgui pugixml zlib 2>/dev/null \
  | awk '/\.dsc/ {print $2}' | sort | tr '\n' ' ')
[ -n "$package_versions" ] || { log "apt-get source knows no dcmtk/imgui/pugixml/zlib: is there a deb-src entry? (scripts/setup-debian.sh adds one)"; exit 1; }

key_input="$recipe|$emcc_version|$package_versions|$opt_flags|$(cat "$wasm_dir"/patches/*.patch "$wasm_dir"/dcmtk-try-run-results.cmake | sha256sum)"
key=$(printf '%s' "$key_input" | sha256sum | cut -c1-16)
cache_root=${SSMIX_CACHE:-$HOME/.cache/ssmix}/wasm-deps
prefix="$cache_root/$key"

if [ -f "$prefix/.complete" ]; then
  log "cached: $prefix"
  echo "$prefix"
  exit 0
fi

log "building into $prefix ($package_versions; $emcc_version)"
work="$cache_root/$key.building.$$"
rm -rf "$work"
mkdir -p "$work/src" "$work/prefix"
trap 'rm -rf "$work"' EXIT
out="$work/prefix"
jobs=$(nproc)
started=$(date +%s)

# --- sources -------------------------------------------------------------------------------
(cd "$work/src" && apt-get source -qq dcmtk imgui pugixml zlib >/dev/null 2>&1) \
  || { log "apt-get source failed"; exit 1; }
src_dcmtk=$(ls -d "$work"/src/dcmtk-*/)
src_imgui=$(ls -d "$work"/src/imgui-*/)
src_pugixml=$(ls -d "$work"/src/pugixml-*/)
src_zlib=$(ls -d "$work"/src/zlib-*/)
patch -d "$src_dcmtk" -p1 -s < "$wasm_dir/patches/dcmtk-arith-wasm.patch"
patch -d "$src_imgui" -p1 -s < "$wasm_dir/patches/imgui-glfw-deltatime.patch"

# --- zlib: its CMake build needs win32/zlib1.rc, which the dfsg tarball drops ---------------
log "zlib"
cp -a "$src_zlib" "$work/zlib-build"
(cd "$work/zlib-build" \
  && CFLAGS="$opt_flags" emconfigure ./configure --static --prefix="$out" >/dev/null \
  && emmake make -j"$jobs" install >/dev/null 2>&1) || { log "zlib build failed"; exit 1; }

# --- pugixml ---------------------------------------------------------------------------------
log "pugixml"
emcmake cmake -S "$src_pugixml" -B "$work/pugixml-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="$opt_flags" -DCMAKE_INSTALL_PREFIX="$out" -DBUILD_SHARED_LIBS=OFF \
  -DPUGIXML_NO_EXCEPTIONS=ON >/dev/null
cmake --build "$work/pugixml-build" -j"$jobs" >/dev/null
cmake --install "$work/pugixml-build" >/dev/null

# --- DCMTK -----------------------------------------------------------------------------------
# Configure runs ~400 checks, each an emcc link (~8 min). A seed of their answers, made from a
# cold configure with the same emcc, cuts that to seconds; without one we run cold and write
# a fresh seed next to the result (commit it as cmake/wasm/<name> to speed up later builds).
seed_name="dcmtk-configure-seed-emcc-$(emcc -dumpversion).cmake"
seed_args=()
if [ -f "$wasm_dir/$seed_name" ]; then
  seed_args=(-C "$wasm_dir/$seed_name")
  log "DCMTK configure (seeded by cmake/wasm/$seed_name)"
else
  log "DCMTK configure (cold, no seed for this emcc: about 8 minutes)"
fi
dcmtk_build="$work/dcmtk-build"
emcmake cmake -S "$src_dcmtk" -B "$dcmtk_build" -G Ninja \
  -C "$wasm_dir/dcmtk-try-run-results.cmake" "${seed_args[@]}" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_FLAGS_RELEASE="$opt_flags" -DCMAKE_CXX_FLAGS_RELEASE="$opt_flags" \
  -DCMAKE_INSTALL_PREFIX="$out" -DCMAKE_INSTALL_DATADIC=share/dcmtk \
  -DDCMTK_MODULES="ofstd;oflog;dcmdata;dcmimgle;dcmimage;dcmjpeg;dcmjpls" \
  -DBUILD_APPS=OFF -DBUILD_SHARED_LIBS=OFF -DDCMTK_WITH_THREADS=OFF -DDCMTK_WITH_OPENSSL=OFF \
  -DDCMTK_WITH_ICONV=OFF -DDCMTK_WITH_STDLIBC_ICONV=OFF -DDCMTK_WITH_ICU=OFF -DDCMTK_WITH_XML=OFF \
  -DDCMTK_WITH_PNG=OFF -DDCMTK_WITH_TIFF=OFF -DDCMTK_WITH_SNDFILE=OFF -DDCMTK_WITH_WRAP=OFF \
  -DDCMTK_WITH_OPENJPEG=OFF -DDCMTK_WITH_DOXYGEN=OFF -DDCMTK_ENABLE_MANPAGES=OFF \
  -DDCMTK_WITH_ZLIB=ON -DZLIB_INCLUDE_DIR="$out/include" -DZLIB_LIBRARY="$out/lib/libz.a" \
  -DDCMTK_DEFAULT_DICT=builtin -DDCMTK_USE_DCMDICTPATH=OFF -DDCMTK_ENABLE_CXX11=ON \
  -DDCMTK_ENABLE_STL=ON >"$work/dcmtk-configure.log" 2>&1 \
  || { tail -30 "$work/dcmtk-configure.log" >&2; log "DCMTK configure failed"; exit 1; }

if [ ${#seed_args[@]} -eq 0 ]; then
  # Keep only the answers of the platform checks; paths, module lists and CMake's own entries
  # differ per run and must not be carried over.
  grep -E '^(HAVE_|SIZEOF_|C_CHAR_|C_RAND|SIZE_T_|SSIZE_T|DCMTK_HAVE_|DCMTK_LFS)[A-Za-z0-9_]*:INTERNAL=' \
    "$dcmtk_build/CMakeCache.txt" | grep -v '=/' \
    | sed -E 's/^([A-Za-z0-9_]+):INTERNAL=(.*)$/set(\1 "\2" CACHE INTERNAL "")/' > "$out/$seed_name"
  log "wrote a configure seed: $out/$seed_name"
fi

# arith.h is normally produced by a try_run; build the (patched) probe for wasm and run it.
log "DCMTK arith.h"
em++ -sNODERAWFS=1 -I"$dcmtk_build/config/include" -I"$src_dcmtk/ofstd/include" \
  -I"$src_dcmtk/ofstd/libsrc" "$src_dcmtk/config/tests/arith.cc" -o "$work/arith.js"
node --no-experimental-fetch "$work/arith.js" "$dcmtk_build/config/include/dcmtk/config/arith.h" >/dev/null

log "DCMTK build (about 4 minutes on 2 cores)"
cmake --build "$dcmtk_build" -j"$jobs" >"$work/dcmtk-build.log" 2>&1 \
  || { tail -30 "$work/dcmtk-build.log" >&2; log "DCMTK build failed"; exit 1; }
cmake --install "$dcmtk_build" >/dev/null

# --- Dear ImGui: sources only; the viewer's CMake compiles the files it needs ----------------
mkdir -p "$out/src/imgui"
cp -a "$src_imgui"/*.cpp "$src_imgui"/*.h "$src_imgui/backends" "$src_imgui/LICENSE.txt" "$out/src/imgui/"

cat > "$out/versions.txt" <<EOF
key $key
emcc $emcc_version
packages $package_versions
flags $opt_flags
built $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(( $(date +%s) - started )) s
EOF
touch "$out/.complete"
rm -rf "$prefix"
mv "$out" "$prefix"
log "done in $(( $(date +%s) - started )) s: $prefix"
echo "$prefix"
