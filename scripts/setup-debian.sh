#!/usr/bin/env bash
# Installs, on Debian 12 as root, every package SS-MIX Carry needs to build, test and run.
# Idempotent: re-running only installs what is missing. Adds a deb-src entry because the
# WebAssembly dependencies are built from Debian *source* packages (see cmake/wasm-deps.sh).
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-debian.sh: run as root (it calls apt-get)" >&2
  exit 2
fi

src_list=/etc/apt/sources.list.d/ssmix-carry-src.sources
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  cat > "$src_list" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

packages=(
  # native build
  build-essential cmake ninja-build pkg-config git dpkg-dev
  libdcmtk-dev dcmtk libpugixml-dev zlib1g-dev doctest-dev libisofs-dev libburn-dev libopenjp2-7-dev
  libcli11-dev nlohmann-json3-dev libasio-dev libtomlplusplus-dev
  # sanitizers and fuzzing (clang's runtime)
  clang lld libclang-rt-14-dev
  # WebAssembly build
  emscripten
  # font subset embedded in the viewer
  fonts-noto-cjk python3-fonttools
  # browser tests
  chromium firefox-esr xvfb xauth xdotool gir1.2-gtk-3.0 nodejs
  # third-party checkers and peers used by tests: XML schema, ISO listings, DICOM validation,
  # an independent DICOM decoder (GDCM) and reader (pydicom), real PACS (Orthanc; dcmqrscp is in dcmtk)
  # (and an HTJ2K encoder, OpenJPH, for test files nothing else can make); strace records the
  # system calls that prove each flush happens before the acknowledgement (durability test)
  libxml2-utils xorriso dicom3tools genisoimage libgdcm-tools python3-pydicom orthanc openjph-tools strace
  # baselines the benchmarks compare with
  python3-hl7 bc pigz xsltproc
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

need_update=0
[ ${#missing[@]} -gt 0 ] && need_update=1
# apt-get source needs the Sources index even when every binary package is present.
ls /var/lib/apt/lists/*_Sources >/dev/null 2>&1 || need_update=1
if [ "$need_update" = 1 ]; then
  apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-debian.sh: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup-debian.sh: all packages present"
