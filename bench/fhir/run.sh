#!/usr/bin/env bash
# FHIR read + render benchmark (issue 15). A large document bundle (bench/fhir/make_bundle.py,
# 10 MB or $1 MB: thousands of laboratory Observations and a narrative table of them) read and
# rendered by `ssmix fhir render` (HTML, then text) against Node's JSON.parse of the same file
# plus a minimal render (baseline.mjs). Every program runs 3 times in this run as a whole
# process; the best time counts; ratios are printed. Peak memory (max RSS) is reported beside
# the file's size.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
megabytes=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v node >/dev/null || { echo "needs node (scripts/setup-debian.sh installs it)" >&2; exit 2; }
cmake --build "$build" --target ssmix >&2

bundle="$work/large.json"
python3 "$here/make_bundle.py" "$bundle" "$megabytes"
cat "$bundle" >/dev/null   # into the page cache for everyone

python3 - "$build/bin/ssmix" "$bundle" "$here/baseline.mjs" "$work" <<'PY'
import os, subprocess, sys, time
ssmix, bundle, baseline, work = sys.argv[1:5]
size = os.path.getsize(bundle) / 1e6
def best(cmd):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit("%s failed: %s" % (" ".join(cmd), done.stderr.decode(errors="replace")[-500:]))
    return min(times)
def peak_mb(cmd):
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss / 1024
runs = [("node JSON.parse + minimal render (baseline)", ["node", baseline, bundle, os.path.join(work, "n.html")]),
        ("ssmix fhir render (HTML)", [ssmix, "fhir", "render", bundle, "-o", os.path.join(work, "s.html")]),
        ("ssmix fhir render --format text", [ssmix, "fhir", "render", bundle, "--format", "text", "-o", os.path.join(work, "s.txt")])]
results = [(name, best(cmd), peak_mb(cmd)) for name, cmd in runs]
print("FHIR read + render benchmark: one bundle of %.1f MB" % size)
print("%-46s %10s %10s %14s" % ("", "seconds", "MB/s", "peak RSS (MB)"))
for name, s, rss in results:
    print("%-46s %10.3f %10.1f %14.0f" % (name, s, size / s, rss))
base = results[0][1]
print()
for name, s, rss in results[1:]:
    print("%-32s vs node: %5.2fx the time, %5.2fx the memory; memory %4.1fx the file" % (name, s / base, rss / results[0][2], rss / size))
PY
