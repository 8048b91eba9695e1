#!/usr/bin/python3
"""tests/integration/pack_j2k_test.py — a PACS that stores JPEG 2000: the sample CT encoded
lossless by GDCM (gdcmconv --j2k, an encoder independent of ours) is packed
- on a DVD: every file stays JPEG 2000 Lossless byte for byte, the disc says STD-GEN-DVD-J2K,
  dciodvfy finds no error in the DICOMDIR, `ssmix verify` accepts the image;
- on a CD: every file becomes Explicit VR Little Endian with exactly the original pixels
  (pydicom reading both; the J2K decoder is OpenJPEG inside ssmix).
Leaves the DVD tree in WORKDIR/dvd for the browser test.

usage: pack_j2k_test.py SSMIX SAMPLE_DICOM_DIR WORKDIR
"""
import glob
import os
import shutil
import subprocess
import sys

import numpy
import pydicom

SSMIX, SAMPLE, WORK = sys.argv[1:4]
J2K_LOSSLESS = "1.2.840.10008.1.2.4.90"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)


def disc_files(tree):
    return sorted(p for p in glob.glob(os.path.join(tree, "DICOM", "**", "*"), recursive=True) if os.path.isfile(p))


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    vendor = os.path.join(WORK, "vendor", "IMAGES")
    os.makedirs(vendor)
    originals = {}
    for source in sorted(glob.glob(os.path.join(SAMPLE, "CT", "*"))):
        ds = pydicom.dcmread(source)
        originals[ds.SOPInstanceUID] = ds.pixel_array
        subprocess.run(["gdcmconv", "--j2k", source, os.path.join(vendor, os.path.basename(source))], check=True)

    dvd = os.path.join(WORK, "dvd")
    r = subprocess.run([SSMIX, "pack", "--dicom", os.path.dirname(vendor), "--media", "dvd", "-o", dvd + ".iso", "--tree", dvd],
                       capture_output=True, text=True, timeout=600)
    check(r.returncode == 0, f"dvd: exit {r.returncode}: {r.stderr[-1500:]}")
    files = disc_files(dvd)
    check(len(files) == len(originals), f"dvd: {len(files)} files, {len(originals)} given")
    given = {pydicom.dcmread(p).SOPInstanceUID: p for p in glob.glob(os.path.join(vendor, "*"))}
    for path in files:
        ds = pydicom.dcmread(path, stop_before_pixels=True)
        check(ds.file_meta.TransferSyntaxUID == J2K_LOSSLESS, f"dvd: {path} is {ds.file_meta.TransferSyntaxUID}")
        with open(path, "rb") as a, open(given[ds.SOPInstanceUID], "rb") as b:
            check(a.read() == b.read(), f"dvd: {path} is not the PACS's file byte for byte")
    readme = open(os.path.join(dvd, "README.TXT"), encoding="utf-8").read()
    check("STD-GEN-DVD-J2K" in readme, "dvd: README.TXT does not name the STD-GEN-DVD-J2K profile")
    errors = [line for line in subprocess.run(["dciodvfy", os.path.join(dvd, "DICOMDIR")], capture_output=True, text=True).stderr.splitlines()
              if line.startswith("Error")]
    check(not errors, "dvd: dciodvfy DICOMDIR: " + "; ".join(errors[:3]))
    r = subprocess.run([SSMIX, "verify", dvd + ".iso"], capture_output=True, text=True)
    check(r.returncode == 0, f"dvd: verify: {r.stdout[-800:]}{r.stderr[-800:]}")

    cd = os.path.join(WORK, "cd")
    r = subprocess.run([SSMIX, "pack", "--dicom", os.path.dirname(vendor), "--tree", cd], capture_output=True, text=True, timeout=600)
    check(r.returncode == 0, f"cd: exit {r.returncode}: {r.stderr[-1500:]}")
    for path in disc_files(cd):
        ds = pydicom.dcmread(path)
        check(ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.1", f"cd: {path} is {ds.file_meta.TransferSyntaxUID}")
        check(numpy.array_equal(ds.pixel_array, originals[ds.SOPInstanceUID]), f"cd: {path}: the pixels are not the original's")

    print(f"pack j2k: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


main()
