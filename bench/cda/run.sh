#!/usr/bin/env bash
# CDA read + render benchmark (issue: CDA R2). A large document (bench/cda/make_document.py,
# 8 MB or $1 MB: big narrative tables with a coded entry per row) read and rendered by
# `ssmix cda render` (HTML, then text) against libxml2 merely parsing it (`xmllint --noout`)
# and xsltproc applying a small narrative-to-HTML stylesheet (HL7's CDA.xsl is not packaged for
# Debian and the machine has no internet). Every program runs 3 times in this run as a whole
# process; the best time counts; ratios are printed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
megabytes=${1:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in xmllint xsltproc; do command -v $tool >/dev/null || { echo "needs $tool: apt-get install libxml2-utils xsltproc" >&2; exit 2; }; done
cmake --build "$build" --target ssmix >&2

doc="$work/large.xml"
python3 "$here/make_document.py" "$doc" "$megabytes"
cat "$doc" >/dev/null   # into the page cache for everyone

python3 - "$build/bin/ssmix" "$doc" "$here/narrative.xsl" "$work" <<'PY'
import os, subprocess, sys, time
ssmix, doc, xsl, work = sys.argv[1:5]
size = os.path.getsize(doc) / 1e6
def best(cmd):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)
runs = [("xmllint --noout (libxml2 parse only; baseline)", ["xmllint", "--noout", "--huge", doc]),
        ("xsltproc narrative -> HTML", ["xsltproc", "--huge", "-o", os.path.join(work, "x.html"), xsl, doc]),
        ("ssmix cda render (HTML)", [ssmix, "cda", "render", doc, "-o", os.path.join(work, "s.html")]),
        ("ssmix cda render --format text", [ssmix, "cda", "render", doc, "--format", "text", "-o", os.path.join(work, "s.txt")])]
results = [(name, best(cmd)) for name, cmd in runs]
print("CDA read + render benchmark: one document of %.1f MB" % size)
print("%-50s %10s %12s %10s" % ("", "seconds", "documents/s", "MB/s"))
for name, s in results:
    print("%-50s %10.3f %12.2f %10.1f" % (name, s, 1 / s, size / s))
base, xslt = results[0][1], results[1][1]
print()
for name, s in results[2:]:
    print("%-32s vs libxml2 parse only: %5.2fx the time;  vs xsltproc: %5.2fx faster" % (name, s / base, xslt / s))
PY
