#!/usr/bin/python3
"""Writes SS-MIX2 test messages (ISO-2022-JP, CR-terminated) for the integration tests.

usage: make_messages.py prescription OUT ORDER SENT ORC1 DRUG   one RDE^O11 (OMP-01) file
       make_messages.py many OUTDIR COUNT PREFIX                COUNT prescriptions, orders PREFIX0..
       make_messages.py mllp OUT FILE...                        the files as one MLLP-framed stream
"""
import datetime
import os
import sys


def encode(text):
    # Each delimiter-separated part ends in ASCII mode, as SS-MIX2 writers do.
    return text.encode("iso2022_jp")


def prescription(order, sent, control, drug, patient="9999013"):
    segments = [
        "MSH|^~\\&|HIS|SEND|GW|RCV|%s||RDE^O11^RDE_O11|%s|P|2.5||||||~ISO IR87||ISO 2022-1994|"
        "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO" % (sent, sent),
        "PID|0001||%s^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19480405|M" % patient,
        "PV1|0001|O|01^^^^^C||||110^医師^一郎^^^^^^^L^^^^^I|||01",
        "ORC|%s|%s||1|||||20110701103045|||110^医師^一郎^^^^^^^L^^^^^I|||||01^内科^99XY1" % (control, order),
        "RXE||108665201^%s^HOT9|1||TAB^錠^MR9P|||||15|TAB^錠^MR9P||||||||3^TAB&錠&MR9P" % drug,
        "TQ1|1||1013044400000000&内服・経口・１日３回朝昼夕食後&JAMISDP01|||5^d|2011070100",
        "RXR|PO^口^HL70162",
    ]
    out = b""
    for segment in segments:
        out += b"|".join(b"^".join(encode(c) for c in field.split("^")) for field in segment.split("|")) + b"\r"
    return out


def main():
    command = sys.argv[1]
    if command == "prescription":
        out, order, sent, control, drug = sys.argv[2:7]
        open(out, "wb").write(prescription(order, sent, control, drug))
    elif command == "many":
        out, count, prefix = sys.argv[2], int(sys.argv[3]), sys.argv[4]
        os.makedirs(out, exist_ok=True)
        for i in range(count):
            order = "%s%05d" % (prefix, i % 50)          # 50 records, several versions each
            start = datetime.datetime(2011, 7, 1, int(prefix[-1]) % 10)
            sent = (start + datetime.timedelta(seconds=i)).strftime("%Y%m%d%H%M%S")
            open(os.path.join(out, "m%05d.hl7" % i), "wb").write(prescription(order, sent, "NW", "薬%d" % i))
    elif command == "mllp":
        out = sys.argv[2]
        with open(out, "wb") as stream:
            for path in sys.argv[3:]:
                stream.write(b"\x0b" + open(path, "rb").read().rstrip(b"\x1c") + b"\x1c\r")
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
