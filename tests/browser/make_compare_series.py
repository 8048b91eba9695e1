#!/usr/bin/python3
"""tests/browser/make_compare_series.py — series to compare side by side, written with pydicom
(not with our writer), and the facts a test needs about them in OUTDIR/series.json:

  dicom/        one patient, two studies:
    today  A  CT axial, 40 slices every 2.5 mm (z -50 .. 47.5), frame of reference F1
           B  CT axial, 16 slices every 6 mm (z -48 .. 42), F1, instance numbers from the top
              down (so its frames run head to foot)
           C  MR axial, 12 slices every 5 mm, another frame of reference (F2), z shifted by 100
           D  CT coronal, 10 slices, F1 (faces another way)
    prior  P  CT axial, 20 slices every 5 mm, frame of reference F3 (another day's scan)
           E  CT axial, 8 slices every 5 mm but one gap of 10 mm (a slice missing): no volume
  missing/      series E's missing slice, to be picked later
  other/        another patient's CT (8 slices, F1's UID reused: a copying error elsewhere)

series.json: {"series": {"A": {"uid", "modality", "z": [z of each instance in instance-number
order], "plane"}, ...}, "patient": {...}, "other": {...}}. Pixel values differ by slice (200 + z
rounded down inside a disc, -800 + z outside), so a neighbouring slice never looks the same.

usage: make_compare_series.py OUTDIR
"""
import json
import math
import os
import shutil
import sys

import numpy as np
import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

OUT = sys.argv[1]
SIZE = 64
SPACING = 0.8   # mm per pixel
CT, MR = "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4"


def slice_file(path, patient, study, series, number, position, orientation, values):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CT if series["modality"] == "CT" else MR
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(path, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.PatientID, ds.PatientName = patient["id"], patient["name"]
    ds.PatientBirthDate, ds.PatientSex = "19580412", "F"
    ds.StudyInstanceUID, ds.StudyDate, ds.StudyTime = study["uid"], study["date"], "101500"
    ds.StudyDescription, ds.StudyID, ds.AccessionNumber = study["description"], "1", ""
    ds.ReferringPhysicianName = ""
    ds.SeriesInstanceUID, ds.SeriesNumber = series["uid"], series["number"]
    ds.SeriesDescription, ds.Modality = series["description"], series["modality"]
    ds.FrameOfReferenceUID, ds.PositionReferenceIndicator = series["frame_of_reference"], ""
    ds.InstanceNumber = number
    ds.ImagePositionPatient = [f"{v:.3f}" for v in position]
    ds.ImageOrientationPatient = [str(v) for v in orientation]
    ds.PixelSpacing = [SPACING, SPACING]
    ds.SliceThickness = series["thickness"]
    ds.Rows = ds.Columns = SIZE
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.RescaleIntercept, ds.RescaleSlope = 0, 1
    if series["modality"] == "CT":
        ds.RescaleType = "HU"
    ds.WindowCenter, ds.WindowWidth = 40, 400
    ds.PixelData = values.astype("<i2").tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False   # pydicom 2.3 (Debian 12) asks for both
    ds.save_as(path, write_like_original=False)


def pixels(level, radius):
    y, x = np.mgrid[0:SIZE, 0:SIZE]
    inside = (x - SIZE / 2) ** 2 + (y - SIZE / 2) ** 2 < radius ** 2
    return np.where(inside, 200 + level, -800 + level).astype(np.int16)


def write_series(folder, patient, study, series, zs, orientation=(1, 0, 0, 0, 1, 0)):
    """zs: the position along the normal of each instance, in instance-number order."""
    os.makedirs(folder)
    row, col = np.array(orientation[:3], float), np.array(orientation[3:], float)
    normal = np.cross(row, col)
    corner = -SIZE * SPACING / 2
    for number, z in enumerate(zs, 1):
        position = corner * row + corner * col + z * normal
        values = pixels(math.floor(z), 10 + number % 15)
        slice_file(os.path.join(folder, "IM%04d.dcm" % number), patient, study, series, number, position, orientation, values)
    return {"uid": series["uid"], "modality": series["modality"], "z": list(zs), "description": series["description"],
            "frameOfReference": series["frame_of_reference"], "plane": "coronal" if orientation[5] else "axial"}


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    patient = {"id": "77001", "name": "Hikaku^Hanako=比較^花子=ヒカク^ハナコ"}
    other = {"id": "88002", "name": "Betsu^Jiro=別^次郎=ベツ^ジロウ"}
    today = {"uid": generate_uid(), "date": "20261201", "description": "胸部CT・MR"}
    prior = {"uid": generate_uid(), "date": "20250610", "description": "胸部CT（前回）"}
    f1, f2, f3 = generate_uid(), generate_uid(), generate_uid()

    def series(number, modality, description, frame_of_reference, thickness):
        return {"uid": generate_uid(), "number": number, "modality": modality, "description": description,
                "frame_of_reference": frame_of_reference, "thickness": thickness}

    root = os.path.join(OUT, "dicom")
    facts = {"patient": patient, "series": {}}
    facts["series"]["A"] = write_series(os.path.join(root, "A"), patient, today, series(1, "CT", "Axial 2.5mm", f1, 2.5),
                                        [-50 + 2.5 * i for i in range(40)])
    facts["series"]["B"] = write_series(os.path.join(root, "B"), patient, today, series(2, "CT", "Axial 6mm", f1, 6),
                                        [42 - 6 * i for i in range(16)])
    facts["series"]["C"] = write_series(os.path.join(root, "C"), patient, today, series(3, "MR", "T2 axial", f2, 5),
                                        [100 - 40 + 5 * i for i in range(12)])
    facts["series"]["D"] = write_series(os.path.join(root, "D"), patient, today, series(4, "CT", "Coronal", f1, 3),
                                        [-15 + 3 * i for i in range(10)], orientation=(1, 0, 0, 0, 0, -1))
    facts["series"]["P"] = write_series(os.path.join(root, "P"), patient, prior, series(1, "CT", "Axial 5mm", f3, 5),
                                        [-45 + 5 * i for i in range(20)])
    gap = series(2, "CT", "Gap", f3, 5)
    facts["series"]["E"] = write_series(os.path.join(root, "E"), patient, prior, gap,
                                        [-20 + 5 * i for i in range(4)] + [5 + 5 * i for i in range(4)])
    # E's missing slice (z 0), apart: a folder picked later completes the series.
    write_series(os.path.join(OUT, "missing"), patient, prior, gap, [0])
    other_study = {"uid": generate_uid(), "date": "20261130", "description": "他院CT"}
    facts["other"] = write_series(os.path.join(OUT, "other", "X"), other, other_study, series(1, "CT", "Other patient", f1, 5),
                                  [-20 + 5 * i for i in range(8)])
    facts["other"]["patient"] = other
    with open(os.path.join(OUT, "series.json"), "w", encoding="utf-8") as out:
        json.dump(facts, out, ensure_ascii=False, indent=1)


main()
