#!/usr/bin/env bash
# Builds the WebAssembly dependencies of the viewer (zlib, pugixml, OpenJPEG 2.5, DCMTK 3.6.7
# with dcmsr, and the Dear ImGui 1.86 sources) from their Debian *source* packages with
# Debian's Emscripten, into a cache outside the clone:  ${SSMIX_CACHE:-~/.cache/ssmix}/wasm-deps/<key>
# The key hashes the emcc version, the source package versions, the flags, the recipe number
# below and the patches, so a change to any of them rebuilds, and an unchanged machine reuses
# the cache.
# Each source package is fetched as its candidate version, or, when the archive does not serve
# that version's files (a security update listed before its files reach the mirror), as the
# newest other version that downloads (scripts/lib/debian-sources.sh; one line per fallback).
# Downloaded sources are kept in <cache>/wasm-deps/sources/, and the key is made from the
# versions actually built, so a fallback build is found again, and rebuilt once the newer
# version downloads.
#   --check-sources   only check that every source package (the version the cache is built
#                     from, or a fallback) still downloads, into a temporary folder (CI)
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

cache_root=${SSMIX_CACHE:-$HOME/.cache/ssmix}/wasm-deps
source_cache="$cache_root/sources"
# shellcheck source=lib/debian-sources.sh
. "$here/lib/debian-sources.sh"

# --- which version of each source package: the candidate, or the newest that downloads ------
packages=(dcmtk imgui openjpeg2 pugixml zlib)
declare -A version_of
for package in "${packages[@]}"; do
  mapfile -t versions < <(source_versions "$package")
  if [ ${#versions[@]} -eq 0 ]; then
    log "apt knows no source package '$package': is there a deb-src entry? (scripts/setup-debian.sh adds one; then apt-get update)"
    exit 1
  fi
  version_of[$package]=$(fetch_source_package "$package" "$source_cache" "${versions[@]}") || exit 1
done

if [ "${1:-}" = --check-sources ]; then
  # CI: what a cold machine would download must still download, whatever this machine's
  # cache holds. Each package is fetched again into a temporary folder, starting with the
  # version the cache is built from.
  status=0
  for package in "${packages[@]}"; do
    if fetched=$(check_source_package "$package" "${version_of[$package]}"); then
      log "$package ${version_of[$package]} (built): $fetched downloads"
    else
      status=1
    fi
  done
  exit $status
fi

package_versions=$(for p in "${packages[@]}"; do printf '%s=%s ' "$p" "${version_of[$p]}"; done)
emcc_version=$(emcc --version | head -n 1)
key_input="$recipe|$emcc_version|$package_versions|$opt_flags|$(cat "$wasm_dir"/patches/*.patch "$wasm_dir"/dcmtk-try-run-results.cmake | sha256sum)"
key=$(printf '%s' "$key_input" | sha256sum | cut -c1-16)
prefix="$cache_root/$key"

if [ -f "$prefix/.complete" ]; then
  log "cached: $prefix ($package_versions)"
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

# --- sources: unpacked from the downloaded .dsc (dpkg-source checks the files' checksums
# against it and applies Debian's patches) ------------------------------------------------------
for package in "${packages[@]}"; do
  dir=$(source_cache_dir "$source_cache" "$package" "${version_of[$package]}")
  dsc=$(ls "$dir"/*.dsc)
  (cd "$work/src" && dpkg-source -x "$dsc" >"$work/unpack-$package.log" 2>&1) \
    || { cat "$work/unpack-$package.log" >&2; log "$package: could not unpack $dsc"; exit 1; }
done
src_dcmtk=$(ls -d "$work"/src/dcmtk-*/)
src_imgui=$(ls -d "$work"/src/imgui-*/)
src_pugixml=$(ls -d "$work"/src/pugixml-*/)
src_zlib=$(ls -d "$work"/src/zlib-*/)
src_openjpeg=$(ls -d "$work"/src/openjpeg2-*/)
patch -d "$src_dcmtk" -p1 -s < "$wasm_dir/patches/dcmtk-arith-wasm.patch"
patch -d "$src_imgui" -p1 -s < "$wasm_dir/patches/imgui-glfw-deltatime.patch"

# Runs a step with its output in $work/<name>.log; on failure shows the log's end and stops.
step() {
  local name=$1; shift
  "$@" >>"$work/$name.log" 2>&1 || { tail -30 "$work/$name.log" >&2; log "$name failed: $*"; exit 1; }
}

# --- zlib: its CMake build needs win32/zlib1.rc, which the dfsg tarball drops ---------------
log "zlib"
cp -a "$src_zlib" "$work/zlib-build"
step zlib bash -c "cd '$work/zlib-build' && CFLAGS='$opt_flags' emconfigure ./configure --static --prefix='$out' && emmake make -j$jobs install"

# --- pugixml ---------------------------------------------------------------------------------
log "pugixml"
step pugixml emcmake cmake -S "$src_pugixml" -B "$work/pugixml-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="$opt_flags" -DCMAKE_INSTALL_PREFIX="$out" -DBUILD_SHARED_LIBS=OFF \
  -DPUGIXML_NO_EXCEPTIONS=ON
step pugixml cmake --build "$work/pugixml-build" -j"$jobs"
step pugixml cmake --install "$work/pugixml-build"

# --- OpenJPEG: the library only (its codec programs would want libpng, libtiff, lcms2) ----------
log "openjpeg"
step openjpeg emcmake cmake -S "$src_openjpeg" -B "$work/openjpeg-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_FLAGS_RELEASE="$opt_flags" -DCMAKE_INSTALL_PREFIX="$out" -DBUILD_SHARED_LIBS=OFF -DBUILD_STATIC_LIBS=ON \
  -DBUILD_CODEC=OFF -DBUILD_TESTING=OFF -DBUILD_PKGCONFIG_FILES=OFF
step openjpeg cmake --build "$work/openjpeg-build" -j"$jobs"
step openjpeg cmake --install "$work/openjpeg-build"

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
step dcmtk-configure emcmake cmake -S "$src_dcmtk" -B "$dcmtk_build" -G Ninja \
  -C "$wasm_dir/dcmtk-try-run-results.cmake" "${seed_args[@]}" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_FLAGS_RELEASE="$opt_flags" -DCMAKE_CXX_FLAGS_RELEASE="$opt_flags" \
  -DCMAKE_INSTALL_PREFIX="$out" -DCMAKE_INSTALL_DATADIC=share/dcmtk \
  -DDCMTK_MODULES="ofstd;oflog;dcmdata;dcmimgle;dcmimage;dcmjpeg;dcmjpls;dcmsr" \
  -DBUILD_APPS=OFF -DBUILD_SHARED_LIBS=OFF -DDCMTK_WITH_THREADS=OFF -DDCMTK_WITH_OPENSSL=OFF \
  -DDCMTK_WITH_ICONV=OFF -DDCMTK_WITH_STDLIBC_ICONV=OFF -DDCMTK_WITH_ICU=OFF -DDCMTK_WITH_XML=OFF \
  -DDCMTK_WITH_PNG=OFF -DDCMTK_WITH_TIFF=OFF -DDCMTK_WITH_SNDFILE=OFF -DDCMTK_WITH_WRAP=OFF \
  -DDCMTK_WITH_OPENJPEG=OFF -DDCMTK_WITH_DOXYGEN=OFF -DDCMTK_ENABLE_MANPAGES=OFF \
  -DDCMTK_WITH_ZLIB=ON -DZLIB_INCLUDE_DIR="$out/include" -DZLIB_LIBRARY="$out/lib/libz.a" \
  -DDCMTK_DEFAULT_DICT=builtin -DDCMTK_USE_DCMDICTPATH=OFF -DDCMTK_ENABLE_CXX11=ON \
  -DDCMTK_ENABLE_STL=ON

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
step dcmtk-arith em++ -sNODERAWFS=1 -I"$dcmtk_build/config/include" -I"$src_dcmtk/ofstd/include" \
  -I"$src_dcmtk/ofstd/libsrc" "$src_dcmtk/config/tests/arith.cc" -o "$work/arith.js"
step dcmtk-arith node --no-experimental-fetch "$work/arith.js" "$dcmtk_build/config/include/dcmtk/config/arith.h"

log "DCMTK build (about 4 minutes on 2 cores)"
step dcmtk-build cmake --build "$dcmtk_build" -j"$jobs"
step dcmtk-build cmake --install "$dcmtk_build"

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
