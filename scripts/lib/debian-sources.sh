# Fetching Debian source packages when the archive's pool lags its index.
# Sourced by scripts/build-wasm-deps.sh (and its test, tests/integration/debian_sources_test.sh).
#
# The Sources index can name a version (typically a security update) whose files the mirror
# does not serve yet (404), while older versions of the same package still download. So a
# package is fetched by trying its candidate version first, then every other version the index
# lists, newest first, until one downloads. Downloaded sources are kept per version in a folder
# (the caller's source cache), so a version fetched once is not fetched again.
#
# Functions write progress to stderr through `log` (define it before sourcing, or the default
# below is used) and results to stdout.

if ! declare -F log >/dev/null; then
  log() { echo "debian-sources: $*" >&2; }
fi

# apt refuses to drop to its sandbox user for a folder that user cannot write; as root we
# download into our own folders, so say so instead of printing a warning for every file.
debian_sources_apt_options=(-o APT::Sandbox::User=root -qq)

# Its arguments sorted by Debian's version rules (epochs, tildes), newest first, one per line.
sort_versions_newest_first() {
  local sorted=() v i
  for v in "$@"; do
    i=${#sorted[@]}
    while [ "$i" -gt 0 ] && dpkg --compare-versions "$v" gt "${sorted[i-1]}"; do
      sorted[i]=${sorted[i-1]}
      i=$((i - 1))
    done
    sorted[i]=$v
  done
  printf '%s\n' "${sorted[@]}"
}

# The versions of source package $1 in the order they should be tried: the one `apt-get
# source` picks by default (the candidate), then the others newest first. One per line, with
# their epoch (`1:1.2.13.dfsg-1`), as `apt-get source pkg=version` wants them.
source_versions() {
  local package=$1 candidate_dsc versions v
  versions=$(apt-cache showsrc "$package" 2>/dev/null \
    | awk -v p="$package" '$1 == "Package:" {name = $2} $1 == "Version:" && name == p {print $2}' | sort -u)
  [ -n "$versions" ] || return 1
  versions=$(sort_versions_newest_first $versions)
  # The candidate: the .dsc `apt-get source` would fetch (its name carries no epoch).
  candidate_dsc=$(cd /tmp && apt-get source --print-uris "$package" 2>/dev/null | awk '/\.dsc/ {print $2; exit}')
  for v in $versions; do
    [ "${package}_${v#*:}.dsc" = "$candidate_dsc" ] && echo "$v"
  done
  for v in $versions; do
    [ "${package}_${v#*:}.dsc" = "$candidate_dsc" ] || echo "$v"
  done
}

# The folder of source cache $1 that holds version $3 of package $2 (colons are not welcome
# in file names on every file system, so the epoch's colon becomes '~').
source_cache_dir() {
  echo "$1/${2}_${3//:/\~}"
}

# Downloads version $2 of source package $1 into folder $3 (created; must not exist).
# On failure prints apt's own error lines on stdout, removes the folder and returns 1.
download_source_version() {
  local package=$1 version=$2 dest=$3 partial output
  partial="$dest.partial.$$"
  rm -rf "$partial"
  mkdir -p "$partial"
  if output=$(cd "$partial" && apt-get source --download-only "${debian_sources_apt_options[@]}" \
      "$package=$version" 2>&1) && ls "$partial"/*.dsc >/dev/null 2>&1; then
    mv "$partial" "$dest"
    return 0
  fi
  rm -rf "$partial"
  printf '%s\n' "$output" | grep -E '^(E|Err):' || printf '%s\n' "$output" | tail -n 3
  return 1
}

# Fetches source package $1 into the source cache folder $2, trying the versions given after
# it in order (from source_versions, or a test's own list). A version already in the cache is
# used without the network; a version that does not download is reported (one line: why) and
# the next one tried. Prints the version used on stdout. If none can be fetched: one error
# naming the package, every version tried and apt's messages, and returns 1.
fetch_source_package() {
  local package=$1 cache=$2; shift 2
  local version dir errors tried=() reasons=""
  mkdir -p "$cache"
  for version in "$@"; do
    dir=$(source_cache_dir "$cache" "$package" "$version")
    if [ -f "$dir/.complete" ]; then
      [ ${#tried[@]} -eq 0 ] || log "$package: using $version (already downloaded) instead of ${tried[*]}"
      echo "$version"
      return 0
    fi
    if errors=$(download_source_version "$package" "$version" "$dir"); then
      touch "$dir/.complete"
      if [ ${#tried[@]} -gt 0 ]; then
        log "$package: using $version, because ${tried[*]} could not be downloaded"
      fi
      echo "$version"
      return 0
    fi
    log "$package $version: could not be downloaded: $(printf '%s' "$errors" | head -n 1)"
    tried+=("$version")
    reasons+="$errors"$'\n'
  done
  log "$package: no version could be downloaded (tried: ${tried[*]:-none listed}). apt said:"
  printf '%s' "$reasons" | sed 's/^/    /' >&2
  return 1
}

# Checks that version $2 of package $1 (or, failing that, one of the others, in the usual
# order) can be downloaded right now, into a temporary folder that is removed afterwards.
# Prints the version that downloaded. Used by CI to keep the cold path honest.
check_source_package() {
  local package=$1 built=$2 scratch version status=0
  scratch=$(mktemp -d)
  local order=("$built")
  while read -r version; do
    [ "$version" = "$built" ] || order+=("$version")
  done < <(source_versions "$package")
  fetch_source_package "$package" "$scratch" "${order[@]}" || status=1
  rm -rf "$scratch"
  return $status
}
