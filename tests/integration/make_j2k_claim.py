#!/usr/bin/env python3
"""Writes a DICOM file that claims JPEG 2000 (1.2.840.10008.1.2.4.90) but whose codestream is
two markers and noise: a damaged vendor file that nothing can decode, which
`pack` must report by name and reason (real JPEG 2000 is tested with GDCM's encoder in
pack_j2k_test.py). usage: make_j2k_claim.py IN(explicit LE) OUT"""
import struct, sys

data = bytearray(open(sys.argv[1], "rb").read())
old_uid, new_uid = b"1.2.840.10008.1.2.1\x00", b"1.2.840.10008.1.2.4.90"
ts = data.find(b"\x02\x00\x10\x00UI")
length = struct.unpack_from("<H", data, ts + 6)[0]
assert data[ts + 8:ts + 8 + length] == old_uid, "input must be Explicit VR Little Endian"
data[ts + 6:ts + 8 + length] = struct.pack("<H", len(new_uid)) + new_uid
group_length = data.find(b"\x02\x00\x00\x00UL")   # meta group length grows by the difference
struct.pack_into("<I", data, group_length + 8, struct.unpack_from("<I", data, group_length + 8)[0] + len(new_uid) - len(old_uid))
pixels = data.rfind(b"\xe0\x7f\x10\x00OW")
codestream = b"\xff\x4f\xff\x51" + bytes(range(256)) * 8 + b"\xff\xd9"   # SOC, SIZ, then noise
item = lambda payload: b"\xfe\xff\x00\xe0" + struct.pack("<I", len(payload)) + payload
encapsulated = b"\xe0\x7f\x10\x00OB\x00\x00\xff\xff\xff\xff" + item(b"") + item(codestream) + b"\xfe\xff\xdd\xe0\x00\x00\x00\x00"
open(sys.argv[2], "wb").write(bytes(data[:pixels]) + encapsulated)
