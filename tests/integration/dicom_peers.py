"""tests/integration/dicom_peers.py — real DICOM peers for the network tests: Orthanc (Debian's
`orthanc`, started with a generated configuration on free ports, its storage in the work folder)
and DCMTK's `dcmqrscp` (a generated dcmqrscp.cfg), plus test studies of two patients made with
pydicom from the build's sample DICOM (one patient with a Japanese name in ISO 2022 IR 87,
pydicom's own encoder, not ours), and an independent pixel decoder (GDCM's gdcmconv --raw)."""
import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pydicom
from pydicom.uid import generate_uid


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def make_patients(sample_dicom, out):
    """Patient A (9999013, as the samples are: a CT stack uncompressed, a head CT in JPEG-LS, UTF-8
    names) and patient B (30214578, 宮本 美智子 in ISO 2022 IR 87, copies of both series under new
    UIDs). Returns {patient_id: [file paths]}."""
    patients = {"9999013": [], "30214578": []}
    for sub in ("CT", "HEAD"):
        for path in sorted(glob.glob(os.path.join(sample_dicom, sub, "IM*"))):
            target = os.path.join(out, "A", sub + "_" + os.path.basename(path))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy(path, target)
            patients["9999013"].append(target)
    study = generate_uid(prefix="2.25.")
    for sub in ("CT", "HEAD"):
        series = generate_uid(prefix="2.25.")
        for path in sorted(glob.glob(os.path.join(sample_dicom, sub, "IM*"))):
            ds = pydicom.dcmread(path)
            ds.SpecificCharacterSet = "\\ISO 2022 IR 87"
            ds.PatientName = "Miyamoto^Michiko=宮本^美智子=ミヤモト^ミチコ"
            ds.PatientID = "30214578"
            ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
            ds.SOPInstanceUID = generate_uid(prefix="2.25.")
            ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
            target = os.path.join(out, "B", sub + "_" + os.path.basename(path))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            ds.save_as(target)
            patients["30214578"].append(target)
    return patients


def copies_of_ct(sample_dicom, folder, count):
    """`count` instances of patient 9999013 written into `folder`: the sample CT's slices under a
    new study, series and instance UIDs, numbered from 1. Returns their paths."""
    sources = sorted(glob.glob(os.path.join(sample_dicom, "CT", "IM*")))
    os.makedirs(folder, exist_ok=True)
    study, series, paths = generate_uid(prefix="2.25."), generate_uid(prefix="2.25."), []
    for n in range(count):
        ds = pydicom.dcmread(sources[n % len(sources)])
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.SOPInstanceUID = generate_uid(prefix="2.25.")
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.InstanceNumber = n + 1
        path = os.path.join(folder, "IM%04d" % n)
        ds.save_as(path)
        paths.append(path)
    return paths


def sop_uid(path):
    return pydicom.dcmread(path, stop_before_pixels=True).SOPInstanceUID


def pixels(path):
    """The decoded pixel data of a file, by GDCM (not DCMTK, which the program uses)."""
    with tempfile.TemporaryDirectory() as temp:
        raw = os.path.join(temp, "raw.dcm")
        subprocess.run(["gdcmconv", "--raw", path, raw], check=True, capture_output=True)
        return pydicom.dcmread(raw).PixelData


def send(port, ae_title, files, calling="SENDER"):
    """dcmsend, which proposes each file in its own transfer syntax."""
    return subprocess.run(["dcmsend", "-aet", calling, "-aec", ae_title, "127.0.0.1", str(port), *files],
                          capture_output=True, text=True)


class Orthanc:
    """Orthanc 1.10 answering C-FIND in ISO 2022 IR 87 (DefaultEncoding JapaneseKanji), with our
    AE title known as a modality (for C-MOVE back to us on `move_port`)."""

    def __init__(self, work, move_port, calling_ae="SSMIXCARRY"):
        self.dicom_port, self.http_port = free_port(), free_port()
        self.ae_title = "ORTHANC"
        folder = os.path.join(work, "orthanc")
        os.makedirs(os.path.join(folder, "db"), exist_ok=True)
        config = {"Name": "ssmix-test", "StorageDirectory": os.path.join(folder, "db"), "IndexDirectory": os.path.join(folder, "db"),
                  "DicomAet": self.ae_title, "DicomPort": self.dicom_port, "HttpPort": self.http_port,
                  "RemoteAccessAllowed": False, "AuthenticationEnabled": False, "DefaultEncoding": "JapaneseKanji",
                  "DicomModalities": {"ssmix": [calling_ae, "127.0.0.1", move_port]},
                  "DicomAlwaysAllowEcho": True, "DicomAlwaysAllowStore": True, "DicomCheckCalledAet": False, "Plugins": []}
        path = os.path.join(folder, "orthanc.json")
        with open(path, "w") as f:
            json.dump(config, f)
        self.log = open(os.path.join(folder, "orthanc.log"), "w")
        self.process = subprocess.Popen(["Orthanc", path], stdout=self.log, stderr=subprocess.STDOUT)
        if not wait_for_port(self.dicom_port):
            raise RuntimeError("Orthanc did not start; see " + self.log.name)

    @property
    def peer(self):
        return "%s@127.0.0.1:%d" % (self.ae_title, self.dicom_port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


class Dcmqrscp:
    """DCMTK's query/retrieve SCP, storing what it receives in its own database folder."""

    def __init__(self, work, move_port, calling_ae="SSMIXCARRY"):
        self.port = free_port()
        self.ae_title = "DCMQRSCP"
        folder = os.path.join(work, "dcmqrscp")
        self.db = os.path.join(folder, "db")
        os.makedirs(self.db, exist_ok=True)
        config = os.path.join(folder, "dcmqrscp.cfg")
        with open(config, "w") as f:
            f.write("NetworkTCPPort = %d\nMaxPDUSize = 16384\nMaxAssociations = 16\n\n" % self.port)
            f.write("HostTable BEGIN\nssmix = (%s, 127.0.0.1, %d)\nHostTable END\n\n" % (calling_ae, move_port))
            f.write("VendorTable BEGIN\nVendorTable END\n\n")
            f.write("AETable BEGIN\n%s %s RW (200, 1024mb) ANY\nAETable END\n" % (self.ae_title, self.db))
        self.log = open(os.path.join(folder, "dcmqrscp.log"), "w")
        self.process = subprocess.Popen(["dcmqrscp", "-c", config], stdout=self.log, stderr=subprocess.STDOUT)
        if not wait_for_port(self.port):
            raise RuntimeError("dcmqrscp did not start; see " + self.log.name)

    @property
    def peer(self):
        return "%s@127.0.0.1:%d" % (self.ae_title, self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
