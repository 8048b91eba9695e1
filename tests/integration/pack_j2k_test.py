#!/usr/bin/python3
"""tests/integration/pack_j2k_test.py — a PACS that stores JPEG 2000: the sample CT encoded
lossless by GDCM (gdcmconv --j2k, an encoder independent of ours) is packed
- on a DVD: every file stays JPEG 2000 Lossless byte for byte, the disc says STD-GEN-DVD-J2K,
  dciodvfy finds no error and no warning (but pack_dciodvfy.py's) in the DICOMDIR and the
  files, `ssmix verify` accepts the image;
- on a CD: every file becomes Explicit VR Little Endian with exactly the original pixels
  (pydicom reading both; the J2K decoder is OpenJPEG inside ssmix).
And High-Throughput JPEG 2000 (1.2.840.10008.1.2.4.201), which DCMTK 3.6.7 does not know: slices
encoded by OpenJPH's ojph_compress (Debian openjph-tools) packed on a CD and a DVD come out
Explicit VR Little Endian with exactly the original pixels (no DICOMDIR profile keeps HTJ2K).
Leaves the DVD tree in WORKDIR/dvd and the HTJ2K files in WORKDIR/htj2k (with their originals
named in WORKDIR/htj2k.json) for the browser test.

usage: pack_j2k_test.py SSMIX SAMPLE_DICOM_DIR WORKDIR
"""
import glob
import json
import os
import struct
import shutil
import subprocess
import sys

import numpy
import pydicom

from checks import check, failures
from pack_dciodvfy import findings as dciodvfy_findings

SSMIX, SAMPLE, WORK = sys.argv[1:4]
J2K_LOSSLESS = "1.2.840.10008.1.2.4.90"
HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201"


def disc_files(tree):
    return sorted(p for p in glob.glob(os.path.join(tree, "DICOM", "**", "*"), recursive=True) if os.path.isfile(p))


def make_htj2k(source, target, temp):
    """The slice's pixels as an HTJ2K lossless codestream in a copy of its dataset. pydicom
    cannot write a syntax it does not know: written as JPEG 2000, then the meta header's
    Transfer Syntax UID replaced (and its group length corrected)."""
    ds = pydicom.dcmread(source)
    assert ds.PixelRepresentation == 0 and ds.BitsAllocated == 16
    pgm = os.path.join(temp, "slice.pgm")
    with open(pgm, "wb") as f:
        f.write(b"P5\n%d %d\n65535\n" % (ds.Columns, ds.Rows) + ds.pixel_array.astype(">u2").tobytes())
    codestream = os.path.join(temp, "slice.j2c")
    subprocess.run(["ojph_compress", "-i", pgm, "-o", codestream, "-reversible", "true"], check=True, capture_output=True)
    ds.file_meta.TransferSyntaxUID = J2K_LOSSLESS
    ds.PixelData = pydicom.encaps.encapsulate([open(codestream, "rb").read()])
    ds["PixelData"].VR = "OB"
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = pydicom.uid.generate_uid()
    ds.save_as(target, write_like_original=False)
    data = bytearray(open(target, "rb").read())
    old = b"\x02\x00\x10\x00UI\x16\x00" + J2K_LOSSLESS.encode()
    at = data.index(old)
    data[at:at + len(old)] = b"\x02\x00\x10\x00UI\x18\x00" + HTJ2K_LOSSLESS.encode() + b"\x00"
    assert data[132:140] == b"\x02\x00\x00\x00UL\x04\x00"   # (0002,0000) File Meta Information Group Length
    struct.pack_into("<I", data, 140, struct.unpack_from("<I", data, 140)[0] + 2)
    open(target, "wb").write(data)
    return ds.SOPInstanceUID


def check_htj2k():
    folder = os.path.join(WORK, "htj2k")
    os.makedirs(folder)
    made, originals = {}, {}
    for source in sorted(glob.glob(os.path.join(SAMPLE, "CT", "*")))[:4]:
        uid = make_htj2k(source, os.path.join(folder, "HT" + os.path.basename(source)), WORK)
        made[os.path.join(folder, "HT" + os.path.basename(source))] = os.path.abspath(source)
        originals[uid] = pydicom.dcmread(source).pixel_array
    with open(os.path.join(WORK, "htj2k.json"), "w") as f:
        json.dump(made, f)
    for media in ("cd", "dvd"):
        tree = os.path.join(WORK, "htj2k-" + media)
        r = subprocess.run([SSMIX, "pack", "--dicom", folder, "--media", "dvd" if media == "dvd" else "cd650", "--tree", tree],
                           capture_output=True, text=True, timeout=600)
        check(r.returncode == 0, f"htj2k {media}: exit {r.returncode}: {r.stderr[-1500:]}")
        files = disc_files(tree)
        check(len(files) == len(originals), f"htj2k {media}: {len(files)} files on the disc, {len(originals)} given")
        for path in files:
            ds = pydicom.dcmread(path)
            check(ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.1", f"htj2k {media}: {path} is {ds.file_meta.TransferSyntaxUID}")
            check(numpy.array_equal(ds.pixel_array, originals[ds.SOPInstanceUID]), f"htj2k {media}: {path}: the pixels are not the original's")
        check_dciodvfy(f"htj2k {media}", tree, media)


def check_dciodvfy(name, tree, media):
    """Every DICOM file and the DICOMDIR: no error, no warning but those pack_dciodvfy.py accepts."""
    for path in [os.path.join(tree, "DICOMDIR")] + disc_files(tree):
        for finding in dciodvfy_findings(path, media):
            check(False, f"{name}: dciodvfy {os.path.relpath(path, tree)}: {finding}")


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
    check_dciodvfy("dvd", dvd, "dvd")
    r = subprocess.run([SSMIX, "verify", dvd + ".iso"], capture_output=True, text=True)
    check(r.returncode == 0, f"dvd: verify: {r.stdout[-800:]}{r.stderr[-800:]}")

    cd = os.path.join(WORK, "cd")
    r = subprocess.run([SSMIX, "pack", "--dicom", os.path.dirname(vendor), "--tree", cd], capture_output=True, text=True, timeout=600)
    check(r.returncode == 0, f"cd: exit {r.returncode}: {r.stderr[-1500:]}")
    for path in disc_files(cd):
        ds = pydicom.dcmread(path)
        check(ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.1", f"cd: {path} is {ds.file_meta.TransferSyntaxUID}")
        check(numpy.array_equal(ds.pixel_array, originals[ds.SOPInstanceUID]), f"cd: {path}: the pixels are not the original's")
    check_dciodvfy("cd", cd, "cd")

    check_htj2k()
    print(f"pack j2k: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


main()
