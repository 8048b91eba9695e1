#!/usr/bin/python3
"""tests/integration/dicom_pacs_test.py — `ssmix dicom echo|find|fetch` and `ssmix pack --pacs`
against real PACS on 127.0.0.1: Orthanc (Debian's 1.10) and DCMTK's dcmqrscp, each loaded with
the studies of two patients (one uncompressed and one JPEG-LS series each; one patient named in
ISO 2022 IR 87). Find by ID and by kanji name; fetch by C-GET and by C-MOVE; pack from the PACS:
the disc holds exactly the one patient's instances, pixel for pixel the originals (decoded by
GDCM), and `ssmix verify` passes. Then what goes wrong: an unreachable peer, a refused
association with its reason, an unknown move destination, a PACS that lists an instance it
cannot send.

usage: dicom_pacs_test.py SSMIX SAMPLE_DICOM_DIR WORKDIR
"""
import glob
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dicom_peers import Dcmqrscp, Orthanc, free_port, make_patients, pixels, send, sop_uid  # noqa: E402
from checks import check, failures  # noqa: E402

SSMIX, SAMPLE_DICOM, WORK = sys.argv[1], sys.argv[2], sys.argv[3]


def ssmix(*args):
    return subprocess.run([SSMIX, *args], capture_output=True, text=True, timeout=600)


def received_uids(folder):
    return {sop_uid(path) for path in glob.glob(os.path.join(folder, "**", "*.dcm"), recursive=True)}


def exercise(name, pacs, patients, originals, move_port):
    """Every command against one PACS."""
    a, b = "9999013", "30214578"
    r = ssmix("dicom", "echo", pacs.peer)
    check(r.returncode == 0 and "answered C-ECHO" in r.stdout, "%s echo: %s %s" % (name, r.returncode, r.stderr))

    r = ssmix("dicom", "find", pacs.peer, "--patient", a, "--json")
    check(r.returncode == 0, "%s find by ID: exit %d %s" % (name, r.returncode, r.stderr))
    studies = json.loads(r.stdout)["studies"] if r.returncode == 0 else []
    check(len(studies) == 2 and all(s["patientId"] == a for s in studies), "%s find by ID: studies %s" % (name, studies))
    check(sorted(s["instances"] for s in studies) == [8, 24], "%s find by ID: instance counts %s" % (name, [s["instances"] for s in studies]))
    check(all(s["series"] == 1 for s in studies), "%s find by ID: series counts" % name)
    check(all("患者" in s["patientName"] for s in studies), "%s find by ID: the UTF-8 name %s" % (name, [s["patientName"] for s in studies]))

    r = ssmix("dicom", "find", pacs.peer, "--name", "宮本 美智子", "--json")
    found = json.loads(r.stdout)["studies"] if r.returncode == 0 else []
    check(r.returncode == 0 and len(found) == 1 and found[0]["patientId"] == b, "%s find by kanji name: %s %s" % (name, found, r.stderr))
    check(found and "宮本^美智子" in found[0]["patientName"] and "ミヤモト" in found[0]["patientName"],
          "%s find by kanji name: the name decoded from ISO 2022 IR 87: %s" % (name, found[0]["patientName"] if found else None))
    check(found and found[0]["instances"] == 32 and found[0]["series"] == 2, "%s find by kanji name: counts %s" % (name, found))
    r = ssmix("dicom", "find", pacs.peer, "--name", "宮本")
    check(r.returncode == 0 and "宮本 美智子（ミヤモト ミチコ）" in r.stdout and "9999013" not in r.stdout,
          "%s find --name text: %s" % (name, r.stdout))

    expected = {sop_uid(path) for path in patients[b]}
    for method in ("get", "move"):
        out = os.path.join(WORK, name + "-fetch-" + method)
        extra = ["--method", "move", "--port", str(move_port)] if method == "move" else []
        r = ssmix("dicom", "fetch", pacs.peer, "--patient", b, "-o", out, *extra)
        check(r.returncode == 0, "%s fetch %s: exit %d %s" % (name, method, r.returncode, r.stderr))
        check("32 of 32 instances" in r.stderr, "%s fetch %s: progress %s" % (name, method, r.stderr))
        got = received_uids(out)
        check(got == expected, "%s fetch %s: %d instances, %d of the patient's" % (name, method, len(got), len(got & expected)))
        check(os.listdir(out) == [b], "%s fetch %s: folders %s (only the patient's)" % (name, method, os.listdir(out)))

    # The disc straight from the PACS: exactly patient B, pixel for pixel.
    for method in ("get", "move"):
        tree = os.path.join(WORK, name + "-disc-" + method)
        extra = ["--pacs-method", "move", "--pacs-port", str(move_port)] if method == "move" else []
        r = ssmix("pack", "--pacs", pacs.peer, "--patient", b, "--tree", tree, "--no-bundle", *extra)
        check(r.returncode == 0, "%s pack --pacs %s: exit %d %s" % (name, method, r.returncode, r.stderr[-2000:]))
        disc_files = glob.glob(os.path.join(tree, "DICOM", "*", "*", "*", "*"))
        check({sop_uid(p) for p in disc_files} == expected, "%s pack --pacs %s: the disc's instances" % (name, method))
        if method == "get":
            for path in disc_files:
                uid = sop_uid(path)
                check(pixels(path) == originals[uid], "%s pack --pacs: pixels of %s differ from the original" % (name, uid))
        v = ssmix("verify", tree)
        check(v.returncode == 0, "%s pack --pacs %s: verify: %s" % (name, method, v.stdout + v.stderr))
        check(not glob.glob(os.path.join(WORK, ".ssmix-pacs-*")), "%s pack --pacs %s: its temporary folder was left" % (name, method))


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    patients = make_patients(SAMPLE_DICOM, os.path.join(WORK, "studies"))
    originals = {sop_uid(p): pixels(p) for p in patients["30214578"]}
    everything = patients["9999013"] + patients["30214578"]

    move_port = free_port()
    orthanc = Orthanc(WORK, move_port)
    dcmqrscp = Dcmqrscp(WORK, move_port)
    try:
        for pacs in (orthanc, dcmqrscp):
            r = send(pacs.dicom_port if pacs is orthanc else pacs.port, pacs.ae_title, everything)
            check(r.returncode == 0, "loading %s: %s" % (pacs.ae_title, r.stderr))
        exercise("orthanc", orthanc, patients, originals, move_port)
        exercise("dcmqrscp", dcmqrscp, patients, originals, move_port)

        # Nobody listening: said so, exit 1.
        closed = "NOBODY@127.0.0.1:%d" % free_port()
        r = ssmix("dicom", "echo", closed)
        check(r.returncode == 1 and "cannot reach " + closed in r.stderr, "echo to a closed port: %d %s" % (r.returncode, r.stderr))
        r = ssmix("pack", "--pacs", closed, "--patient", "30214578", "-o", os.path.join(WORK, "none.iso"))
        check(r.returncode == 1 and not os.path.exists(os.path.join(WORK, "none.iso")), "pack --pacs unreachable: %d" % r.returncode)
        check(not glob.glob(os.path.join(WORK, ".ssmix-pacs-*")), "pack --pacs unreachable: temporary folder left")
        # Usage mistakes are exit 2.
        check(ssmix("dicom", "echo", "NOPORT@127.0.0.1").returncode == 2, "a peer without a port is a usage error")
        check(ssmix("dicom", "find", orthanc.peer).returncode == 2, "find without --patient or --name is a usage error")

        # A destination the PACS does not know: the message says what to register.
        r = ssmix("dicom", "fetch", dcmqrscp.peer, "--patient", "30214578", "-o", os.path.join(WORK, "unknown-dest"),
                  "--method", "move", "--port", str(move_port), "--calling-ae", "NOTKNOWN")
        check(r.returncode == 1 and "does not know the move destination NOTKNOWN" in r.stderr, "unknown move destination: %s" % r.stderr)

        # A PACS that lists an instance it cannot send: fewer than listed is an error, exit 1.
        stored = [p for p in glob.glob(os.path.join(dcmqrscp.db, "*")) if not p.endswith("index.dat")]
        victim = next(p for p in stored if sop_uid(p) in {sop_uid(x) for x in patients["30214578"]})
        os.remove(victim)
        r = ssmix("dicom", "fetch", dcmqrscp.peer, "--patient", "30214578", "-o", os.path.join(WORK, "incomplete"))
        check(r.returncode == 1 and "received 31 of the 32 instances" in r.stderr, "incomplete retrieve: %d %s" % (r.returncode, r.stderr))
    finally:
        orthanc.stop()
        dcmqrscp.stop()

    # A refused association names DCMTK's reason: our own receiver refuses a wrong called AE title.
    receiver_port = free_port()
    receiver = subprocess.Popen([SSMIX, "dicom", "receive", "--store", os.path.join(WORK, "refuse"), "--port", str(receiver_port)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    receiver.stdout.readline()
    r = ssmix("dicom", "echo", "WRONGAE@127.0.0.1:%d" % receiver_port)
    check(r.returncode == 1 and "refused the association (Called AE Title Not Recognized)" in r.stderr, "refused association: %s" % r.stderr)
    receiver.terminate()
    receiver.wait(timeout=30)

    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("dicom pacs: all passed")


main()
