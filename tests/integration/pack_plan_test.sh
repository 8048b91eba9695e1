#!/usr/bin/env bash
# tests/integration/pack_plan_test.sh — `ssmix pack --dry-run` says what would go on the disc and
# writes nothing; on a CD whose images leave too little room for the viewer's copy of them, the
# plan and the disc leave the largest series out of the viewer data (and only those), say so in
# the report and README.TXT, and the disc still verifies; that disc's .iso packs again.
set -uo pipefail
ssmix=$1 sample_dicom=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1,100 thin CT slices of 512 KiB (3 series: 500, 500 and 100 slices) = 555 MiB: the files fit
# a 650 MiB CD-R, their viewer copy (about 0.3 of them) does not.
"$sample_dicom" --thin-ct 1100 "$work/dicom" >/dev/null || fail "generating the thin CT"

# Dry run: a plan in text, nothing written.
"$ssmix" pack --dicom "$work/dicom" -o "$work/dry.iso" --tree "$work/dry-tree" --dry-run >"$work/dry.txt" 2>&1
[ $? = 0 ] || fail "dry run: exit status"
[ ! -e "$work/dry.iso" ] && [ ! -e "$work/dry-tree" ] || fail "dry run: something was written"
[ -z "$(find "$work" -maxdepth 1 -name '.*partial*')" ] || fail "dry run: partial files"
grep -q "Nothing was written (--dry-run)" "$work/dry.txt" || fail "dry run: does not say nothing was written"
[ "$(grep -c "viewer data none (about" "$work/dry.txt")" = 2 ] || fail "dry run: two series should be left out of the viewer data: $(cat "$work/dry.txt")"

# The same as JSON: every file with its disc path and transfer syntax, the series left out and why.
"$ssmix" pack --dicom "$work/dicom" --dry-run --json >"$work/dry.json" 2>"$work/dry.err" || fail "dry run --json: exit status"
python3 - "$work/dry.json" <<'PY' || fail "dry run --json: content"
import json, sys
plan = json.load(open(sys.argv[1]))
assert plan["dryRun"] is True and plan["ok"] is True, plan.get("ok")
series = plan["series"]
assert [len(s["files"]) for s in series] == [500, 500, 100], [len(s["files"]) for s in series]
out = [s for s in series if not s["inViewerData"]]
assert len(out) == 2 and all("room" in s["leftOutBecause"] for s in out), out
kept = [s for s in series if s["inViewerData"]]
assert len(kept) == 1 and len(kept[0]["files"]) == 100, kept
paths = [f["path"] for s in series for f in s["files"]]
assert len(set(paths)) == 1100 and all(p.startswith("DICOM/P0000001/ST000001/SE00000") for p in paths), paths[:3]
assert all(f["transferSyntax"] == "1.2.840.10008.1.2.1" and not f["transcoded"] for s in series for f in s["files"])
assert plan["standardBytes"] + plan["viewerDataBytes"] <= plan["budget"], plan
PY

# The disc itself: the report and README.TXT name the two series left out; verify passes.
"$ssmix" pack --dicom "$work/dicom" -o "$work/cd.iso" --json >"$work/cd.json" 2>"$work/cd.err"
[ $? = 0 ] || fail "pack: exit status: $(tail -3 "$work/cd.err")"
python3 - "$work/cd.json" <<'PY' || fail "pack --json: left out"
import json, sys
r = json.load(open(sys.argv[1]))
left = r["bundle"]["leftOut"]
assert len(left) == 2 and all("第1部" in l or "第2部" in l for l in left), left
assert r["bytes"] <= r["budget"], r
PY
"$ssmix" verify "$work/cd.iso" >"$work/verify.txt" 2>&1 || fail "verify: $(head -5 "$work/verify.txt")"
xorriso -osirrox on -indev "$work/cd.iso" -extract /README.TXT "$work/README.TXT" >/dev/null 2>&1
grep -q "容量のためブラウザ表示用データに含めていません" "$work/README.TXT" || fail "README.TXT does not say which series are left out"
[ "$(grep -c "胸部 0.5mm 第[12]部" "$work/README.TXT")" -ge 2 ] || fail "README.TXT does not name both series"
# The viewer data on the disc holds the kept series' files and none of the two left out, which
# are on the disc all the same (DICOMDIR lists every file); README.TXT names exactly those two.
xorriso -osirrox on -indev "$work/cd.iso" -extract /VIEWER/DATA/MANIFEST.JS "$work/MANIFEST.JS" >/dev/null 2>&1
xorriso -indev "$work/cd.iso" -find /DICOM -type f 2>/dev/null | sed "s/^'\/\(.*\)'$/\1/" >"$work/disc-files.txt"
python3 - "$work/dry.json" "$work/cd.json" "$work/MANIFEST.JS" "$work/disc-files.txt" "$work/README.TXT" <<'PY' || fail "viewer data: the series left out"
import json, re, sys
plan, report = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
manifest = json.loads(re.fullmatch(r"var SSMIX_MANIFEST = (\{.*\});\n", open(sys.argv[3], encoding="ascii").read(), re.S).group(1))
on_disc = set(open(sys.argv[4]).read().split())
readme = open(sys.argv[5], encoding="utf-8").read()
in_viewer = {f["path"] for f in manifest["files"] if f["path"].startswith("DICOM/")}
kept = [s for s in plan["series"] if s["inViewerData"]]
out = [s for s in plan["series"] if not s["inViewerData"]]
kept_paths = {f["path"] for s in kept for f in s["files"]}
out_paths = {f["path"] for s in out for f in s["files"]}
assert len(kept_paths) == 100 and len(out_paths) == 1000, (len(kept_paths), len(out_paths))
assert in_viewer == kept_paths, "viewer data: %d DICOM files, %d of them left-out series', %d kept missing" % (
    len(in_viewer), len(in_viewer & out_paths), len(kept_paths - in_viewer))
assert out_paths <= on_disc and kept_paths <= on_disc, "files of the series missing from the disc: %d" % len((out_paths | kept_paths) - on_disc)
assert sorted(report["bundle"]["leftOut"]) == sorted(s["label"] for s in out), (report["bundle"]["leftOut"], [s["label"] for s in out])
section = readme[readme.index("容量のためブラウザ表示用データに含めていません"):]
for s in out:
    assert s["label"] in readme, "README.TXT does not name %s" % s["label"]
for s in kept:
    assert s["label"] not in section.split("\n\n")[0], "README.TXT lists the kept series %s as left out" % s["label"]
PY

# That disc given back as an .iso file (a disc that came without a drive to read it): its
# files are read from the image, planned like a folder's, and the copy made of them is gone after.
mkdir "$work/tmp"
TMPDIR="$work/tmp" "$ssmix" pack --dicom "$work/cd.iso" --dry-run --json >"$work/iso.json" 2>"$work/iso.err" || fail "pack from an .iso: exit status: $(tail -3 "$work/iso.err")"
python3 - "$work/iso.json" <<'PY' || fail "pack from an .iso: the plan"
import json, sys
plan = json.load(open(sys.argv[1]))
assert [len(s["files"]) for s in plan["series"]] == [500, 500, 100], [len(s["files"]) for s in plan["series"]]
PY
[ -z "$(ls -A "$work/tmp")" ] || fail "pack from an .iso: the files copied from the image are still there: $(ls -A "$work/tmp")"

rm -rf "$work/dicom" "$work/cd.iso"
[ "$failures" = 0 ] && echo "pack plan: all passed"
[ "$failures" = 0 ]
