#!/usr/bin/env bash
# tests/integration/pack_sample_test.sh — packs the sample patient (SS-MIX2 sample storage +
# the generated DICOM studies + a referral letter) into an ISO image and a tree, then checks
# them with ssmix verify and with third-party tools: dciodvfy (every DICOM file and the
# DICOMDIR), dcmdump (transfer syntaxes), xorriso and isoinfo (the image's listing agrees with
# verify's), xmllint (METADATA.XML well-formed, every CDA valid against the CDA R2 schema), plus
# the bundle manifest against the files. Leaves the tree in OUT for the browser tests.
set -euo pipefail
ssmix=$1 storage=$2 dicom=$3 out=$4 letter=$5 schema=$6
work=$(dirname "$out")/pack-sample
rm -rf "$out" "$work" "$out.iso" "$(dirname "$out")/disc-nobundle" "$(dirname "$out")/disc-hostile"
mkdir -p "$work"

"$ssmix" pack --storage "$storage" --patient 9999013 --dicom "$dicom" --document "$letter" -o "$out.iso" --tree "$out" \
  --institution "テスト病院" --json >"$work/report.json"
"$ssmix" verify "$out" --json >"$work/verify-tree.json"
"$ssmix" verify "$out.iso" --json >"$work/verify-iso.json"

# Third-party listings of the image: every file, by the Rock Ridge, Joliet and plain ISO 9660 names.
xorriso -indev "$out.iso" -find / -type f 2>/dev/null | sed "s/^'\/\(.*\)'$/\1/" | sort >"$work/xorriso.txt"
isoinfo -i "$out.iso" -R -l >"$work/isoinfo-rr.txt"
isoinfo -i "$out.iso" -J -l >"$work/isoinfo-joliet.txt"
isoinfo -i "$out.iso" -l >"$work/isoinfo-plain.txt"
isoinfo -i "$out.iso" -d >"$work/isoinfo-d.txt"

# XDM: METADATA.XML well-formed; every CDA on the disc valid against the CDA R2 schema.
xmllint --nonet --noout "$out/IHE_XDM/SUBSET01/METADATA.XML" || { echo "FAIL: METADATA.XML is not well-formed"; exit 1; }
for doc in "$out"/IHE_XDM/SUBSET01/DOC*.XML; do
  xmllint --nonet --noout --schema "$schema" "$doc" 2>"$work/xmllint.err" || { echo "FAIL: $doc: $(tail -2 "$work/xmllint.err")"; exit 1; }
done

python3 - "$out" "$storage" "$dicom" "$work" "$letter" "$(cd "$(dirname "$0")" && pwd)" <<'PY'
import base64, hashlib, json, os, re, subprocess, sys, zlib
import xml.etree.ElementTree as ET
out, storage, dicom, work, letter, here = sys.argv[1:7]
def fail(msg):
    print("FAIL:", msg); sys.exit(1)
def load(name): return json.load(open(os.path.join(work, name)))

report = load("report.json")
if not report["ok"]: fail("pack reported problems: %s" % report["diagnostics"])
if report["patient"] != "9999013": fail("patient %r" % report["patient"])
inputs = sum(len(files) for _, _, files in os.walk(dicom) if files) - (1 if os.path.exists(os.path.join(dicom, ".complete")) else 0)
if report["dicom"]["instances"] != inputs: fail("%d instances packed, %d in the input" % (report["dicom"]["instances"], inputs))
if (report["dicom"]["studies"], report["dicom"]["series"]) != (3, 3): fail("studies/series %r" % report["dicom"])

# The tree: every file, level-1 names outside SSMIX2/, no AUTORUN.
files = sorted(os.path.relpath(os.path.join(r, n), out) for r, _, ns in os.walk(out) for n in ns)
level1 = re.compile(r"^[A-Z0-9_]{1,8}(\.[A-Z0-9_]{1,3})?$")
for f in files:
    if not f.startswith("SSMIX2/") and not all(level1.match(p) for p in f.split("/")): fail("not a level-1 name: " + f)
if any(os.path.basename(f).upper().startswith("AUTORUN") for f in files): fail("AUTORUN file on the disc")
for required in ["INDEX.HTM", "README.TXT", "SHA256.TXT", "DICOMDIR", "VIEWER/VIEWER.JS", "VIEWER/DATA/MANIFEST.JS",
                 "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC00001.XML", "IHE_PDI/INDEX.HTM", "IHE_PDI/DOC00001.HTM"]:
    if required not in files: fail("missing " + required)

# SS-MIX2: the patient's current messages, original bytes, the storage layout kept.
patient_dir = os.path.join(storage, "999", "901", "9999013")
expected = sorted(os.path.relpath(os.path.join(r, n), storage) for r, _, ns in os.walk(patient_dir) for n in ns if n.endswith("_1"))
packed = sorted(f[len("SSMIX2/"):] for f in files if f.startswith("SSMIX2/"))
if packed != expected: fail("SS-MIX2 files %s, expected %s" % (packed[:3], expected[:3]))
for f in packed:
    if open(os.path.join(out, "SSMIX2", f), "rb").read() != open(os.path.join(storage, f), "rb").read(): fail("bytes of " + f)

# XDM: the letter byte for byte; METADATA.XML's DocumentEntry states its URI, size, SHA-1, patient.
if open(os.path.join(out, "IHE_XDM/SUBSET01/DOC00001.XML"), "rb").read() != open(letter, "rb").read(): fail("the letter was changed")
rim = "{urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0}"
metadata = ET.parse(os.path.join(out, "IHE_XDM/SUBSET01/METADATA.XML"))
entries = metadata.findall(".//" + rim + "ExtrinsicObject")
if len(entries) != 1: fail("%d DocumentEntries" % len(entries))
slots = {s.get("name"): [v.text for v in s.iter(rim + "Value")] for s in entries[0].findall(rim + "Slot")}
doc = open(os.path.join(out, "IHE_XDM/SUBSET01/DOC00001.XML"), "rb").read()
if slots["URI"] != ["DOC00001.XML"] or slots["size"] != [str(len(doc))] or slots["hash"] != [hashlib.sha1(doc).hexdigest()]:
    fail("DocumentEntry slots %r" % {k: slots[k] for k in ("URI", "size", "hash")})
if not slots["sourcePatientId"][0].startswith("9999013^^^&"): fail("sourcePatientId %r" % slots["sourcePatientId"])
if slots["creationTime"] != ["20111221013000"]: fail("creationTime (UTC) %r" % slots["creationTime"])
schemes = {c.get("classificationScheme"): c.get("nodeRepresentation") for c in entries[0].findall(rim + "Classification")}
if schemes.get("urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a") != "57133-1": fail("classCode %r" % schemes)
if len(metadata.findall(".//" + rim + "RegistryPackage")) != 1 or len(metadata.findall(".//" + rim + "Association")) != 1: fail("submission set")
page = open(os.path.join(out, "IHE_PDI/DOC00001.HTM"), encoding="utf-8").read()
if "<script" in page.lower() or "診療情報提供書" not in page: fail("the letter's page")
if 'href="DOC00001.HTM"' not in open(os.path.join(out, "IHE_PDI/INDEX.HTM"), encoding="utf-8").read(): fail("the static page does not link the letter")

# SHA256.TXT names every other file with its digest.
listed = {}
for line in open(os.path.join(out, "SHA256.TXT"), encoding="utf-8"):
    m = re.fullmatch(r"([0-9a-f]{64})  (\S.*)\n", line)
    if not m: fail("SHA256.TXT line %r" % line)
    listed[m.group(2)] = m.group(1)
if sorted(listed) != [f for f in files if f != "SHA256.TXT"]: fail("SHA256.TXT does not list exactly the other files")
for f, digest in listed.items():
    if hashlib.sha256(open(os.path.join(out, f), "rb").read()).hexdigest() != digest: fail("digest of " + f)

# README.TXT: UTF-8 with BOM, CRLF, Japanese and English, who made it.
readme = open(os.path.join(out, "README.TXT"), "rb").read()
if not readme.startswith(b"\xef\xbb\xbf") or b"\r\n" not in readme or b"\n" in readme.replace(b"\r\n", b""): fail("README.TXT encoding")
text = readme.decode("utf-8")
for needed in ["INDEX.HTM", "テスト病院", "9999013", "患者", "診療情報提供書", "IHE_XDM"]:
    if needed not in text: fail("README.TXT lacks %r" % needed)

# The bundle carries byte-exact copies of DICOMDIR, the DICOM files and the SS-MIX2 messages.
m = re.fullmatch(r"var SSMIX_MANIFEST = (\{.*\});\n", open(os.path.join(out, "VIEWER/DATA/MANIFEST.JS"), encoding="ascii").read(), re.S)
if not m: fail("MANIFEST.JS is not a single assignment")
manifest = json.loads(m.group(1))
chunks = []
for i, size in enumerate(manifest["chunks"]):
    name = "VIEWER/DATA/D%07d.JS" % i
    cm = re.fullmatch(r'ssmixChunk\(%d,"([A-Za-z0-9+/=]*)"\);\n' % i, open(os.path.join(out, name), encoding="ascii").read())
    if not cm: fail("%s is not a single ssmixChunk call" % name)
    payload = base64.b64decode(cm.group(1))
    if len(payload) != size: fail("chunk %d has %d bytes, manifest says %d" % (i, len(payload), size))
    chunks.append(payload)
stream = b"".join(chunks)
starts = [sum(manifest["chunks"][:i]) for i in range(len(chunks))]
bundled = sorted(e["path"] for e in manifest["files"])
should = sorted(f for f in files if f.startswith(("DICOM/", "SSMIX2/", "IHE_XDM/")) or f == "DICOMDIR")
if bundled != should: fail("bundle holds %d files, the disc %d bundleable ones" % (len(bundled), len(should)))
for e in manifest["files"]:
    start = starts[e["chunk"]] + e["offset"]
    data = zlib.decompress(stream[start:start + e["stored"]])
    if data != open(os.path.join(out, e["path"]), "rb").read(): fail("bundle copy of %s differs" % e["path"])
    if hashlib.sha256(data).hexdigest() != e["sha256"] or len(data) != e["size"]: fail("checksum/size of " + e["path"])
# What the viewer reads at its start (letters, messages, DICOMDIR) shares no chunk with an image.
def spanned(e):
    begin = starts[e["chunk"]] + e["offset"]
    return {i for i in range(len(chunks)) if starts[i] < begin + max(e["stored"], 1) and starts[i] + len(chunks[i]) > begin}
# They are the manifest's startChunks, which the page loads at once.
start_chunks = set().union(*[spanned(e) for e in manifest["files"] if not e["path"].startswith("DICOM/")])
image_chunks = set().union(*[spanned(e) for e in manifest["files"] if e["path"].startswith("DICOM/")])
if start_chunks & image_chunks: fail("chunks %s hold both start-up files and images" % sorted(start_chunks & image_chunks))
if start_chunks != set(range(manifest.get("startChunks", 0))): fail("startChunks %s, start-up files in chunks %s" % (manifest.get("startChunks"), sorted(start_chunks)))

# DICOM: every file passes dciodvfy without errors or warnings (but the profile keys
# pack_dciodvfy.py accepts, with why), and is Explicit VR Little Endian (STD-GEN-CD).
sys.path.insert(0, here)
from pack_dciodvfy import findings as dciodvfy_findings
dicom_files = [f for f in files if f.startswith("DICOM/")] + ["DICOMDIR"]
for f in dicom_files:
    problems = dciodvfy_findings(os.path.join(out, f), "cd")
    if problems: fail("dciodvfy %s: %s" % (f, problems[:3]))
    dump = subprocess.run(["dcmdump", "-M", "+P", "0002,0010", os.path.join(out, f)], capture_output=True, text=True).stdout
    if "=LittleEndianExplicit" not in dump: fail("%s transfer syntax: %s" % (f, dump.strip()))
dicomdir = subprocess.run(["dcmdump", "+P", "0004,1500", os.path.join(out, "DICOMDIR")], capture_output=True, text=True).stdout
referenced = sorted(re.findall(r"\[([A-Z0-9\\]+)\]", dicomdir))
if sorted(r.replace("\\", "/") for r in referenced) != sorted(f for f in files if f.startswith("DICOM/")): fail("DICOMDIR references")

# ssmix verify, on the tree and on the image, finds nothing and lists the same files as the tree.
for name in ["verify-tree.json", "verify-iso.json"]:
    v = load(name)
    if not v["ok"] or v["findings"]: fail("%s: %s" % (name, v["findings"]))
    if sorted(v["files"]) != files: fail("%s lists other files than the tree" % name)
    if v["dicomReferences"] != len(dicom_files) - 1: fail("%s: %d DICOMDIR references" % (name, v["dicomReferences"]))
    if v["xdmDocuments"] != 1: fail("%s: %d XDM documents checked" % (name, v["xdmDocuments"]))

# xorriso and isoinfo agree with verify: the same files under Rock Ridge and Joliet names, and
# every non-SS-MIX2 file under its own name for an ISO 9660-only reader.
def isoinfo_files(name):
    found, folder = [], None
    for line in open(os.path.join(work, name), encoding="utf-8", errors="replace"):
        d = re.match(r"Directory listing of /(.*)$", line)
        if d: folder = d.group(1); continue
        f = re.match(r"-[-rwx]{9}.*\[ *\d+ \d+\]\s+(.+?)\s*$", line)
        if f: found.append(folder + re.sub(r"\.?;1$", "", f.group(1)))   # ECMA-119 "NAME.;1" reads as NAME
    return sorted(found)
xorriso = [l.rstrip("\n") for l in open(os.path.join(work, "xorriso.txt"), encoding="utf-8")]
if xorriso != files: fail("xorriso lists %d files, verify %d" % (len(xorriso), len(files)))
if isoinfo_files("isoinfo-rr.txt") != files: fail("isoinfo (Rock Ridge) disagrees: %s" % sorted(set(isoinfo_files("isoinfo-rr.txt")) ^ set(files))[:4])
if isoinfo_files("isoinfo-joliet.txt") != files: fail("isoinfo (Joliet) disagrees: %s" % sorted(set(isoinfo_files("isoinfo-joliet.txt")) ^ set(files))[:4])
plain = set(isoinfo_files("isoinfo-plain.txt"))
missing = [f for f in files if not f.startswith("SSMIX2/") and f not in plain]
if missing: fail("ISO 9660 names differ for %s" % missing[:3])
volume = re.search(r"Volume id: (\S+)", open(os.path.join(work, "isoinfo-d.txt")).read())
if not volume or not re.fullmatch(r"[A-Z0-9_]{1,32}", volume.group(1)) or "9999013" not in volume.group(1): fail("volume id %r" % volume)
print("pack sample: %d files (%d DICOM, %d SS-MIX2), %d chunks; verify, dciodvfy, dcmdump, xorriso and isoinfo agree"
      % (len(files), len(dicom_files) - 1, len(packed), len(chunks)))
PY

# Packing again replaces the earlier tree and image; nothing is left beside them. (The same
# inputs: the browser tests read this tree.)
"$ssmix" pack --storage "$storage" --patient 9999013 --dicom "$dicom" --document "$letter" -o "$out.iso" --tree "$out" \
  --institution "テスト病院" >/dev/null
leftovers=$(find "$(dirname "$out")" -maxdepth 1 -name ".$(basename "$out")*" | wc -l)
[ "$leftovers" = 0 ] || { echo "FAIL: staging files left beside the tree or image"; exit 1; }
"$ssmix" verify "$out.iso" 2>/dev/null

# Without the viewer data (--no-bundle): the same disc, for the browser test of the folder picker.
nobundle=$(dirname "$out")/disc-nobundle
"$ssmix" pack --storage "$storage" --patient 9999013 --dicom "$dicom" --document "$letter" --no-bundle --tree "$nobundle" >/dev/null
"$ssmix" verify "$nobundle" >/dev/null || { echo "FAIL: the --no-bundle tree does not verify"; exit 1; }

# The manifest's image index (what the viewer lists at once) must describe the files as they
# are: a tree whose index names another SOP Instance UID does not verify.
rm -rf "$work/tampered" && cp -r "$out" "$work/tampered"
python3 - "$work/tampered/VIEWER/DATA/MANIFEST.JS" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="ascii").read()
changed = re.sub(r'"sop":"([0-9.]+)"', r'"sop":"\g<1>9"', text, count=1)
assert changed != text, "no image index in the manifest"
open(path, "w", encoding="ascii").write(changed)
PY
if "$ssmix" verify "$work/tampered" >"$work/tampered.txt" 2>&1; then echo "FAIL: a wrong image index verified"; exit 1; fi
grep -q "verify.bundle.images" "$work/tampered.txt" || { echo "FAIL: verify did not name the image index: $(head -3 "$work/tampered.txt")"; exit 1; }

# Hostile letters for this patient (the hostile corpus with the patient's ID): a disc the
# browser tests open to prove that nothing in a document runs or reaches out.
hostile=$(dirname "$out")/disc-hostile
mkdir -p "$work/hostile"
hostile_docs=()
for doc in hostile/script-links hostile/svg-media hostile/xxe hostile/html-body pdf-body; do   # + a PDF body to save
  sed 's/<patientRole><id extension="1"/<patientRole><id extension="9999013"/' "$(dirname "$letter")/$doc.xml" >"$work/hostile/${doc#*/}.xml"
  hostile_docs+=("$work/hostile/${doc#*/}.xml")
done
"$ssmix" pack --storage "$storage" --patient 9999013 "${hostile_docs[@]/#/--document=}" --tree "$hostile" >/dev/null 2>"$work/hostile.err" \
  || { echo "FAIL: the hostile letters were not packed: $(tail -3 "$work/hostile.err")"; exit 1; }
[ "$(ls "$hostile"/IHE_XDM/SUBSET01/DOC*.XML | wc -l)" = 5 ] || { echo "FAIL: not 5 hostile documents on the disc"; exit 1; }

# A study whose Study Instance UID the storage's OMG-11 names (IPC-3 of 経皮的超音波検査) is
# linked to that order: in the report, on the static page both ways, and in README.TXT.
mkdir -p "$work/us"
for f in $(find "$dicom" -type f | grep -v '.complete' | head -40); do
  if dcmdump +P 0008,0060 "$f" 2>/dev/null | grep -F '[RF]' >/dev/null; then cp "$f" "$work/us/IM1"; fi
done
dcmodify -q -nb -m "(0020,000D)=1.2.392.1114.20045.43233.5.300001" "$work/us/IM1"
"$ssmix" pack --storage "$storage" --patient 9999013 --dicom "$work/us" --tree "$work/linked" --json >"$work/linked.json"
grep -F '"linkedToOrders": 1' "$work/linked.json" >/dev/null || { echo "FAIL: the study is not linked to its order: $(grep -A6 '"dicom"' "$work/linked.json")"; exit 1; }
grep -F '<a href="#study-1">画像を見る</a>' "$work/linked/IHE_PDI/INDEX.HTM" >/dev/null || { echo "FAIL: the order does not link to its images"; exit 1; }
grep -F 'オーダ: 経皮的超音波検査' "$work/linked/IHE_PDI/INDEX.HTM" >/dev/null || { echo "FAIL: the images do not show their order"; exit 1; }
grep -F 'オーダ: 経皮的超音波検査' "$work/linked/README.TXT" >/dev/null || { echo "FAIL: README.TXT does not name the order"; exit 1; }

# A period: only messages with a care date in it, plus the undated ("-") ones.
"$ssmix" pack --storage "$storage" --patient 9999013 --from 20111201 --to 20111231 --tree "$work/period" >/dev/null
dates=$(find "$work/period/SSMIX2" -type f | sed 's|.*/9999013/\([^/]*\)/.*|\1|' | sort -u | tr '\n' ' ')
[ "$dates" = "- 20111220 " ] || { echo "FAIL: period 2011-12: care dates on the disc: $dates"; exit 1; }
[ ! -e "$work/period/DICOMDIR" ] || { echo "FAIL: period: a DICOMDIR without DICOM"; exit 1; }
"$ssmix" verify "$work/period" 2>/dev/null
