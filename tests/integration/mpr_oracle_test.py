#!/usr/bin/env python3
"""MPR against an outside oracle: writes CT and MR series with pydicom (a head-to-feet CT with
Rescale Slope 2 / Intercept -2048, an MR with 16-bit values and rows running to the patient's
right, a CT with a slice missing), runs tests/tools/mpr-probe on them, and compares every
plane with the one numpy computes from the files alone: modality values = stored * slope +
intercept, slices stacked by their position along the normal, the patient's head (largest
patient z) at the top, thick slabs as the maximum within half the slab, reduced volumes as
block means rounded half up, windows as PS3.3 C.11.2.1.2.1 (truncated to 8 bits); the numpy
oracle itself is tests/integration/mpr_reference.py.
usage: mpr_oracle_test.py MPR_PROBE OUTDIR"""
import json, shutil, subprocess, sys
from pathlib import Path

import numpy as np
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

sys.path.insert(0, str(Path(__file__).resolve().parent))   # ctest runs this file by its path
from mpr_reference import expected_plane, oracle_volume, plane_spacing, reduce_blocks, window8   # noqa: E402

probe, out = sys.argv[1], Path(sys.argv[2])
shutil.rmtree(out, ignore_errors=True)
out.mkdir(parents=True)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def write_series(folder, modality, positions, orientation, stored_slices, spacing, slope=None, intercept=None,
                 bits_stored=16, signed=False, names=None):
    folder.mkdir(parents=True)
    series_uid = generate_uid()
    sop_class = "1.2.840.10008.5.1.4.1.1.2" if modality == "CT" else "1.2.840.10008.5.1.4.1.1.4"
    for i, (position, stored) in enumerate(zip(positions, stored_slices)):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = sop_class
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.SOPClassUID, ds.SOPInstanceUID = sop_class, meta.MediaStorageSOPInstanceUID
        ds.PatientID, ds.PatientName, ds.Modality = "MPR0001", "Test^MPR", modality
        ds.StudyInstanceUID, ds.SeriesInstanceUID = "1.2.392.200036.9999.1", series_uid
        ds.SeriesNumber, ds.InstanceNumber = 1, i + 1
        ds.ImagePositionPatient = [f"{v:.3f}" for v in position]
        ds.ImageOrientationPatient = [str(v) for v in orientation]
        ds.PixelSpacing = [str(v) for v in spacing]
        ds.SliceThickness = "9.9"   # deliberately not the spacing: the spacing comes from positions
        ds.Rows, ds.Columns = stored.shape
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, bits_stored, bits_stored - 1
        ds.PixelRepresentation = 1 if signed else 0
        if slope is not None:
            ds.RescaleSlope, ds.RescaleIntercept = str(slope), str(intercept)
        ds.PixelData = stored.astype("<i2" if signed else "<u2").tobytes()
        ds.save_as(folder / (names[i] if names else f"IM{i + 1:03d}"), write_like_original=False)


def run_probe(folder, plane, x, y, z, slab, name, budget=None, window=None):
    args = [probe, str(folder), plane, str(x), str(y), str(z), str(slab), str(out / name)]
    if budget:
        args.append(str(budget))
    if window:
        args += ["--window", str(window[0]), str(window[1])]
    result = subprocess.run(args, capture_output=True, text=True)
    header = json.loads((out / (name + ".json")).read_text())
    if result.returncode != 0:
        return result.returncode, header, None
    p = header["plane"]
    stored = np.fromfile(out / (name + ".raw"), dtype="<i2").reshape(p["height"], p["width"])
    return 0, header, p["offset"] + p["step"] * stored.astype(np.float64)


def compare(case, folder, plane, x, y, z, slab, budget=None, window=None, reduce=1):
    values, row_mm, column_mm, slice_mm = oracle_volume(folder)
    if reduce > 1:   # block means, rounded half up; edges that do not fill a block are dropped
        values = reduce_blocks(values, reduce)
        row_mm, column_mm = row_mm * reduce, column_mm * reduce
    code, header, got = run_probe(folder, plane, x, y, z, slab, case, budget, window)
    check(code == 0, f"{case}: the probe refused: {header}")
    if code != 0:
        return
    volume = header["volume"]
    check(volume["reduced_by"] == reduce, f"{case}: reduced by {volume['reduced_by']}, expected {reduce}")
    # The probe's z counts along the normal; the oracle's from the head.
    z_head_first = values.shape[0] - 1 - z if volume["normal"][2] > 0 else z
    expected = expected_plane(values, plane, x, y, z_head_first, slab, (row_mm, column_mm, slice_mm))
    check(got.shape == expected.shape, f"{case}: plane {got.shape}, expected {expected.shape}")
    if got.shape == expected.shape:
        differing = int(np.count_nonzero(got != expected))
        check(differing == 0, f"{case}: {differing} of {expected.size} values differ; first at "
              f"{np.argwhere(got != expected)[:1].tolist()}")
    want_spacing = plane_spacing(plane, row_mm, column_mm, slice_mm)
    check(np.allclose(header["plane"]["spacing_mm"], want_spacing, atol=1e-6),
          f"{case}: spacing {header['plane']['spacing_mm']}, expected {want_spacing}")
    if window:
        expected8, on_integer = window8(expected, *window)
        got8 = np.fromfile(out / (case + ".u8"), dtype=np.uint8).reshape(expected.shape)
        # Exact, except where the linear value is an integer to within rounding: there another
        # order of the same arithmetic may truncate to one below.
        differing = int(np.count_nonzero((got8 != expected8) & ~on_integer))
        check(differing == 0, f"{case}: {differing} pixels of the 8-bit rendering differ")
        check(int(np.abs(got8.astype(int) - expected8.astype(int)).max()) <= 1, f"{case}: 8-bit rendering off by more than 1")
    print(f"ok: {case} ({plane} {got.shape[1]}x{got.shape[0]}, slab {slab} mm -> {header['plane']['slab_voxels']} planes)")


rng = np.random.default_rng(20261207)

# CT, 12-bit unsigned with slope 2 / intercept -2048, written head to feet (z descending with
# the instance number), file names not in position order; slices 2.5 mm apart, pixels 0.7 x 0.6,
# 144 x 128 so that halving keeps the 64 voxels a side the planner insists on.
ct_count, ct_rows, ct_columns = 9, 128, 144
ct = out / "ct-descending"
positions = [(-100.0, -120.0, 50.0 - 2.5 * i) for i in range(ct_count)]
stored = [rng.integers(0, 4096, size=(ct_rows, ct_columns)) for _ in range(ct_count)]
names = [f"F{(7 * i) % ct_count:03d}" for i in range(ct_count)]
write_series(ct, "CT", positions, [1, 0, 0, 0, 1, 0], stored, [0.7, 0.6], 2, -2048, bits_stored=12, names=names)
compare("ct-axial", ct, "axial", 5, 7, 3, 0, window=(40, 400))
compare("ct-coronal", ct, "coronal", 5, 7, 3, 0, window=(-600, 1500))
compare("ct-sagittal", ct, "sagittal", 11, 7, 3, 0)
compare("ct-coronal-slab", ct, "coronal", 5, 7, 3, 2.8)     # rows 0.7 mm apart: +-2 rows
compare("ct-sagittal-slab-edge", ct, "sagittal", 1, 0, 0, 3)  # columns 0.6 mm: +-2, clipped at 0
compare("ct-axial-slab", ct, "axial", 0, 0, 4, 5)             # slices 2.5 mm: +-1
# A budget that forces the in-plane resolution down by 2 (144 x 128 x 9 x 2 bytes = 331,776;
# halved, 82,944).
compare("ct-reduced-coronal", ct, "coronal", 3, 40, 0, 0, budget=100000, reduce=2)
compare("ct-reduced-sagittal-slab", ct, "sagittal", 30, 4, 0, 3, budget=100000, reduce=2)

# MR, 16-bit unsigned up to 65535, rows running to the patient's right (the normal points to the
# feet), slices written feet to head: the values must survive the 16-bit volume exactly.
mr = out / "mr-ascending"
mr_count = 7
positions = [(80.0, -90.0, -30.0 + 4.0 * i) for i in range(mr_count)]
stored = [rng.integers(0, 65536, size=(24, 20)) for _ in range(mr_count)]
stored[3][5, 6] = 65535
stored[2][0, 0] = 0
write_series(mr, "MR", positions, [-1, 0, 0, 0, 1, 0], stored, [1.1, 0.9])
compare("mr-axial", mr, "axial", 6, 5, 3, 0)
compare("mr-coronal", mr, "coronal", 6, 5, 3, 0, window=(30000, 60000))
compare("mr-sagittal-slab", mr, "sagittal", 6, 5, 3, 2)

# A CT with one slice missing: refused with the gap found and the typical gap.
gap = out / "ct-gap"
positions = [(0.0, 0.0, 2.0 * i) for i in range(8) if i != 5]
write_series(gap, "CT", positions, [1, 0, 0, 0, 1, 0], [np.zeros((8, 8), dtype=int)] * 7, [1, 1], 1, -1024)
code, header, _ = run_probe(gap, "coronal", 0, 0, 0, 0, "ct-gap")
check(code == 1 and not header["available"], f"ct-gap: expected a refusal, got {code} {header}")
check(abs(header.get("found", 0) - 4.0) < 1e-6 and abs(header.get("expected", 0) - 2.0) < 1e-6,
      f"ct-gap: gap {header.get('found')} / {header.get('expected')}, expected 4 / 2")
print("ok: ct-gap refused:", header.get("reason_en"))

sys.exit(1 if failures else 0)
