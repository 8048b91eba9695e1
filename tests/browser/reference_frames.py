#!/usr/bin/python3
"""tests/browser/reference_frames.py — the independent oracle for the viewer's frames: pydicom
(with GDCM's gdcmconv for the compressed syntaxes pydicom cannot decode alone) renders a frame
to 8 bits the way DICOM PS3.3 says a display must, sharing no code with DCMTK, which the viewer
compiles:

  grey    Modality LUT (rescale slope and intercept), then the linear VOI function of
          PS3.3 C.11.2.1.2.1 with the window the viewer reports, output 0..255; MONOCHROME1
          inverted; overlay planes (60xx, PS3.3 C.9.2) drawn white over it when asked;
  colour  RGB (YBR converted, PS3.3 C.7.6.3.1.2), palette colour through its lookup tables
          (PS3.3 C.7.6.3.1.5), scaled to 8 bits from the bits stored.

usage:
  reference_frames.py make OUTDIR SOURCE...
                                    — each source copied with its own SOP Instance and Series UIDs
                                      (public test sets reuse them across encodings of one image)
                                      and its file name as Series Description; and the files no
                                      public test set here has: palette colour and an overlay,
                                      made by pydicom from pydicom's own test images
  reference_frames.py render        — JSON requests on stdin: [{file, frame, window, overlays}];
                                      JSON answers on stdout: [{width, height, channels, data,
                                      fileWindow}] (fileWindow: the frame's own window, per-frame
                                      functional groups first)
"""
import base64
import json
import os
import subprocess
import sys
import tempfile

import numpy
import pydicom
from pydicom.pixel_data_handlers.util import apply_color_lut, apply_modality_lut, convert_color_space

TEST_FILES = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")


def decoded(path):
    """The dataset with pixels pydicom can read: as it is, else GDCM's uncompressed copy."""
    ds = pydicom.dcmread(path, force=True)
    try:
        ds.pixel_array
        return ds
    except Exception:
        with tempfile.TemporaryDirectory() as temp:
            raw = os.path.join(temp, "raw.dcm")
            subprocess.run(["gdcmconv", "--raw", path, raw], check=True, capture_output=True)
            ds = pydicom.dcmread(raw)
            ds.pixel_array
            return ds


def frame_of(ds, array, frame):
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    return array[frame] if frames > 1 else array


def linear_voi(values, center, width):
    """PS3.3 C.11.2.1.2.1, the 'LINEAR' function, to 0..255."""
    if width <= 1:
        return numpy.where(values < center - 0.5, 0.0, 255.0)
    low, high = center - 0.5 - (width - 1) / 2, center - 0.5 + (width - 1) / 2
    out = ((values - (center - 0.5)) / (width - 1) + 0.5) * 255
    return numpy.clip(numpy.where(values <= low, 0, numpy.where(values > high, 255, out)), 0, 255)


def overlay_mask(ds, frame_shape):
    mask = numpy.zeros(frame_shape, dtype=bool)
    for group in range(0x6000, 0x6020, 2):
        if (group, 0x3000) not in ds:
            continue
        plane = ds.overlay_array(group).astype(bool)
        if plane.ndim == 3:
            plane = plane[0]
        rows, columns = plane.shape
        top, left = (int(v) - 1 for v in ds[group, 0x0050].value)   # Overlay Origin, 1-based
        target = mask[max(top, 0):top + rows, max(left, 0):left + columns]
        target |= plane[max(-top, 0):max(-top, 0) + target.shape[0], max(-left, 0):max(-left, 0) + target.shape[1]]
    return mask


def file_window(ds, frame):
    """The window the file gives the frame: per-frame functional groups, shared, then top level."""
    def window_of(item):
        if "WindowCenter" not in item or "WindowWidth" not in item:
            return None
        first = lambda v: float(v[0] if isinstance(v, pydicom.multival.MultiValue) else v)
        return {"center": first(item.WindowCenter), "width": first(item.WindowWidth)}
    voi = functional_group(ds, frame, "FrameVOILUTSequence")
    return window_of(voi if voi is not None else ds)


def functional_group(ds, frame, sequence):
    """The frame's item of a functional group macro (PS3.3 C.7.6.16), per-frame before shared."""
    for groups, index in (("PerFrameFunctionalGroupsSequence", frame), ("SharedFunctionalGroupsSequence", 0)):
        if groups in ds and len(ds[groups].value) > index and sequence in ds[groups][index]:
            return ds[groups][index][sequence][0]
    return None


def modality_values(ds, pixels, frame):
    """PS3.3 C.11.1: rescale slope and intercept, from the frame's Pixel Value Transformation
    in an enhanced image (pydicom's apply_modality_lut reads only the top level)."""
    transformation = functional_group(ds, frame, "PixelValueTransformationSequence")
    if transformation is not None and "RescaleIntercept" in transformation:
        return pixels.astype(numpy.float64) * float(transformation.get("RescaleSlope", 1)) + float(transformation.RescaleIntercept)
    return apply_modality_lut(pixels, ds).astype(numpy.float64)


def geometry(ds, frame):
    """The frame's Image Orientation (Patient) and Pixel Spacing: its functional groups, else
    the top level (PS3.3 C.7.6.2, C.7.6.16.2.1-2)."""
    plane = functional_group(ds, frame, "PlaneOrientationSequence")
    measures = functional_group(ds, frame, "PixelMeasuresSequence")
    orientation = (plane if plane is not None else ds).get("ImageOrientationPatient")
    spacing = (measures if measures is not None and "PixelSpacing" in measures else ds).get("PixelSpacing")
    return {"orientation": [float(v) for v in orientation] if orientation else None,
            "spacing": [float(v) for v in spacing] if spacing else None}


def render(request):
    ds = decoded(request["file"])
    photometric = str(ds.PhotometricInterpretation).strip()
    pixels = frame_of(ds, ds.pixel_array, request["frame"])
    if photometric.startswith("MONOCHROME"):
        window = request.get("window")
        if not window:
            return {"error": "no window given for a grey frame"}
        values = modality_values(ds, pixels, request["frame"])
        out = linear_voi(values, window["center"], window["width"])
        if photometric == "MONOCHROME1":
            out = 255 - out
        if request.get("overlays"):
            out = numpy.where(overlay_mask(ds, out.shape), 255, out)
        channels = 1
    else:
        if photometric == "PALETTE COLOR":
            rgb = apply_color_lut(pixels, ds).astype(numpy.float64)
            bits = int(ds.RedPaletteColorLookupTableDescriptor[2])
        else:
            rgb = convert_color_space(pixels, photometric, "RGB") if photometric.startswith("YBR") else pixels
            rgb = rgb.astype(numpy.float64)
            bits = int(ds.BitsStored)
        out = rgb / (2 ** (bits - 8)) if bits > 8 else rgb
        channels = 3
    data = numpy.clip(numpy.floor(out), 0, 255).astype(numpy.uint8)
    return {"width": int(data.shape[1]), "height": int(data.shape[0]), "channels": channels,
            "data": base64.b64encode(data.tobytes()).decode(), "fileWindow": file_window(ds, request["frame"]),
            **geometry(ds, request["frame"])}


def make(out, sources):
    os.makedirs(out, exist_ok=True)
    for source in sources:
        ds = pydicom.dcmread(source, force=True)
        ds.SOPInstanceUID = pydicom.uid.generate_uid()
        if "file_meta" in ds.__dict__ or hasattr(ds, "file_meta"):
            ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.SeriesInstanceUID = pydicom.uid.generate_uid()
        ds.SeriesDescription = os.path.basename(source)
        ds.save_as(os.path.join(out, os.path.basename(source)), write_like_original=True)
    # Palette colour and overlays, which no public test set installed here carries.
    # Palette colour: MR_small's values as 8-bit indices into 16-bit tables (a warm ramp).
    ds = pydicom.dcmread(os.path.join(TEST_FILES, "MR_small.dcm"))
    values = ds.pixel_array.astype(numpy.float64)
    indices = numpy.round((values - values.min()) / (values.max() - values.min()) * 255).astype(numpy.uint8)
    ramp = numpy.arange(256, dtype=numpy.float64) / 255
    tables = {"Red": numpy.clip(ramp * 2, 0, 1), "Green": numpy.clip(ramp * 2 - 0.5, 0, 1), "Blue": numpy.clip(ramp * 3 - 2, 0, 1)}
    ds.PhotometricInterpretation = "PALETTE COLOR"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    for element, (colour, table) in enumerate(tables.items()):
        ds.add_new(0x00281101 + element, "US", [256, 0, 16])                  # the descriptor: entries, first value, bits
        ds.add_new(0x00281201 + element, "OW", numpy.round(table * 65535).astype("<u2").tobytes())
    for keyword in ("WindowCenter", "WindowWidth", "RescaleIntercept", "RescaleSlope"):
        if keyword in ds:
            delattr(ds, keyword)
    ds.PixelData = indices.tobytes()
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = pydicom.uid.generate_uid()
    ds.SeriesInstanceUID = pydicom.uid.generate_uid()
    ds.SeriesDescription = "palette.dcm"
    ds.save_as(os.path.join(out, "palette.dcm"))
    # Overlay: CT_small with a graphic overlay plane (a frame and a cross), 1 bit per pixel.
    ds = pydicom.dcmread(os.path.join(TEST_FILES, "CT_small.dcm"))
    plane = numpy.zeros((ds.Rows, ds.Columns), dtype=numpy.uint8)
    plane[10:12, 10:100] = plane[10:100, 10:12] = plane[60, :] = plane[:, 60] = 1
    bits = numpy.packbits(plane.flatten(), bitorder="little")
    ds.add_new(0x60000010, "US", int(ds.Rows))
    ds.add_new(0x60000011, "US", int(ds.Columns))
    ds.add_new(0x60000040, "CS", "G")
    ds.add_new(0x60000050, "SS", [1, 1])
    ds.add_new(0x60000100, "US", 1)
    ds.add_new(0x60000102, "US", 0)
    ds.add_new(0x60003000, "OW", bits.tobytes())
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = pydicom.uid.generate_uid()
    ds.SeriesInstanceUID = pydicom.uid.generate_uid()
    ds.SeriesDescription = "overlay.dcm"
    ds.save_as(os.path.join(out, "overlay.dcm"))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3:])
    else:
        answers = []
        for request in json.load(sys.stdin):
            try:
                answers.append(render(request))
            except Exception as e:   # the test reports it with the file's name
                answers.append({"error": f"{type(e).__name__}: {e}"})
        json.dump(answers, sys.stdout)
