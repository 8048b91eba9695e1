#!/usr/bin/python3
"""Parses the corpus with Debian's python3-hl7 (hl7.parse), after decoding each message from
ISO-2022-JP as it must be for Japanese text. Prints messages and seconds (parse only)."""
import sys
import time

import hl7

data = open(sys.argv[1], "rb").read()
messages = [m.strip(b"\r") for m in data.split(b"\x1c") if m.strip(b"\r")]
start = time.perf_counter()
fields = 0
for m in messages:
    parsed = hl7.parse(m.decode("iso2022_jp").replace("\r", "\r"))
    fields += len(parsed)
elapsed = time.perf_counter() - start
print("%d %.6f" % (len(messages), elapsed))
