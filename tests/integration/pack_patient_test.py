#!/usr/bin/python3
"""tests/integration/pack_patient_test.py — `ssmix pack --patient` given a DICOM folder that holds
two patients' images (made with pydicom from the sample CT and head CT: patient 9999013 as they
are, patient 30214578 with a Japanese name in ISO 2022 IR 87 under new UIDs): the disc holds only
the chosen patient's images — in DICOM/, in the DICOMDIR (read with pydicom), in IHE_PDI/ (one
JPEG per series, the page naming only that patient), in the viewer data and README.TXT — and the
packager says how many files of the other patient it left out, in the text report and as JSON.

usage: pack_patient_test.py SSMIX SAMPLE_DICOM_DIR WORKDIR
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

import pydicom

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, failures  # noqa: E402
from dicom_peers import make_patients  # noqa: E402

SSMIX, SAMPLE, WORK = sys.argv[1:4]
CHOSEN, OTHER = "30214578", "9999013"


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    patients = make_patients(SAMPLE, os.path.join(WORK, "in"))
    chosen = {pydicom.dcmread(p).SOPInstanceUID for p in patients[CHOSEN]}
    other = {pydicom.dcmread(p).SOPInstanceUID for p in patients[OTHER]}
    chosen_series = {pydicom.dcmread(p).SeriesInstanceUID for p in patients[CHOSEN]}
    other_names = set()
    for p in patients[OTHER]:
        other_names.update(str(pydicom.dcmread(p).PatientName).replace("^", " ").split("="))
    left_out = len(patients[OTHER])
    check(len(chosen) > 0 and left_out > 0, "two patients made: %d and %d files" % (len(chosen), left_out))

    # The text report: says how many files of which patient were left out.
    tree, iso = os.path.join(WORK, "disc"), os.path.join(WORK, "disc.iso")
    r = subprocess.run([SSMIX, "pack", "--dicom", os.path.join(WORK, "in"), "--patient", CHOSEN, "--tree", tree, "-o", iso],
                       capture_output=True, text=True, timeout=600)
    check(r.returncode == 0, "pack: exit %d: %s" % (r.returncode, r.stderr[-1500:]))
    said = r.stdout + r.stderr
    check(re.search(r'\b%d DICOM file\(s\) of patient "%s", not %s: left out' % (left_out, OTHER, CHOSEN), said) is not None,
          "pack does not say it left out %d files of patient %s: %s" % (left_out, OTHER, said[-1500:]))
    check("Disc for patient %s" % CHOSEN in r.stdout, "pack: the disc is not said to be for %s: %s" % (CHOSEN, r.stdout[:300]))

    # The same as JSON.
    r = subprocess.run([SSMIX, "pack", "--dicom", os.path.join(WORK, "in"), "--patient", CHOSEN, "--tree", os.path.join(WORK, "disc-json"),
                        "--json"], capture_output=True, text=True, timeout=600)
    report = json.loads(r.stdout)
    check(report["patient"] == CHOSEN and report["dicom"]["instances"] == len(chosen), "json: patient/instances %s %s" % (report["patient"], report["dicom"]))
    notes = [d for d in report["diagnostics"] if d["code"] == "pack.other_patient"]
    check(len(notes) == 1 and ("%d DICOM file(s)" % left_out) in notes[0]["message"] and OTHER in notes[0]["message"],
          "json: the left-out note: %s" % notes)

    # DICOM/: only the chosen patient's instances, every one of them.
    files = sorted(p for p in glob.glob(os.path.join(tree, "DICOM", "**", "*"), recursive=True) if os.path.isfile(p))
    on_disc = {}
    for path in files:
        ds = pydicom.dcmread(path, stop_before_pixels=True)
        on_disc[ds.SOPInstanceUID] = ds.PatientID
    check(set(on_disc) == chosen, "DICOM/: %d of the chosen patient's %d instances, %d of the other's"
          % (len(set(on_disc) & chosen), len(chosen), len(set(on_disc) & other)))
    check(set(on_disc.values()) == {CHOSEN}, "DICOM/: patient IDs %s" % set(on_disc.values()))

    # DICOMDIR: one PATIENT record, the chosen one; its IMAGE records are exactly those files.
    dicomdir = pydicom.dcmread(os.path.join(tree, "DICOMDIR"))
    records = dicomdir.DirectoryRecordSequence
    patient_ids = [r.PatientID for r in records if r.DirectoryRecordType == "PATIENT"]
    check(patient_ids == [CHOSEN], "DICOMDIR: PATIENT records %s" % patient_ids)
    listed = {r.ReferencedSOPInstanceUIDInFile for r in records if "ReferencedSOPInstanceUIDInFile" in r}
    check(listed == chosen, "DICOMDIR: lists %d of the chosen patient's instances, %d of the other's" % (len(listed & chosen), len(listed & other)))
    series = {r.SeriesInstanceUID for r in records if r.DirectoryRecordType == "SERIES"}
    check(series == chosen_series, "DICOMDIR: series %s" % series)

    # IHE_PDI: one JPEG per series of the chosen patient; the page names that patient only.
    jpegs = glob.glob(os.path.join(tree, "IHE_PDI", "IMAGES", "*.JPG"))
    check(len(jpegs) == len(chosen_series), "IHE_PDI: %d JPEGs for %d series" % (len(jpegs), len(chosen_series)))
    for page in ["IHE_PDI/INDEX.HTM", "INDEX.HTM", "README.TXT"]:
        text = open(os.path.join(tree, page), encoding="utf-8", errors="replace").read()
        check(OTHER not in text, "%s mentions patient %s" % (page, OTHER))
        check(not any(n.strip() and n.strip() in text for n in other_names), "%s names the other patient" % page)
    check("宮本" in open(os.path.join(tree, "IHE_PDI", "INDEX.HTM"), encoding="utf-8").read(), "IHE_PDI/INDEX.HTM does not name the patient")

    # The viewer data holds the same DICOM files, no other.
    manifest = json.loads(re.fullmatch(r"var SSMIX_MANIFEST = (\{.*\});\n",
                                       open(os.path.join(tree, "VIEWER", "DATA", "MANIFEST.JS"), encoding="ascii").read(), re.S).group(1))
    in_viewer = sorted(f["path"] for f in manifest["files"] if f["path"].startswith("DICOM/"))
    check(in_viewer == sorted(os.path.relpath(p, tree) for p in files), "viewer data: %d DICOM files, the disc %d" % (len(in_viewer), len(files)))

    r = subprocess.run([SSMIX, "verify", iso], capture_output=True, text=True)
    check(r.returncode == 0, "verify: %s%s" % (r.stdout[-800:], r.stderr[-800:]))
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)
    print("pack patient: %d instances of %s on the disc, %d of %s left out and said so" % (len(chosen), CHOSEN, left_out, OTHER))


main()
