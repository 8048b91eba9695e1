#!/usr/bin/env python3
"""tests/integration/pack_dciodvfy.py — dicom3tools' dciodvfy (Debian package dicom3tools) over
DICOM files we wrote to a disc: no Error and no Warning, except the few warnings listed below,
each with why it is right. A missing dciodvfy is a failure, not a pass.

usage: pack_dciodvfy.py cd|dvd FILE...      prints "FAIL: ..." per finding, exits 1 if any
   or: from pack_dciodvfy import findings   findings(path, media) -> [text]
"""
import os
import shutil
import subprocess
import sys

# dciodvfy checks a DICOMDIR against the Basic Directory IOD of PS3.3 alone. The media
# application profile of PS3.11 adds keys to the directory records, which DCMTK's
# DicomDirInterface writes (dcmdata/libsrc/dcddirif.cc, by profile); dciodvfy does not know the
# profiles and calls each such key "not in the standard IOD", then the whole DICOMDIR a
# "Standard Extended SOP Class". These are the only warnings accepted, and only in a DICOMDIR.
EXTENDED = "Warning - Dicom dataset contains attributes not present in standard DICOM IOD - this is a Standard Extended SOP Class"
NOT_IN_IOD = "Warning - Attribute is not present in standard DICOM IOD - "
ALLOWED_IN_DICOMDIR = {
    # STD-GEN-CD: the IMAGE record key Image Type, Type 1C (required when the image has it),
    # PS3.11 D.3.3, the general purpose profiles' additional keys.
    "cd": {
        EXTENDED: "the summary of the profile keys below",
        NOT_IN_IOD + "(0x0008,0x0008) CS Image Type": "IMAGE record key of STD-GEN-CD (PS3.11 D.3.3), copied from the image",
    },
    # STD-GEN-DVD-JPEG / STD-GEN-DVD-J2K: the additional keys PS3.11 lists for the compressed
    # DVD profiles (PATIENT: birth date and sex; STUDY: institution; IMAGE: size, geometry,
    # lossy compression ratio), each Type 1C, copied when the image has it.
    "dvd": {
        EXTENDED: "the summary of the profile keys below",
        NOT_IN_IOD + "(0x0008,0x0008) CS Image Type": "IMAGE record key, Type 1C",
        NOT_IN_IOD + "(0x0010,0x0030) DA Patient's Birth Date": "PATIENT record key of the DVD profiles, Type 1C",
        NOT_IN_IOD + "(0x0010,0x0040) CS Patient's Sex": "PATIENT record key of the DVD profiles, Type 1C",
        NOT_IN_IOD + "(0x0008,0x0080) LO Institution Name": "STUDY record key of the DVD profiles, Type 1C",
        NOT_IN_IOD + "(0x0028,0x0010) US Rows": "IMAGE record key of the DVD profiles, Type 1",
        NOT_IN_IOD + "(0x0028,0x0011) US Columns": "IMAGE record key of the DVD profiles, Type 1",
        NOT_IN_IOD + "(0x0020,0x0052) UI Frame of Reference UID": "IMAGE record key of the DVD profiles, Type 1C",
        NOT_IN_IOD + "(0x0020,0x0032) DS Image Position (Patient)": "IMAGE record key of the DVD profiles, Type 1C",
        NOT_IN_IOD + "(0x0020,0x0037) DS Image Orientation (Patient)": "IMAGE record key of the DVD profiles, Type 1C",
        NOT_IN_IOD + "(0x0028,0x0030) DS Pixel Spacing": "IMAGE record key of the DVD profiles, Type 1C",
        NOT_IN_IOD + "(0x0028,0x2112) DS Lossy Image Compression Ratio": "IMAGE record key of the DVD profiles, Type 1C (a lossy JPEG kept as it is)",
    },
}


def findings(path, media):
    """Every Error, and every Warning not accepted above, dciodvfy reports for one file."""
    if not shutil.which("dciodvfy"):
        return ["dciodvfy is not installed (Debian package dicom3tools; scripts/setup-debian.sh installs it)"]
    run = subprocess.run(["dciodvfy", path], capture_output=True, text=True, errors="replace")
    allowed = ALLOWED_IN_DICOMDIR[media] if os.path.basename(path) == "DICOMDIR" else {}
    found = []
    for line in (run.stdout + run.stderr).splitlines():
        line = line.strip()
        if (line.startswith("Error") or line.startswith("Warning")) and line not in allowed:
            found.append(line)
    return found


def main():
    media, paths = sys.argv[1], sys.argv[2:]
    if not paths:
        print("FAIL: dciodvfy: no files given")
        sys.exit(1)
    bad = 0
    for path in paths:
        for finding in findings(path, media):
            print("FAIL: dciodvfy %s: %s" % (path, finding))
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
