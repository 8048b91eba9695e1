#!/usr/bin/python3
"""Writes COUNT distinct SS-MIX2 messages (ISO-2022-JP) for the ingest benchmark: the NHO sample
messages with the patient ID, MSH-10 and order numbers varied, so they spread over many
patients, days and records the way a hospital's day of traffic does.

usage: make_messages.py SAMPLE_ROOT OUTDIR COUNT
"""
import os
import re
import sys


def main():
    root, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    templates = []
    for folder, _, files in sorted(os.walk(os.path.join(root, "999"))):
        for name in sorted(files):
            templates.append(open(os.path.join(folder, name), "rb").read())
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        data = templates[i % len(templates)]
        patient = b"%08d" % (10000000 + (i // len(templates)) % 2000)
        # PID-3 (first component), MSH-10 and ORC-2 made unique per message.
        data = re.sub(rb"(\rPID\|[^|]*\|[^|]*\|)[^|^\r]*", lambda m: m.group(1) + patient, data, count=1)
        data = re.sub(rb"^(MSH(\|[^|]*){8}\|)[^|]*", lambda m: m.group(1) + b"BENCH%09d" % i, data, count=1)
        data = re.sub(rb"(\rORC\|[^|]*\|)[^|^\r]*", lambda m: m.group(1) + b"%015d" % i, data)
        sub = os.path.join(out, "%03d" % (i // 1000))
        os.makedirs(sub, exist_ok=True)
        open(os.path.join(sub, "%06d.hl7" % i), "wb").write(data)


if __name__ == "__main__":
    main()
