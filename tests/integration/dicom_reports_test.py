#!/usr/bin/python3
"""tests/integration/dicom_reports_test.py — reports and documents inside DICOM, read by the real
`ssmix` against pydicom as the oracle (a walk of the SR content tree that shares no code with
DCMTK's dcmsr, which ssmix uses):

- `ssmix cda render` of a Comprehensive SR in Japanese (ISO 2022 IR 87) and of python3-pydicom's
  test-SR.dcm: every concept name, text, measurement with its unit and referenced image UID the
  tree holds is on the page; top-level containers are sections; an unverified report says so.
- an Encapsulated PDF and an Encapsulated CDA (DCMTK's pdf2dcm, cda2dcm) render; a Key Object
  Selection and broken files are refused with the file and the tag named, never a crash.
- `ssmix pack` with them beside the sample CT: the SR and the CDA become pages in
  IHE_PDI/REPORTS/, the PDF is there byte for byte, the static page links each one, another
  patient's report stays off the disc with a warning, and the disc passes `ssmix verify`.

Leaves the objects in WORKDIR/objects, what they refer to in WORKDIR/facts.json and the disc
tree in WORKDIR/disc for the browser test.

usage: dicom_reports_test.py SSMIX SAMPLE_DICOM_DIR CDA_XML WORKDIR
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys

import pydicom

from checks import check, failures

SSMIX, SAMPLE, CDA_XML, WORK = sys.argv[1:5]
HERE = os.path.dirname(os.path.abspath(__file__))


def ssmix(*args):
    return subprocess.run([SSMIX, *args], capture_output=True, text=True, timeout=600)


def page_text(page):
    """The page as the reader sees it: no tags, entities decoded, runs of space as one."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def expected_from_tree(ds):
    """What pydicom finds in the content tree: the strings a rendering must show."""
    strings, uids, sections = [], [], []

    def walk(items, depth):
        for item in items:
            if "ValueType" not in item:   # by reference to another item: nothing of its own
                continue
            if "ConceptNameCodeSequence" in item:
                strings.append(str(item.ConceptNameCodeSequence[0].CodeMeaning))
            kind = item.ValueType
            if kind == "TEXT":
                strings.append(str(item.TextValue))
            elif kind == "NUM" and "MeasuredValueSequence" in item:
                value = item.MeasuredValueSequence[0]
                strings.append(str(value.NumericValue).strip())
                unit = value.MeasurementUnitsCodeSequence[0]
                strings.append(str(unit.CodeValue) if unit.CodingSchemeDesignator == "UCUM" else str(unit.CodeMeaning))
            elif kind == "CODE":
                strings.append(str(item.ConceptCodeSequence[0].CodeMeaning))
            elif kind in ("IMAGE", "COMPOSITE"):
                uids.append(str(item.ReferencedSOPSequence[0].ReferencedSOPInstanceUID))
            if kind == "CONTAINER" and depth == 0 and "ConceptNameCodeSequence" in item:
                sections.append(str(item.ConceptNameCodeSequence[0].CodeMeaning))
            walk(item.get("ContentSequence", []), depth + 1)

    walk(ds.ContentSequence, 0)
    title = str(ds.ConceptNameCodeSequence[0].CodeMeaning)
    return title, [s for s in strings if s.strip()], uids, sections


def check_report(path, name):
    ds = pydicom.dcmread(path)
    title, strings, uids, sections = expected_from_tree(ds)
    r = ssmix("cda", "render", path, "-o", os.path.join(WORK, name + ".html"))
    check(r.returncode == 0, f"{name}: render exit {r.returncode}: {r.stderr}")
    if r.returncode:
        return
    page = open(os.path.join(WORK, name + ".html"), encoding="utf-8").read()
    text = page_text(page)
    check(f"<h1>{html.escape(title, quote=False)}</h1>" in page, f"{name}: title {title!r} is not the page's heading")
    for s in strings:
        check(re.sub(r"\s+", " ", s).strip() in text, f"{name}: {s!r} from the content tree is not on the page")
    for uid in uids:
        check(f"({uid}" in text, f"{name}: the referenced object {uid} is not named on the page")
    for section in sections:
        check(re.search(r"<h2>[^<]*" + re.escape(html.escape(section, quote=False)) + "</h2>", page),
              f"{name}: container {section!r} is not a section heading")
    if ds.VerificationFlag == "UNVERIFIED":
        check("未承認" in text, f"{name}: an unverified report does not say so")
    check("<script" not in page.lower(), f"{name}: a script on the page")


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    objects = os.path.join(WORK, "objects")
    made = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "make_dicom_reports.py"), SAMPLE, CDA_XML, objects],
                          capture_output=True, text=True, check=True)
    facts = json.loads(made.stdout)
    with open(os.path.join(WORK, "facts.json"), "w") as f:
        f.write(made.stdout)

    check_report(os.path.join(objects, "SR.dcm"), "sr-japanese")
    check_report(os.path.join(objects, "OTHER.dcm"), "pydicom-test-sr")
    sr_text = ssmix("cda", "render", os.path.join(objects, "SR.dcm"), "--format", "text").stdout
    check("患者 太郎" in sr_text, "SR: the patient's kanji name (ISO 2022 IR 87) is not decoded: " + sr_text[:200])

    r = ssmix("cda", "render", os.path.join(objects, "PDF.dcm"))
    check(r.returncode == 0 and "Radiology report (PDF)" in r.stdout and "application/pdf" in r.stdout,
          f"PDF: render exit {r.returncode}, title or type missing: {r.stderr}")
    r = ssmix("cda", "render", os.path.join(objects, "CDA.dcm"), "--format", "text")
    check(r.returncode == 0 and "診療情報提供書" in r.stdout, f"encapsulated CDA: exit {r.returncode}, no letter title: {r.stderr}")

    # Refusals: the file and the tag named, exit 1, no crash.
    r = ssmix("cda", "render", os.path.join(objects, "KOS.dcm"))
    check(r.returncode == 1 and "KOS.dcm" in r.stderr and "(0008,0016)" in r.stderr and "Key Object Selection" in r.stderr,
          f"KOS: exit {r.returncode}: {r.stderr}")
    empty = pydicom.dcmread(os.path.join(objects, "SR.dcm"))
    del empty[0x0040A730]   # no content: a title and nothing else, said so
    empty.save_as(os.path.join(WORK, "empty-sr.dcm"))
    r = ssmix("cda", "render", os.path.join(WORK, "empty-sr.dcm"), "--format", "text")
    check(r.returncode == 0 and "内容がありません" in r.stdout, f"SR without content: exit {r.returncode}, not said: {r.stdout}{r.stderr}")
    broken = pydicom.dcmread(os.path.join(objects, "SR.dcm"))
    broken.ContentSequence[0].ValueType = "NONSENSE"
    broken.save_as(os.path.join(WORK, "broken-sr.dcm"))
    r = ssmix("cda", "render", os.path.join(WORK, "broken-sr.dcm"))
    check(r.returncode == 1 and "broken-sr.dcm" in r.stderr and "(0040,a730)" in r.stderr.lower(), f"SR with a bad value type: exit {r.returncode}: {r.stderr}")
    empty_pdf = pydicom.dcmread(os.path.join(objects, "PDF.dcm"))
    del empty_pdf[0x00420011]
    empty_pdf.save_as(os.path.join(WORK, "empty-pdf.dcm"))
    r = ssmix("cda", "render", os.path.join(WORK, "empty-pdf.dcm"))
    check(r.returncode == 1 and "empty-pdf.dcm" in r.stderr and "(0042,0011)" in r.stderr, f"PDF without document: exit {r.returncode}: {r.stderr}")

    # On the disc.
    tree = os.path.join(WORK, "disc")
    r = ssmix("pack", "--dicom", SAMPLE, "--dicom", objects, "--patient", facts["patient_id"], "--tree", tree)
    check(r.returncode == 0, f"pack: exit {r.returncode}: {r.stderr[-2000:]}")
    check("OTHER.dcm" in r.stderr, "pack: another patient's report left out without a word: " + r.stderr[-2000:])
    reports = os.path.join(tree, "IHE_PDI", "REPORTS")
    names = sorted(os.listdir(reports)) if os.path.isdir(reports) else []
    check(len([n for n in names if n.endswith(".HTM")]) == 2 and len([n for n in names if n.endswith(".PDF")]) == 1,
          f"pack: IHE_PDI/REPORTS/ holds {names}, not two pages and one PDF")
    pdfs = [n for n in names if n.endswith(".PDF")]
    if pdfs:
        with open(os.path.join(reports, pdfs[0]), "rb") as a, open(os.path.join(objects, "report.pdf"), "rb") as b:
            check(a.read() == b.read(), "pack: the PDF on the disc is not the PDF the DICOM file carries")
    pages = {n: page_text(open(os.path.join(reports, n), encoding="utf-8").read()) for n in names if n.endswith(".HTM")}
    check(any("右肺上葉に結節を認めます。" in t and facts["sr_image"]["uid"] in t for t in pages.values()),
          "pack: no page shows the SR's finding and its image reference")
    check(any("診療情報提供書" in t for t in pages.values()), "pack: no page shows the encapsulated CDA letter")
    static = open(os.path.join(tree, "IHE_PDI", "INDEX.HTM"), encoding="utf-8").read()
    for n in names:
        check(f'href="REPORTS/{n}"' in static, f"pack: the static page does not link REPORTS/{n}")
    check("画像診断報告書" in static, "pack: the static page does not name the SR by its title")
    r = ssmix("verify", tree)
    check(r.returncode == 0, f"verify: exit {r.returncode}: {r.stdout[-1500:]}{r.stderr[-1500:]}")

    print(f"dicom reports: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


main()
