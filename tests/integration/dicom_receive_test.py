#!/usr/bin/python3
"""tests/integration/dicom_receive_test.py — `ssmix dicom receive` as a modality or PACS meets it
on 127.0.0.1. A burst of a few hundred instances from several DCMTK storescu processes at once,
the receiver killed with SIGKILL in the middle and started again: every instance storescu was
told had been stored is on disk, complete and identical (nothing partial under a final name).
Then the bad cases, each refused cleanly while the receiver goes on serving: garbage bytes, an
association offering only an unknown SOP class, a dataset cut off in the middle (a hand-made
association over a raw socket), a dataset without its Study Instance UID (failure status, kept
in rejected/ with its reason), a peer not in --allow. The same instance twice is stored once;
SIGTERM lets an open association finish and exits 0.

usage: dicom_receive_test.py SSMIX SAMPLE_DICOM_DIR WORKDIR
"""
import glob
import io
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time

import pydicom
from pydicom.dataset import Dataset
from pydicom.filewriter import write_dataset
from pydicom.uid import generate_uid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dicom_peers import copies_of_ct, free_port, wait_for_port  # noqa: E402
from checks import check, failures  # noqa: E402

SSMIX, SAMPLE_DICOM, WORK = sys.argv[1], sys.argv[2], sys.argv[3]


class Receiver:
    def __init__(self, store, port, *extra):
        self.store, self.port = store, port
        self.log = os.path.join(WORK, "receive-%d.log" % port)
        self.args = [SSMIX, "dicom", "receive", "--store", store, "--port", str(port), "--json", "--log", self.log, *extra]
        self.start()

    def start(self):
        self.process = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        assert line.startswith("listening "), "receiver did not start: %r" % line
        assert wait_for_port(self.port)

    def events(self):
        return [json.loads(line) for line in open(self.log, encoding="utf-8") if line.strip()]

    def stop(self, sig=signal.SIGTERM):
        self.process.send_signal(sig)
        return self.process.wait(timeout=60)


def echo(port, calling="ECHOSCU", called="SSMIXCARRY"):
    return subprocess.run(["echoscu", "-aet", calling, "-aec", called, "127.0.0.1", str(port)], capture_output=True).returncode == 0


def stored_files(store):
    return sorted(glob.glob(os.path.join(store, "**", "*.dcm"), recursive=True))


def make_instances(count):
    """`count` instances of patient 9999013: the sample CT's slices under new UIDs."""
    return copies_of_ct(SAMPLE_DICOM, os.path.join(WORK, "burst-%s" % generate_uid(prefix="2.25.")[-8:]), count)


def acknowledged(log_text):
    """The files storescu -v says the receiver answered with Success."""
    done, current = [], None
    for line in log_text.splitlines():
        if line.startswith("I: Sending file: "):
            current = line[len("I: Sending file: "):].strip()
        elif line.startswith("I: Received Store Response (Success)") and current:
            done.append(current)
    return done


def same_instance(received, original):
    a, b = pydicom.dcmread(received), pydicom.dcmread(original)
    return a.SOPInstanceUID == b.SOPInstanceUID and a.PixelData == b.PixelData and a.file_meta.TransferSyntaxUID == b.file_meta.TransferSyntaxUID


def cut_dataset(port):
    """Associates by hand (PS3.8), sends a C-STORE command and half of a dataset, then closes."""
    def item(kind, payload):
        return struct.pack(">BBH", kind, 0, len(payload)) + payload
    ct = b"1.2.840.10008.5.1.4.1.1.2"
    implicit = b"1.2.840.10008.1.2"
    context = struct.pack(">BBBB", 1, 0, 0, 0) + item(0x30, ct) + item(0x40, implicit)
    body = (struct.pack(">HH", 1, 0) + b"SSMIXCARRY".ljust(16) + b"CUTTER".ljust(16) + bytes(32) + item(0x10, b"1.2.840.10008.3.1.1.1")
            + item(0x20, context) + item(0x50, item(0x51, struct.pack(">I", 16384))))
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(struct.pack(">BBI", 1, 0, len(body)) + body)
    answer = s.recv(4096)
    if not answer or answer[0] != 2:
        s.close()
        return "no A-ASSOCIATE-AC (%r)" % answer[:1]
    uid = generate_uid(prefix="2.25.")
    command = Dataset()
    command.AffectedSOPClassUID = ct.decode()
    command.CommandField = 0x0001
    command.MessageID = 1
    command.Priority = 0
    command.CommandDataSetType = 0x0000
    command.AffectedSOPInstanceUID = uid
    encoded = io.BytesIO()
    stream = pydicom.filebase.DicomFileLike(encoded)
    stream.is_little_endian, stream.is_implicit_VR = True, True
    write_dataset(stream, command)
    raw = encoded.getvalue()
    raw = struct.pack("<HHII", 0, 0, 4, len(raw)) + raw   # (0000,0000) CommandGroupLength, implicit VR
    pdv = struct.pack(">IB", len(raw) + 2, 1) + bytes([0x03]) + raw
    s.sendall(struct.pack(">BBI", 4, 0, len(pdv)) + pdv)
    data = open(sorted(glob.glob(os.path.join(SAMPLE_DICOM, "CT", "IM*")))[0], "rb").read()
    half = data[len(data) // 3:len(data) // 2]
    pdv = struct.pack(">IB", len(half) + 2, 1) + bytes([0x00]) + half   # a data fragment, not the last
    s.sendall(struct.pack(">BBI", 4, 0, len(pdv)) + pdv)
    time.sleep(0.3)
    s.close()
    return uid


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    store = os.path.join(WORK, "store")
    port = free_port()
    instances = make_instances(300)
    by_uid = {pydicom.dcmread(p, stop_before_pixels=True).SOPInstanceUID: p for p in instances}

    # The burst, four senders at once, the receiver killed with SIGKILL in the middle.
    receiver = Receiver(store, port)
    check(echo(port), "echo to the receiver")
    senders = []
    for n in range(4):
        log = open(os.path.join(WORK, "storescu-%d.log" % n), "w")
        senders.append((subprocess.Popen(["storescu", "-v", "-aet", "MODALITY%d" % n, "-aec", "SSMIXCARRY", "127.0.0.1", str(port),
                                          *instances[n::4]], stdout=log, stderr=subprocess.STDOUT), log))
    time.sleep(1.0)
    receiver.process.kill()
    receiver.process.wait()
    for process, log in senders:
        process.wait(timeout=120)
        log.close()
    acked = []
    for n in range(4):
        acked += acknowledged(open(os.path.join(WORK, "storescu-%d.log" % n)).read())
    check(0 < len(acked) < len(instances), "the kill should fall in the middle of the burst (%d of %d acknowledged)" % (len(acked), len(instances)))
    on_disk = {pydicom.dcmread(p, stop_before_pixels=True).SOPInstanceUID: p for p in stored_files(store)}
    for path in acked:
        uid = pydicom.dcmread(path, stop_before_pixels=True).SOPInstanceUID
        check(uid in on_disk and same_instance(on_disk[uid], path), "acknowledged but not on disk as sent: %s" % uid)
    for path in stored_files(store):   # nothing partial under a final name
        try:
            ds = pydicom.dcmread(path)
            check(len(ds.PixelData) == ds.Rows * ds.Columns * 2, "incomplete pixel data in %s" % path)
        except Exception as e:
            check(False, "a file under its final name does not read: %s (%s)" % (path, e))

    # Started again: the rest arrives; what was already there is stored once.
    receiver.start()
    r = subprocess.run(["dcmsend", "-aet", "MODALITY9", "-aec", "SSMIXCARRY", "127.0.0.1", str(port), *instances], capture_output=True, text=True)
    check(r.returncode == 0, "re-sending the burst: %s" % r.stderr)
    files = stored_files(store)
    check(len(files) == len(instances), "after the re-send: %d files for %d instances" % (len(files), len(instances)))
    check({pydicom.dcmread(p, stop_before_pixels=True).SOPInstanceUID for p in files} == set(by_uid), "after the re-send: the instances")
    events = receiver.events()
    duplicates = [e for e in events if e.get("result") == "duplicate"]
    check(len(duplicates) >= len(acked), "the re-sent instances already stored are logged as duplicates (%d, %d acknowledged before)" % (len(duplicates), len(acked)))
    one = files[0]
    check(os.path.relpath(one, store).split(os.sep)[0] == "9999013", "stored under the patient's ID: %s" % one)

    # Garbage on the port, then an unknown SOP class only, then a cut dataset: each refused, and the
    # receiver goes on serving.
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(os.urandom(4096))
        time.sleep(0.2)
    check(echo(port), "serving after garbage bytes")
    unknown = os.path.join(WORK, "unknown-class.dcm")
    ds = pydicom.dcmread(instances[0])
    ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID = "1.2.3.4.5.6.7"
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = "2.25.1234567"
    ds.save_as(unknown)
    r = subprocess.run(["storescu", "-aec", "SSMIXCARRY", "127.0.0.1", str(port), unknown], capture_output=True, text=True)
    check(r.returncode != 0 or "Success" not in r.stdout + r.stderr, "an unknown SOP class was accepted")
    check(echo(port), "serving after an unknown SOP class")
    cut_uid = cut_dataset(port)
    time.sleep(0.5)
    check(echo(port), "serving after a dataset cut in the middle (%s)" % cut_uid)
    check(not any(cut_uid in p for p in stored_files(store)), "the cut dataset was stored")
    check(any(e["event"] in ("error", "aborted") for e in receiver.events()), "the cut dataset is not in the log")

    # A dataset the receiver cannot file (no Study Instance UID): failure status, kept with its reason.
    broken = os.path.join(WORK, "no-study.dcm")
    ds = pydicom.dcmread(instances[1])
    del ds.StudyInstanceUID
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = "2.25.7654321"
    ds.save_as(broken)
    r = subprocess.run(["storescu", "-v", "-aec", "SSMIXCARRY", "127.0.0.1", str(port), broken], capture_output=True, text=True)
    check("Received Store Response (Error: CannotUnderstand)" in r.stdout + r.stderr,
          "a dataset without Study Instance UID: %s" % (r.stdout + r.stderr)[-500:])
    rejected = os.path.join(WORK, "rejected")
    reasons = glob.glob(os.path.join(rejected, "*2.25.7654321.reason.txt"))
    check(len(reasons) == 1 and "Study Instance UID" in open(reasons[0]).read() if reasons else False, "no reason file in %s" % rejected)
    check(len(glob.glob(os.path.join(rejected, "*2.25.7654321.dcm"))) == 1, "the rejected dataset is not kept")
    check(echo(port), "serving after a rejected dataset")

    # SIGTERM with an association open: it finishes, then the receiver exits 0.
    sender = subprocess.Popen(["dcmsend", "-aec", "SSMIXCARRY", "127.0.0.1", str(port), *make_instances(40)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    status = receiver.stop(signal.SIGTERM)
    sender.wait(timeout=60)
    check(status == 0, "SIGTERM: exit status %d" % status)
    check(sender.returncode == 0, "SIGTERM: the open association was cut (%s)" % sender.stderr.read()[-300:])

    # --allow: only that peer.
    allowed = Receiver(os.path.join(WORK, "allow-store"), free_port(), "--allow", "GOOD@127.0.0.1")
    check(echo(allowed.port, calling="GOOD"), "--allow: the allowed peer is refused")
    check(not echo(allowed.port, calling="BAD"), "--allow: another AE title is accepted")
    check(any(e["event"] == "refused" and "BAD" in e["peer"] for e in allowed.events()), "--allow: the refusal is not logged")
    check(allowed.stop() == 0, "--allow receiver: exit status")

    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("dicom receive: all passed")


main()
