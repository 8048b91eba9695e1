#!/usr/bin/python3
"""tests/integration/check_corpus_test.py — `ssmix check` against rules it did not write.

Builds a corpus of broken storages, each a copy of a clean storage with ONE rule of
../shared/research/ssmix2.md broken once, runs the real `ssmix check --json` on each, and
asserts that
  - the finding the rule predicts (code, and the words that name the fault) is reported on the
    file at fault,
  - the broken file gets no finding outside the case's list (the predicted ones, plus the
    consequences the rules predict, e.g. a date folder that is not a date also differs from
    the message's care date),
  - no other file gets any finding, and the exit status is 1 (0 for the clean copies).

The clean storage is chosen from the NHO sample tree (tests/data/ssmix2/.../sampleData/999) by
this script's own reading of the rules (ORACLE below), not by the checker: a file is clean
when it decodes as ISO-2022-JP, its path and name agree, PID-3 is the folder's patient, the
care-date field (table below, from the research note) gives the date folder, and the fields
every data type requires are present. The checker must then find nothing in it.

Usage: check_corpus_test.py SSMIX SAMPLE_DATA   (needs Python 3 only; run by ctest)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SSMIX, SAMPLES = sys.argv[1], sys.argv[2]

# ---------------------------------------------------------------------------------------------
# The oracle's own tables, written from ../shared/research/ssmix2.md (not from core/ssmix2).

# §1.2, "Which message field gives the care date" (DTT include/SSMIX_CAREDATE.json). None: the
# data has no care date and lives under "-".
CARE_DATE_FIELD = {
    "ADT^A08": None, "ADT^A23": None, "ADT^A54": None, "ADT^A55": None, "ADT^A60": None, "PPR^ZD1": None,
    "ADT^A04": "PV1-44", "ADT^A01": "PV1-44", "ADT^A11": "PV1-44",
    "ADT^A14": "PV2-8", "ADT^A27": "PV2-8", "ADT^A15": "PV2-8", "ADT^A26": "PV2-8",
    "ADT^A16": "PV2-9", "ADT^A25": "PV2-9",
    "ADT^A03": "PV1-45", "ADT^A13": "PV1-45",
    "ADT^A53": "PV2-47",
    "OMD^O03": "ORC-9", "RDE^O11": "ORC-9", "OML^O33": "ORC-9", "OMG^O19": "ORC-9",
    "RAS^O17": "RXA-3", "OUL^R22": "SPM-17", "OMI^Z23": "OBR-7", "ORU^R01": "OBR-7",
    "ADT^A21": "EVN-6", "ADT^A52": "EVN-6", "ADT^A22": "EVN-6", "ADT^A02": "EVN-6", "ADT^A12": "EVN-6",
}
# §1.5, extract "all data types: MSH-1,2,7,9,10,11,12,18 R; PID-3,5,7,8 R" (MSH-18 left out:
# the oracle only needs enough to reject the samples' known slips).
REQUIRED_EVERYWHERE = ["MSH-7", "MSH-9", "MSH-10", "MSH-11", "MSH-12", "PID-3", "PID-5", "PID-7", "PID-8"]


def decode(data):
    """§2.1: ASCII and JIS X 0208 with ISO 2022 switching; DTT checks with Python's codec."""
    return data.decode("iso-2022-jp")


def segments(text):
    return [s for s in text.replace("\x1c", "").split("\r") if s.strip()]


def field(segs, spec):
    """'PID-3' -> the first non-empty value over all segments with that id (MSH-1 is '|')."""
    seg_id, n = spec.split("-")
    n = int(n)
    for s in segs:
        parts = s.split("|")
        if parts[0] != seg_id:
            continue
        index = n - 1 if seg_id == "MSH" else n
        if index < len(parts) and parts[index]:
            return parts[index]
    return ""


def oracle_clean(root, rel):
    """Why the file breaks a rule, or None when it follows all the oracle knows."""
    parts = rel.split("/")
    if len(parts) != 6:
        return "not <ID[0:3]>/<ID[3:6]>/<ID>/<date>/<type>/<file> (§1.2)"
    name = parts[5].split("_")
    if len(name) != 7 or name[6] not in "012" or len(name[6]) != 1:
        return "name is not the 7 parts of §1.3"
    pid, date, dtype = name[0], name[1], name[2]
    if parts[0] + "/" + parts[1] != pid[0:3] + "/" + pid[3:6] or parts[2] != pid or parts[3] != date or parts[4] != dtype:
        return "path and name disagree (§1.2, §1.3)"
    try:
        text = decode(open(os.path.join(root, rel), "rb").read())
    except UnicodeDecodeError as e:
        return "not ISO-2022-JP (§2.1): %s" % e
    segs = segments(text)
    for spec in REQUIRED_EVERYWHERE:
        if not field(segs, spec):
            return "%s empty (§1.5)" % spec
    if field(segs, "PID-3").split("^")[0] != pid:
        return "PID-3 is not the folder's patient (§1.2)"
    message = "^".join(field(segs, "MSH-9").split("^")[:2])
    if message not in CARE_DATE_FIELD:
        return "message %s is none of §1.5's" % message
    care = CARE_DATE_FIELD[message]
    expected = "-" if care is None else field(segs, care)[:8]
    if expected != date:
        return "care date %s from %s, stored under %s (§1.2)" % (expected, care, date)
    return None


# ---------------------------------------------------------------------------------------------
# Editing helpers: messages are decoded, edited as text and encoded again (Python's encoder
# switches back to ASCII before every delimiter, as §2.2 requires), unless a case edits bytes.

def read_text(path):
    return decode(open(path, "rb").read())


def write_text(path, text):
    open(path, "wb").write(text.encode("iso-2022-jp"))


def edit_segments(path, change):
    text = read_text(path)
    tail = "\r\x1c" if text.endswith("\r\x1c") else "\r"
    segs = segments(text)
    segs = change(segs)
    write_text(path, "\r".join(segs) + tail)


def set_field(segs, seg_id, n, value, every=True):
    done = False
    out = []
    for s in segs:
        parts = s.split("|")
        if parts[0] == seg_id and (every or not done):
            index = n - 1 if seg_id == "MSH" else n
            while len(parts) <= index:
                parts.append("")
            parts[index] = value
            done = True
        out.append("|".join(parts))
    assert done, "no %s segment" % seg_id
    return out


def move(root, old, new):
    os.makedirs(os.path.dirname(os.path.join(root, new)), exist_ok=True)
    os.rename(os.path.join(root, old), os.path.join(root, new))
    return new


def copy(root, old, new):
    os.makedirs(os.path.dirname(os.path.join(root, new)), exist_ok=True)
    shutil.copyfile(os.path.join(root, old), os.path.join(root, new))
    return new


def write_bytes(root, rel, data):
    os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
    open(os.path.join(root, rel), "wb").write(data)
    return rel


# ---------------------------------------------------------------------------------------------
# The clean files the cases break (all in the sample tree; the oracle must find them clean).
PT = "999/901/9999013"
OMP01 = PT + "/20110701/OMP-01/9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1"
ADT00 = PT + "/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1"
ADT22 = PT + "/20111120/ADT-22/9999013_20111120_ADT-22_999999999999999_20111220224447339_01_1"
OMP01_NAME = OMP01.rsplit("/", 1)[1]


def renamed(rel, old, new):
    """The same file with one part of its name (and the same part of its folder) changed."""
    return rel.replace(old, new)


# Each case: name, how to break the copy (returns the broken files' paths, or None for the
# file itself), the expected findings [(file, code, [words])], and the codes the rules also
# predict on the broken file(s).
CASES = []


def case(name, rule, expect, also=()):
    def register(breaker):
        CASES.append({"name": name, "rule": rule, "break": breaker, "expect": expect, "also": set(also)})
        return breaker
    return register


# --- file path against file name ---------------------------------------------------------

# §1.2: the third folder is the full patient ID; §1.3 field 1: the name starts with it.
P_ID = "999/901/9999014/20110701/OMP-01/" + OMP01_NAME
@case("path: patient ID folder", "§1.2 <ID> folder = §1.3 patient ID", [(P_ID, "check.name.patient", ["9999013", "9999014"])])
def _(root):
    move(root, OMP01, P_ID)

# §1.2: the first folder is the first 3 characters of the patient ID (not a hash).
P_HASH1 = "998/901/9999013/20110701/OMP-01/" + OMP01_NAME
@case("path: first-3-characters folder", "§1.2 <ID[0:3]>", [(P_HASH1, "check.path.hash_folders", ["998/901", "999/901"])])
def _(root):
    move(root, OMP01, P_HASH1)

# §1.2: the second folder is characters 4-6 of the patient ID.
P_HASH2 = "999/910/9999013/20110701/OMP-01/" + OMP01_NAME
@case("path: characters-4-to-6 folder", "§1.2 <ID[3:6]>", [(P_HASH2, "check.path.hash_folders", ["999/910", "999/901"])])
def _(root):
    move(root, OMP01, P_HASH2)

# §1.2 date folder = §1.3 field 2 (care date).
P_DATE = PT + "/20110702/OMP-01/" + OMP01_NAME
@case("path: date folder", "§1.2 <date> = §1.3 care date", [(P_DATE, "check.name.care_date", ["20110701", "20110702"])])
def _(root):
    move(root, OMP01, P_DATE)

# §1.2 data-type folder = §1.3 field 3 (data type).
P_TYPE = PT + "/20110701/OMP-02/" + OMP01_NAME
@case("path: data type folder", "§1.2 <data type> = §1.3 data type", [(P_TYPE, "check.name.data_type", ["OMP-01", "OMP-02"])])
def _(root):
    move(root, OMP01, P_TYPE)

# §1.2 notes: ADT-00 has no care date and lives under "-".
P_DATELESS = PT + "/20111220/ADT-00/9999013_20111220_ADT-00_999999999999999_20111220224447339_-_1"
@case("path: dateless data type in a date folder", "§1.2 ADT-00 under \"-\"", [(P_DATELESS, "check.path.care_date", ["ADT-00", "\"-\""])],
      also=["check.content.care_date"])   # and the message (no care date) disagrees with the name's date
def _(root):
    move(root, ADT00, P_DATELESS)

# §1.2: an order (care date from ORC-9) needs a date folder, not "-".
P_UNDATED = PT + "/-/OMP-01/" + OMP01_NAME.replace("_20110701_", "_-_")
@case("path: dated data type under \"-\"", "§1.2 care date folder", [(P_UNDATED, "check.path.care_date", ["OMP-01", "care date"])],
      also=["check.content.care_date"])   # ORC-9 says 20110701
def _(root):
    move(root, OMP01, P_UNDATED)

# §1.5: the 26 data-type codes; ADT-62 is not one of them (see the report of issue 16).
P_UNKNOWN = PT + "/20110701/ADT-62/" + OMP01_NAME.replace("OMP-01", "ADT-62")
@case("path: folder that is no data type", "§1.5 data types", [(P_UNKNOWN, "check.path.data_type", ["ADT-62"])],
      also=["check.content.data_type"])   # the message is still an OMP-01
def _(root):
    move(root, OMP01, P_UNKNOWN)

# §1.2: messages are exactly five folders deep.
P_DEPTH = PT + "/" + OMP01_NAME
@case("path: file outside a data type folder", "§1.2 tree", [(P_DEPTH, "check.path.depth", ["folders deep"])])
def _(root):
    move(root, OMP01, P_DEPTH)

# --- content against file name -------------------------------------------------------------

# §1.5: ADT-22 is ADT^A01; ADT^A04 is ADT-12 (same care-date field PV1-44, §1.2).
@case("content: MSH-9 message type", "§1.5 ADT-22 = ADT^A01", [(ADT22, "check.content.data_type", ["MSH-9", "ADT-12", "ADT-22"])])
def _(root):
    edit_segments(os.path.join(root, ADT22), lambda s: set_field(s, "MSH", 9, "ADT^A04^ADT_A01"))

# §1.2 / §3.1: PID-3 is the patient ID of the folder and the name.
@case("content: PID-3 patient ID", "§1.2, §3.1 PID-3", [(OMP01, "check.content.patient", ["PID-3", "9999014"])])
def _(root):
    edit_segments(os.path.join(root, OMP01), lambda s: set_field(s, "PID", 3, "9999014^^^^PI"))

# §1.2 care-date table: RDE^O11 takes its care date from ORC-9.
@case("content: care date (ORC-9)", "§1.2 RDE^O11 -> ORC-9", [(OMP01, "check.content.care_date", ["ORC-9", "20110702"])])
def _(root):
    edit_segments(os.path.join(root, OMP01), lambda s: set_field(s, "ORC", 9, "20110702103045"))

# §1.2 care-date table: ADT^A01 takes its care date from PV1-44.
@case("content: care date (PV1-44)", "§1.2 ADT^A01 -> PV1-44", [(ADT22, "check.content.care_date", ["PV1-44", "20111121"])])
def _(root):
    edit_segments(os.path.join(root, ADT22), lambda s: set_field(s, "PV1", 44, "201111211600"))

# §1.2: the care date is taken from the field; an empty one gives no date.
@case("content: care-date field empty", "§1.2 RDE^O11 -> ORC-9", [(OMP01, "ssmix2.care_date.missing", ["ORC-9"])])
def _(root):
    edit_segments(os.path.join(root, OMP01), lambda s: set_field(s, "ORC", 9, ""))

# §1.2: the care date is a date; 2011-02-30 is none.
@case("content: care date not a date", "§1.2 YYYYMMDD", [(OMP01, "ssmix2.care_date.invalid", ["ORC-9", "20110230"])])
def _(root):
    edit_segments(os.path.join(root, OMP01), lambda s: set_field(s, "ORC", 9, "20110230103045"))

# §1.5: the message types of SS-MIX2; ADT^A99 is none.
@case("content: unknown message type", "§1.5 messages", [(ADT22, "ssmix2.type.unknown", ["MSH-9", "ADT^A99"])])
def _(root):
    edit_segments(os.path.join(root, ADT22), lambda s: set_field(s, "MSH", 9, "ADT^A99^ADT_A01"))

# §1.8: one HL7 v2.5 message per file, starting with MSH.
@case("content: not an HL7 message", "§1.2 one message per file", [(OMP01, "hl7.msh.missing", ["MSH"])])
def _(root):
    write_bytes(root, OMP01, b"this file was overwritten by a backup tool\r\n")

# --- encoding ------------------------------------------------------------------------------

# §2.1: only ASCII and JIS X 0208 through ESC $ B / ESC ( B; 8-bit bytes (here the patient's
# kanji name in Shift_JIS) are not ISO-2022-JP.
@case("encoding: stray 8-bit bytes (Shift_JIS)", "§2.1", [(OMP01, "text.jis.invalid_byte", ["PID-5", "8-bit"])])
def _(root):
    path = os.path.join(root, OMP01)
    data = open(path, "rb").read()
    jis = "患者".encode("iso-2022-jp")           # ESC $ B 4 5 < T ESC ( B
    assert data.count(jis) >= 1
    open(path, "wb").write(data.replace(jis, "患者".encode("cp932"), 1))

# §2.1: half-width katakana is not allowed (ESC ( I is JIS X 0201 katakana).
@case("encoding: half-width katakana", "§2.1", [(OMP01, "text.jis.halfwidth_kana", ["PID-5"])])
def _(root):
    path = os.path.join(root, OMP01)
    data = open(path, "rb").read()
    kana = "カンジャ".encode("iso-2022-jp")
    assert data.count(kana) >= 1
    open(path, "wb").write(data.replace(kana, b"\x1b(I" + bytes([0x36, 0x5D, 0x3C, 0x5E, 0x2C]) + b"\x1b(B", 1))

# §2.2: a JIS run must end with ESC ( B before the next delimiter / CR; here the last run of
# the PID segment (the address, PID-11) loses its ESC ( B.
@case("encoding: JIS run not closed", "§2.2", [(OMP01, "hl7.jis.unclosed", ["PID-11"])],
      also=["text.jis.unclosed"])   # the field's text, decoded alone, also ends in JIS mode
def _(root):
    path = os.path.join(root, OMP01)
    data = open(path, "rb").read()
    pid = data.index(b"\rPID|")
    end = data.index(b"\r", pid + 1)
    segment = data[pid:end]
    last = segment.rindex(b"\x1b(B")
    open(path, "wb").write(data[:pid] + segment[:last] + segment[last + 3:] + data[end:])

# §2.1: JIS X 0208 only; 0x2D21 is a CP932/NEC row-13 character (①), not JIS X 0208.
@case("encoding: character outside JIS X 0208", "§2.1 (NHO-CP932)", [(OMP01, "text.jis.cp932_extension", ["PID-5"])])
def _(root):
    path = os.path.join(root, OMP01)
    data = open(path, "rb").read()
    name = "太郎".encode("iso-2022-jp")
    assert data.count(name) >= 1
    open(path, "wb").write(data.replace(name, b"\x1b$B\x2d\x21\x1b(B", 1))

# --- segment structure ---------------------------------------------------------------------

# §1.5 RDE^O11 grammar: { ORC ... RXE ... {TQ1}+ {RXR}+ ... }+ — an order without its RXR.
@case("structure: required segment missing", "§1.5 RDE^O11 {RXR}", [(OMP01, "ssmix2.structure.unexpected_segment", ["ORC", "RXR"])])
def _(root):
    def drop_first_rxr(segs):
        i = next(k for k, s in enumerate(segs) if s.startswith("RXR|"))
        return segs[:i] + segs[i + 1:]
    edit_segments(os.path.join(root, OMP01), drop_first_rxr)

# §1.5 (DTT HL7_SEGMENTORDER): PID comes before PV1 in ADT^A01.
@case("structure: segments out of order", "§1.5 ADT^A01 order", [(ADT22, "ssmix2.structure.unexpected_segment", ["PV1"])])
def _(root):
    def swap(segs):
        i = next(k for k, s in enumerate(segs) if s.startswith("PID|"))
        j = next(k for k, s in enumerate(segs) if s.startswith("PV1|"))
        segs[i], segs[j] = segs[j], segs[i]
        return segs
    edit_segments(os.path.join(root, ADT22), swap)

# §1.5 RDE^O11: RXR is the last required segment of an order; the message ends without it.
@case("structure: message ends early", "§1.5 RDE^O11 {RXR}", [(OMP01, "ssmix2.structure.incomplete", ["RXR"])])
def _(root):
    edit_segments(os.path.join(root, OMP01), lambda segs: segs[:-1])

# --- required and numeric fields -----------------------------------------------------------

# §1.5 extract: PID-8 (sex) is R for all data types.
@case("fields: required PID-8 empty", "§1.5 PID-8 R", [(OMP01, "ssmix2.field.required", ["PID-8"])])
def _(root):
    edit_segments(os.path.join(root, OMP01), lambda s: set_field(s, "PID", 8, ""))

# §1.5 extract: OMP-01 RXE-10 (dispense amount) is R.
@case("fields: required RXE-10 empty", "§1.5 OMP-01 RXE-10 R", [(OMP01, "ssmix2.field.required", ["RXE-10"])])
def _(root):
    edit_segments(os.path.join(root, OMP01), lambda s: set_field(s, "RXE", 10, "", every=False))

# §5 DTT checks "NM fields numeric"; RXE-3 (give amount, minimum) is NM in HL7 v2.5 ch.4.
@case("fields: numeric RXE-3 not a number", "§5 DTT NM fields", [(OMP01, "ssmix2.field.not_numeric", ["RXE-3", "one"])])
def _(root):
    edit_segments(os.path.join(root, OMP01), lambda s: set_field(s, "RXE", 3, "one", every=False))

# --- versions ------------------------------------------------------------------------------

# §1.4: on an update the older file's flag 1 becomes 2; two flag-1 files of one record
# (patient, care date, data type, order number) mean the update did not finish.
V_NEW = renamed(OMP01, "_20110701224603984_", "_20110702090000000_")
@case("versions: two current versions of one order", "§1.4 flag 1 -> 2",
      [(OMP01, "check.versions.several_current", ["000000011000185"]), (V_NEW, "check.versions.several_current", ["000000011000185"])])
def _(root):
    copy(root, OMP01, V_NEW)

# --- leftovers, hidden files, names, timestamps ----------------------------------------------

# §1.2/§1.3: every file is a message named as §1.3 says; our writer's temp file left behind
# by an interrupted write is neither.
LEFT_HIDDEN = PT + "/20110701/OMP-01/.staged-1804289383.tmp"
@case("leftover: writer's temp file", "§1.3 names", [(LEFT_HIDDEN, "check.file.hidden", ["interrupted"])])
def _(root):
    copy(root, OMP01, LEFT_HIDDEN)

LEFT_TMP = OMP01 + ".tmp"
@case("leftover: temp copy next to the message", "§1.3 names", [(LEFT_TMP, "check.name.invalid", ["file name"])])
def _(root):
    copy(root, OMP01, LEFT_TMP)

HIDDEN = PT + "/.DS_Store"
@case("hidden file", "§1.3 names", [(HIDDEN, "check.file.hidden", ["hidden"])])
def _(root):
    write_bytes(root, HIDDEN, b"\x00\x00\x00\x01Bud1")

HIDDEN_FOLDER = PT + "/20110701/OMP-01/.trash/" + OMP01_NAME
@case("file in a hidden folder", "§1.2 tree", [(HIDDEN_FOLDER, "check.file.hidden", ["hidden"])])
def _(root):
    copy(root, OMP01, HIDDEN_FOLDER)

# §1.3: seven parts; here the department part is missing.
N_PARTS = PT + "/20110701/OMP-01/9999013_20110701_OMP-01_000000011000185_20110701224603984_1"
@case("name: six parts", "§1.3 seven parts", [(N_PARTS, "check.name.invalid", ["file name"])])
def _(root):
    move(root, OMP01, N_PARTS)

# §1.3 #7 / §1.4: the flag is 0, 1 or 2.
N_FLAG = OMP01[:-1] + "3"
@case("name: condition flag 3", "§1.4 flags 0/1/2", [(N_FLAG, "check.name.invalid", ["flag"])])
def _(root):
    move(root, OMP01, N_FLAG)

# §1.3 #5: YYYYMMDDHHMMSSFFF; month 13 is no date.
N_MONTH = renamed(OMP01, "_20110701224603984_", "_20111301224603984_")
@case("timestamp: month 13", "§1.3 #5", [(N_MONTH, "check.name.timestamp", ["20111301224603984"])])
def _(root):
    move(root, OMP01, N_MONTH)

# §1.3 #5: 30 February is no date.
N_FEB30 = renamed(OMP01, "_20110701224603984_", "_20110230224603984_")
@case("timestamp: 30 February", "§1.3 #5", [(N_FEB30, "check.name.timestamp", ["20110230224603984"])])
def _(root):
    move(root, OMP01, N_FEB30)

# §1.3 #5: the timestamp is digits.
N_LETTER = renamed(OMP01, "_20110701224603984_", "_2011070122460398X_")
@case("timestamp: a letter", "§1.3 #5 digits", [(N_LETTER, "check.name.timestamp", ["2011070122460398X"])])
def _(root):
    move(root, OMP01, N_LETTER)

# §1.2 / §1.3 #2: the care date is YYYYMMDD; 2011-02-30 is none (folder and name agree).
D_FEB30 = PT + "/20110230/OMP-01/" + OMP01_NAME.replace("_20110701_", "_20110230_")
@case("care date: 30 February", "§1.3 #2", [(D_FEB30, "check.path.care_date", ["20110230"])],
      also=["check.content.care_date"])   # ORC-9 says 20110701
def _(root):
    move(root, OMP01, D_FEB30)

D_MONTH = PT + "/20111301/OMP-01/" + OMP01_NAME.replace("_20110701_", "_20111301_")
@case("care date: month 13", "§1.3 #2", [(D_MONTH, "check.path.care_date", ["20111301"])], also=["check.content.care_date"])
def _(root):
    move(root, OMP01, D_MONTH)


# ---------------------------------------------------------------------------------------------

def run_check(root):
    p = subprocess.run([SSMIX, "check", "--json", root], capture_output=True)
    report = json.loads(p.stdout)
    found = []
    for f in report["findings"]:
        assert f["file"].startswith(root + "/"), f["file"]
        found.append((f["file"][len(root) + 1:], f["code"], f["where"] + " " + f["message"], f["severity"]))
    return p.returncode, found


def main():
    failures = []
    work = tempfile.mkdtemp(prefix="ssmix-check-corpus.")
    try:
        # The clean storage, by the oracle.
        sample_root = os.path.join(SAMPLES)
        clean = os.path.join(work, "clean")
        chosen, refused = [], []
        for dirpath, _, files in os.walk(os.path.join(sample_root, "999")):
            for f in files:
                rel = os.path.relpath(os.path.join(dirpath, f), sample_root)
                why = oracle_clean(sample_root, rel)
                (refused if why else chosen).append((rel, why))
        for rel, _ in chosen:
            copy_to = os.path.join(clean, rel)
            os.makedirs(os.path.dirname(copy_to), exist_ok=True)
            shutil.copyfile(os.path.join(sample_root, rel), copy_to)
        print("clean storage: %d sample files; left out by the oracle:" % len(chosen))
        for rel, why in sorted(refused):
            print("  %s: %s" % (rel.rsplit("/", 1)[1], why))
        base = sorted(rel for rel, _ in chosen)
        for needed in (OMP01, ADT00, ADT22):
            if needed not in base:
                failures.append("the oracle does not find %s clean; the cases need it" % needed)
        if len(base) < 6:
            failures.append("only %d clean files: the corpus would prove little" % len(base))

        status, found = run_check(clean)
        if status != 0 or found:
            failures.append("clean copy: exit %d, findings %s" % (status, found))

        # A properly superseded older version (flag 2) is no finding (§1.4), so the clean
        # storage with one is still clean.
        superseded = os.path.join(work, "superseded")
        shutil.copytree(clean, superseded)
        copy(superseded, OMP01, renamed(OMP01, "_20110701224603984_", "_20110701100000000_")[:-1] + "2")
        status, found = run_check(superseded)
        if status != 0 or found:
            failures.append("clean copy with a flag-2 version: exit %d, findings %s" % (status, found))

        for n, c in enumerate(CASES):
            root = os.path.join(work, "case%02d" % n)
            shutil.copytree(clean, root)
            c["break"](root)
            status, found = run_check(root)
            broken = {e[0] for e in c["expect"]}
            problems = []
            if status != 1:
                problems.append("exit status %d, expected 1" % status)
            for file, code, words in c["expect"]:
                hits = [f for f in found if f[0] == file and f[1] == code]
                if not hits:
                    problems.append("no %s on %s" % (code, file))
                elif not any(all(w in f[2] for w in words) for f in hits):
                    problems.append("%s on %s does not say %s: %s" % (code, file, words, [f[2] for f in hits]))
                elif not any(f[3] == "error" for f in hits):
                    problems.append("%s on %s is not an error" % (code, file))
            allowed = {e[1] for e in c["expect"]} | c["also"]
            for f in found:
                if f[0] not in broken:
                    problems.append("finding on a file that is not broken: %s %s %s" % f[:3])
                elif f[1] not in allowed:
                    problems.append("finding the rules do not predict: %s %s %s" % f[:3])
            label = "%s (%s)" % (c["name"], c["rule"])
            if problems:
                failures.extend("%s: %s" % (label, p) for p in problems)
                print("FAIL", label)
            else:
                print("ok  ", label)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print("check corpus: %d broken storages, each reported as the rules predict" % len(CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
