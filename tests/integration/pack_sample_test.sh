#!/usr/bin/env bash
# tests/integration/pack_sample_test.sh — packs the sample patient's DICOM studies and checks
# the disc tree: layout, level-1 names, the bundle manifest against the files, --json output.
# Leaves the tree in OUT for the browser tests.
set -euo pipefail
ssmix=$1 dicom=$2 out=$3
rm -rf "$out"
mkdir -p "$(dirname "$out")"

json=$("$ssmix" pack --dicom "$dicom" --tree "$out" --json)
python3 - "$out" "$dicom" "$json" <<'PY'
import hashlib, json, os, re, sys, zlib, base64
out, dicom, report = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
def fail(msg):
    print("FAIL:", msg); sys.exit(1)

if not report["ok"]: fail("pack reported problems: %s" % report["diagnostics"])
if report["patient"] != "9999013": fail("patient %r" % report["patient"])
inputs = sum(len(files) for _, _, files in os.walk(dicom) if files) - (1 if os.path.exists(os.path.join(dicom, ".complete")) else 0)
if report["dicom"]["instances"] != inputs: fail("%d instances packed, %d in the input" % (report["dicom"]["instances"], inputs))
if (report["dicom"]["studies"], report["dicom"]["series"]) != (3, 3): fail("studies/series %r" % report["dicom"])

for required in ["INDEX.HTM", "VIEWER/VIEWER.JS", "VIEWER/DATA/MANIFEST.JS"]:
    if not os.path.isfile(os.path.join(out, required)): fail("missing " + required)

level1 = re.compile(r"^[A-Z0-9_]{1,8}(\.[A-Z0-9_]{1,3})?$")
files = []
for root, dirs, names in os.walk(out):
    for part in dirs + names:
        if not level1.match(part): fail("not an ISO 9660 level-1 name: " + os.path.join(root, part))
    for name in names:
        files.append(os.path.relpath(os.path.join(root, name), out))
if any(f.upper().startswith("AUTORUN") for f in files): fail("AUTORUN file on the disc")

manifest_text = open(os.path.join(out, "VIEWER/DATA/MANIFEST.JS"), encoding="ascii").read()
m = re.fullmatch(r"var SSMIX_MANIFEST = (\{.*\});\n", manifest_text, re.S)
if not m: fail("MANIFEST.JS is not a single assignment")
manifest = json.loads(m.group(1))
chunks = []
for i, size in enumerate(manifest["chunks"]):
    text = open(os.path.join(out, "VIEWER/DATA/D%07d.JS" % i), encoding="ascii").read()
    cm = re.fullmatch(r'ssmixChunk\(%d,"([A-Za-z0-9+/=]*)"\);\n' % i, text)
    if not cm: fail("chunk %d is not a single ssmixChunk call" % i)
    payload = base64.b64decode(cm.group(1))
    if len(payload) != size: fail("chunk %d has %d bytes, manifest says %d" % (i, len(payload), size))
    chunks.append(payload)
stream_all = b"".join(chunks)
starts = [sum(manifest["chunks"][:i]) for i in range(len(chunks))]
dicom_on_disc = sorted(f for f in files if f.startswith("DICOM/"))
bundled = sorted(e["path"] for e in manifest["files"])
if bundled != dicom_on_disc: fail("bundle files %s differ from DICOM files on the disc %s" % (bundled[:3], dicom_on_disc[:3]))
for e in manifest["files"]:
    start = starts[e["chunk"]] + e["offset"]
    data = zlib.decompress(stream_all[start:start + e["stored"]])
    on_disc = open(os.path.join(out, e["path"]), "rb").read()
    if data != on_disc: fail("bundle copy of %s differs from the file" % e["path"])
    if hashlib.sha256(data).hexdigest() != e["sha256"] or len(data) != e["size"]: fail("checksum/size of " + e["path"])
print("pack sample: %d files, %d chunks, all checks passed" % (len(files), len(chunks)))
PY

# Packing again replaces the earlier tree (same content, no leftovers beside it).
"$ssmix" pack --dicom "$dicom" --tree "$out" >/dev/null
leftovers=$(find "$(dirname "$out")" -maxdepth 1 -name ".$(basename "$out").*" | wc -l)
[ "$leftovers" = 0 ] || { echo "FAIL: staging folders left beside the tree"; exit 1; }
