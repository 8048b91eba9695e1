#!/usr/bin/python3
"""The MPR reference: what an MPR plane of one DICOM series must show, computed with pydicom and
numpy from the files alone, for tests/integration/mpr_oracle_test.py (against tests/tools/mpr-probe)
and the browser test (against the viewer).

From the files it computes:
  - modality values = stored value * Rescale Slope + Rescale Intercept (1 and 0 when absent);
  - the slices stacked by their position along the normal n = row direction x column direction
    of Image Orientation (Patient), the slice spacing from Image Position (Patient) (not from
    Slice Thickness), the in-plane spacing from Pixel Spacing;
  - optionally reduced volumes: in-plane block means of N x N pixels rounded half up, edges that
    do not fill a block dropped;
  - the planes: axial = slice z (rows and columns as the source image); coronal = volume row y
    (columns = image columns, rows = slices); sagittal = volume column x (columns = image rows,
    rows = slices); on coronal and sagittal planes the patient's head (largest patient z) is the
    top row; thick slabs are the maximum over the planes whose centre lies within SLAB_MM / 2
    of this one along its normal, clipped at the volume's faces;
  - 8-bit pixels through the VOI window, PS3.3 C.11.2.1.2.1 ("LINEAR"): 0 at or below
    c - 0.5 - (w - 1) / 2, 255 above c - 0.5 + (w - 1) / 2, otherwise
    ((x - (c - 0.5)) / (w - 1) + 0.5) * 255 truncated (a width below 1 taken as 1).

It is independent of the C++ code: nothing here reads or calls core/ or the viewer; the formulas
are written from the standard as numpy array operations in another order of arithmetic than
core/dicom/window.cpp (DCMTK's offset + value * gradient). Where the linear value is an integer
to within rounding, that other order may truncate to one below, so those pixels are reported
(on_integer) and a comparison tolerates an off-by-one there and nowhere else.

Conventions shared with core/dicom/volume_geometry.h and reformat.h: volume voxel (x, y, z) is
x = image column, y = image row, z = slice index in ascending order of n . Image Position.

Command line (for the browser test):
  mpr_reference.py FOLDER PLANE X Y Z SLAB_MM CENTER WIDTH [--reduce N]
prints {"width", "height", "spacing": [rowMm, colMm], "data", "onInteger"} as JSON: data is the
8-bit plane, row-major, top row first, base64; onInteger the same layout of 0/1, 1 where the
linear value is an exact integer (an off-by-one there is tolerated). X Y Z are voxels of the
(reduced) volume, clamped into it as the viewer does; every file in FOLDER is one slice.
"""
import base64
import json
import math
import sys
from pathlib import Path

import numpy as np
import pydicom


def _modality_values(s):
    return s.pixel_array.astype(np.float64) * float(getattr(s, "RescaleSlope", 1)) + float(getattr(s, "RescaleIntercept", 0))


def oracle_volume(folder):
    """The volume [z][y][x] of modality values, z ordered head (largest patient z) first, and the
    spacings, from the files alone."""
    slices = [pydicom.dcmread(f) for f in sorted(Path(folder).iterdir())]
    o = np.array([float(v) for v in slices[0].ImageOrientationPatient])
    normal = np.cross(o[:3], o[3:])
    slices.sort(key=lambda s: -float(s.ImagePositionPatient[2]))   # head first
    along = [float(np.dot(normal, [float(v) for v in s.ImagePositionPatient])) for s in slices]
    values = np.stack([_modality_values(s) for s in slices])
    row_mm, column_mm = (float(v) for v in slices[0].PixelSpacing)
    slice_mm = abs(along[-1] - along[0]) / (len(slices) - 1)
    return values, row_mm, column_mm, slice_mm


def normal_volume(folder):
    """The volume [z][y][x] of modality values with z in ascending order of normal . position
    (the volume's own z), the spacings and the normal, from the files alone."""
    slices = [pydicom.dcmread(f) for f in sorted(Path(folder).iterdir()) if f.is_file()]
    o = np.array([float(v) for v in slices[0].ImageOrientationPatient])
    normal = np.cross(o[:3], o[3:])
    along = lambda s: float(np.dot(normal, [float(v) for v in s.ImagePositionPatient]))
    slices.sort(key=along)
    values = np.stack([_modality_values(s) for s in slices])
    row_mm, column_mm = (float(v) for v in slices[0].PixelSpacing)
    slice_mm = (along(slices[-1]) - along(slices[0])) / (len(slices) - 1)
    return values, row_mm, column_mm, slice_mm, normal


def reduce_blocks(values, reduce):
    """In-plane block means of reduce x reduce, rounded half up; edges that do not fill a block
    are dropped. The spacings grow by `reduce` (the caller's business)."""
    if reduce <= 1:
        return values
    d, h, w = values.shape
    h2, w2 = h // reduce, w // reduce
    return np.floor(values[:, :h2 * reduce, :w2 * reduce].reshape(d, h2, reduce, w2, reduce).mean(axis=(2, 4)) + 0.5)


def slab_half(slab, spacing):
    return int(math.floor(slab / 2 / spacing + 1e-9)) if slab > 0 else 0


def expected_plane(values, plane, x, y, z_head_first, slab, spacings):
    """z_head_first counts from the head; slabs clip at the volume's faces."""
    row_mm, column_mm, slice_mm = spacings
    depth, height, width = values.shape
    if plane == "axial":
        h = slab_half(slab, slice_mm)
        return values[max(0, z_head_first - h):z_head_first + h + 1].max(axis=0)
    if plane == "coronal":
        h = slab_half(slab, row_mm)
        return values[:, max(0, y - h):y + h + 1, :].max(axis=1)
    h = slab_half(slab, column_mm)
    return values[:, :, max(0, x - h):x + h + 1].max(axis=2)


def plane_spacing(plane, row_mm, column_mm, slice_mm):
    """[mm between the plane's rows, mm between its columns]."""
    return {"axial": [row_mm, column_mm], "coronal": [slice_mm, column_mm], "sagittal": [slice_mm, row_mm]}[plane]


def window8(values, center, width):
    """8 bits through the window (PS3.3 C.11.2.1.2.1, truncated), and the mask of pixels between
    the borders whose linear value is an integer to within rounding (where another order of the
    same arithmetic may truncate to one below)."""
    c, w1 = float(center), max(float(width), 1.0) - 1
    below = values <= c - 0.5 - w1 / 2
    above = values > c - 0.5 + w1 / 2
    if w1 == 0:   # both borders at c - 0.5: a threshold
        return np.where(below, 0, 255).astype(np.uint8), np.zeros(values.shape, dtype=bool)
    linear = ((values - (c - 0.5)) / w1 + 0.5) * 255
    pixels = np.where(below, 0, np.where(above, 255, np.trunc(linear))).astype(np.uint8)
    on_integer = (np.abs(linear - np.round(linear)) < 1e-9) & ~below & ~above
    return pixels, on_integer


def reference_plane(folder, plane, x, y, z, slab, reduce=1):
    """The plane as the viewer shows it, crosshair (x, y, z) in voxels of the (reduced) volume,
    z along the normal: (modality values [row][column] top row first, [row mm, column mm])."""
    values, row_mm, column_mm, slice_mm, normal = normal_volume(folder)
    if reduce > 1:
        values = reduce_blocks(values, reduce)
        row_mm, column_mm = row_mm * reduce, column_mm * reduce
    depth, height, width = values.shape
    x, y, z = min(x, width - 1), min(y, height - 1), min(z, depth - 1)
    # The head at the top: when z runs towards the head (normal . +z > 0) the last slice is the
    # top row (reformat.h); otherwise the first.
    if normal[2] > 0:
        values, z = values[::-1], depth - 1 - z
    return expected_plane(values, plane, x, y, z, slab, (row_mm, column_mm, slice_mm)), plane_spacing(plane, row_mm, column_mm, slice_mm)


def main(argv):
    args = list(argv)
    reduce = 1
    if "--reduce" in args:
        i = args.index("--reduce")
        reduce = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 8 or args[1] not in ("axial", "coronal", "sagittal"):
        print("usage: mpr_reference.py FOLDER axial|coronal|sagittal X Y Z SLAB_MM CENTER WIDTH [--reduce N]", file=sys.stderr)
        return 2
    folder, plane = args[0], args[1]
    x, y, z = (int(v) for v in args[2:5])
    slab, center, width = (float(v) for v in args[5:8])
    values, spacing = reference_plane(folder, plane, x, y, z, slab, reduce)
    pixels, on_integer = window8(values, center, width)
    json.dump({"width": int(values.shape[1]), "height": int(values.shape[0]), "spacing": spacing,
               "data": base64.b64encode(pixels.tobytes()).decode("ascii"),
               "onInteger": base64.b64encode(on_integer.astype(np.uint8).tobytes()).decode("ascii")}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
