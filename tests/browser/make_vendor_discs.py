#!/usr/bin/python3
"""tests/browser/make_vendor_discs.py — other vendors' discs as they arrive, made from the
sample DICOM and the NHO SS-MIX2 sample storage with DCMTK's dcmmkdir (not with our writer):

  images/    DICOMDIR + IMAGES/IM0001 ... (the chest CT, 24 slices)
  patient/   DICOMDIR + DICOM/PAT00001/STU00001/SER00001/IM00001 ... (the head CT, 8 slices)
  loose/     no DICOMDIR, files named as a vendor likes (the swallowing study, 12 frames)
  storage/   a bare SS-MIX2 storage tree: 999/901/9999013/<date>/<type>/<file> (one patient)
  storages/  the NHO sample storage as it is: two patients

usage: make_vendor_discs.py OUTDIR SAMPLE_DICOM_DIR SSMIX2_SAMPLE_STORAGE
"""
import glob
import os
import shutil
import subprocess
import sys

OUT, DICOM, STORAGE = sys.argv[1:4]


def dicomdir(root, folder):
    subprocess.run(["dcmmkdir", "-q", "+r", "-Nxc", "+I", "+id", root, folder], check=True, cwd=root)


shutil.rmtree(OUT, ignore_errors=True)
images = os.path.join(OUT, "images", "IMAGES")
os.makedirs(images)
for n, path in enumerate(sorted(glob.glob(os.path.join(DICOM, "CT", "*"))), 1):
    shutil.copy(path, os.path.join(images, "IM%04d" % n))
dicomdir(os.path.join(OUT, "images"), "IMAGES")

series = os.path.join(OUT, "patient", "DICOM", "PAT00001", "STU00001", "SER00001")
os.makedirs(series)
for n, path in enumerate(sorted(glob.glob(os.path.join(DICOM, "HEAD", "*"))), 1):
    shutil.copy(path, os.path.join(series, "IM%05d" % n))
dicomdir(os.path.join(OUT, "patient"), "DICOM")

loose = os.path.join(OUT, "loose", "Study 2011-12-19")
os.makedirs(loose)
for n, path in enumerate(sorted(glob.glob(os.path.join(DICOM, "VF", "*"))), 1):
    shutil.copy(path, os.path.join(loose, "frame_%d.dcm" % n))

shutil.copytree(os.path.join(STORAGE, "999", "901", "9999013"), os.path.join(OUT, "storage", "999", "901", "9999013"))
shutil.copytree(STORAGE, os.path.join(OUT, "storages"))
