#!/usr/bin/python3
"""tests/integration/provision_oracle.py STORAGE PATIENT FROM TO DOCUMENT.xml

Checks the data-provision document against the storage's own messages, read with python3-hl7
(not our parser): every current problem (PPR-01 PRB-3, with PRB-10's ICD-10 as a translation),
every current allergy (ADT-61 IAM-3) and every current imaging or physiological test message
(OMG-*) whose care date is in the period (OBR-4's name as the observation code's display name or
original text: no OID for JJ1017 is published; IPC-3 as the study it references) must be a coded entry of its section. Prints what is missing; exit 1 if any.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

import hl7

storage, patient, first, last, document = sys.argv[1:6]
ns = {"c": "urn:hl7-org:v3"}
root = ET.parse(document).getroot()


def section(section_code):
    for candidate in root.iterfind(".//c:section", ns):
        code = candidate.find("c:code", ns)
        if code is not None and code.get("code") == section_code:
            return candidate
    raise SystemExit(f"provision: no section {section_code}")


def entries(section_code):
    return section(section_code).findall("c:entry/c:observation", ns)


def messages(kind):
    for path in pathlib.Path(storage).glob(f"*/*/{patient}/*/{kind}/*_1"):
        care_date = path.parent.parent.name
        text = path.read_bytes().decode("iso2022_jp").replace("\r\n", "\r").replace("\n", "\r")
        yield care_date, hl7.parse(text)


def procedure_name(observation):
    code = observation.find("c:code", ns)
    if code is None:
        return None
    original = code.find("c:originalText", ns)
    return code.get("displayName") or (original.text if original is not None else None)


def first_segment(message, name):
    found = [s for s in message if str(s[0]) == name]
    return found[0] if found else None


def component(segment, field, index=0):
    value = segment[field] if len(segment) > field else ""
    if isinstance(value, str):
        return value if index == 0 else ""
    parts = value[0] if len(value) and not isinstance(value[0], str) else value
    return str(parts[index]) if len(parts) > index else ""


missing = []
problems = entries("11450-4")
for _, message in messages("PPR-01"):
    for prb in (s for s in message if str(s[0]) == "PRB"):
        code, icd10 = component(prb, 3), component(prb, 10)
        found = [o for o in problems if o.find("c:value", ns) is not None and o.find("c:value", ns).get("code") == code]
        if not found:
            missing.append(f"problem {code} (PRB-3)")
        elif icd10 and not any(t.get("code") == icd10 for o in found for t in o.findall("c:value/c:translation", ns)):
            missing.append(f"problem {code}: ICD-10 {icd10} (PRB-10) not a translation")
allergy_texts = "".join(section("48765-2").find("c:text", ns).itertext())
for _, message in messages("ADT-61"):
    for iam in (s for s in message if str(s[0]) == "IAM"):
        allergen = component(iam, 3, 1) or component(iam, 3)
        if allergen not in allergy_texts:
            missing.append(f"allergy {allergen} (IAM-3)")
imaging = entries("18726-0")
expected_imaging = 0
for kind in ("OMG-01", "OMG-02", "OMG-03", "OMG-11", "OMG-12", "OMG-13"):
    for care_date, message in messages(kind):
        if not first <= care_date <= last:
            continue
        expected_imaging += 1
        obr, ipc = first_segment(message, "OBR"), first_segment(message, "IPC")
        name = component(obr, 4, 1)
        study = component(ipc, 3) if ipc else ""
        hits = [o for o in imaging if procedure_name(o) == name]
        if not hits:
            missing.append(f"{kind} {care_date}: procedure {name} (OBR-4.2)")
        elif study and not any(o.find("c:reference/c:externalObservation/c:id", ns) is not None
                               and o.find("c:reference/c:externalObservation/c:id", ns).get("root") == study for o in hits):
            missing.append(f"{kind} {care_date}: study {study} (IPC-3) not referenced")
if expected_imaging == 0:
    missing.append("the storage has no imaging message in the period: the check would prove nothing")
if len(imaging) != expected_imaging:
    missing.append(f"{len(imaging)} imaging entries, the storage has {expected_imaging} in the period")
for line in missing:
    print("provision:", line)
sys.exit(1 if missing else 0)
