#!/usr/bin/python3
"""Builds the HL7 benchmark corpus: the NHO sample messages (tests/data/ssmix2, valid ones),
repeated until the corpus reaches the size asked for, written as one file in which every
message ends with the MLLP end byte 0x1C and CR, so every tool splits it the same way.

usage: make_corpus.py SAMPLE_ROOT OUT MEGABYTES
"""
import os
import sys


def main():
    root, out, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    messages = []
    for folder, _, files in sorted(os.walk(os.path.join(root, "999"))):
        for name in sorted(files):
            data = open(os.path.join(folder, name), "rb").read().rstrip(b"\x1c").rstrip(b"\r") + b"\r"
            messages.append(data)
    target = megabytes * 1024 * 1024
    written = count = 0
    with open(out, "wb") as corpus:
        while written < target:
            for m in messages:
                corpus.write(m + b"\x1c\r")
                written += len(m) + 2
                count += 1
    print("%d messages, %d bytes" % (count, written))


if __name__ == "__main__":
    main()
