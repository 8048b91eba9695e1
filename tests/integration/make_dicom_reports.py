#!/usr/bin/python3
"""tests/integration/make_dicom_reports.py — what a PACS keeps beside a patient's images, made
for the sample CT of `ssmix-sample-dicom` by tools other than ours:

  SR.dcm     Comprehensive SR (pydicom): a Japanese report in ISO 2022 IR 87 (JIS X 0208), two
             sections, a measurement in mm, a reference to one CT slice; left UNVERIFIED.
  PDF.dcm    Encapsulated PDF (DCMTK's pdf2dcm, study and patient taken from a CT slice).
  CDA.dcm    Encapsulated CDA (DCMTK's cda2dcm) of tests/data/cda/jp-referral.xml.
  KOS.dcm    Key Object Selection (pydicom): two CT slices the radiologist marked.
  OTHER.dcm  python3-pydicom's own test-SR.dcm: another patient's report.
  report.pdf the PDF that PDF.dcm carries, to compare with what comes out.

Prints a JSON description (file names, the slices referenced, the patient) on stdout.

usage: make_dicom_reports.py SAMPLE_DICOM_DIR CDA_XML OUTDIR
"""
import glob
import json
import os
import shutil
import subprocess
import sys

import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SAMPLE, CDA_XML, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33"
KEY_OBJECT_SELECTION = "1.2.840.10008.5.1.4.1.1.88.59"


def code(value, scheme, meaning):
    item = Dataset()
    item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, scheme, meaning
    return Sequence([item])


def item(relationship, value_type, concept=None):
    node = Dataset()
    node.RelationshipType = relationship
    node.ValueType = value_type
    if concept:
        node.ConceptNameCodeSequence = code(*concept)
    return node


def image_reference(ct):
    ref = Dataset()
    ref.ReferencedSOPClassUID = ct.SOPClassUID
    ref.ReferencedSOPInstanceUID = ct.SOPInstanceUID
    return Sequence([ref])


def document_base(ct, sop_class, modality, series_number):
    """Patient and study of the CT; a series of its own; part 10 with a meta header."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = sop_class
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID = sop_class
    for keyword in ("PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyInstanceUID", "StudyDate", "StudyTime",
                    "StudyID", "AccessionNumber", "ReferringPhysicianName", "StudyDescription"):
        setattr(ds, keyword, ct.get(keyword, ""))
    ds.SeriesInstanceUID = generate_uid()
    ds.SeriesNumber = series_number
    ds.InstanceNumber = 1
    ds.Modality = modality
    ds.Manufacturer = "pydicom"
    ds.ContentDate, ds.ContentTime = ct.StudyDate, "101500"
    ds.ReferencedPerformedProcedureStepSequence = Sequence()
    evidence_series = Dataset()
    evidence_series.SeriesInstanceUID = ct.SeriesInstanceUID
    evidence_series.ReferencedSOPSequence = Sequence()
    evidence = Dataset()
    evidence.StudyInstanceUID = ct.StudyInstanceUID
    evidence.ReferencedSeriesSequence = Sequence([evidence_series])
    ds.CurrentRequestedProcedureEvidenceSequence = Sequence([evidence])
    return ds, evidence_series


def add_evidence(evidence_series, slices):
    for ct in slices:
        ref = Dataset()
        ref.ReferencedSOPClassUID, ref.ReferencedSOPInstanceUID = ct.SOPClassUID, ct.SOPInstanceUID
        evidence_series.ReferencedSOPSequence.append(ref)


def save(ds, name):
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(os.path.join(OUT, name), write_like_original=False)


def structured_report(ct, slice_referenced):
    ds, evidence = document_base(ct, COMPREHENSIVE_SR, "SR", 900)
    ds.SpecificCharacterSet = ["", "ISO 2022 IR 87"]
    ds.ValueType = "CONTAINER"
    ds.ConceptNameCodeSequence = code("18748-4", "LN", "画像診断報告書")
    ds.ContinuityOfContent = "SEPARATE"
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "UNVERIFIED"
    ds.PerformedProcedureCodeSequence = Sequence()
    findings = item("CONTAINS", "CONTAINER", ("121070", "DCM", "所見"))
    findings.ContinuityOfContent = "SEPARATE"
    finding = item("CONTAINS", "TEXT", ("121071", "DCM", "所見文"))
    finding.TextValue = "右肺上葉に結節を認めます。"
    size = item("CONTAINS", "NUM", ("121206", "DCM", "結節の径"))
    measured = Dataset()
    measured.NumericValue = "12.5"
    measured.MeasurementUnitsCodeSequence = code("mm", "UCUM", "millimeter")
    size.MeasuredValueSequence = Sequence([measured])
    image = item("CONTAINS", "IMAGE", ("121112", "DCM", "計測した画像"))
    image.ReferencedSOPSequence = image_reference(slice_referenced)
    findings.ContentSequence = Sequence([finding, size, image])
    conclusions = item("CONTAINS", "CONTAINER", ("121076", "DCM", "結論"))
    conclusions.ContinuityOfContent = "SEPARATE"
    conclusion = item("CONTAINS", "TEXT", ("121077", "DCM", "結論文"))
    conclusion.TextValue = "3か月後の経過観察を勧めます。"
    conclusions.ContentSequence = Sequence([conclusion])
    ds.ContentSequence = Sequence([findings, conclusions])
    add_evidence(evidence, [slice_referenced])
    save(ds, "SR.dcm")


def key_objects(ct, marked):
    ds, evidence = document_base(ct, KEY_OBJECT_SELECTION, "KO", 901)
    ds.SpecificCharacterSet = ct.SpecificCharacterSet
    ds.ValueType = "CONTAINER"
    ds.ConceptNameCodeSequence = code("113000", "DCM", "Of Interest")
    ds.ContinuityOfContent = "SEPARATE"
    template = Dataset()
    template.MappingResource, template.TemplateIdentifier = "DCMR", "2010"
    ds.ContentTemplateSequence = Sequence([template])
    ds.ContentSequence = Sequence()
    for ct_slice in marked:
        image = item("CONTAINS", "IMAGE")
        image.ReferencedSOPSequence = image_reference(ct_slice)
        ds.ContentSequence.append(image)
    description = item("CONTAINS", "TEXT", ("113012", "DCM", "Key Object Description"))
    description.TextValue = "結節の見える断面"
    ds.ContentSequence.append(description)
    add_evidence(evidence, marked)
    save(ds, "KOS.dcm")


def minimal_pdf(text):
    """A one-page PDF with a correct cross-reference table (PDF 1.4)."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
               b"<</Length %d>>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    slices = [pydicom.dcmread(f, stop_before_pixels=True) for f in glob.glob(os.path.join(SAMPLE, "CT", "*"))]
    slices.sort(key=lambda d: int(d.InstanceNumber))
    first = os.path.join(SAMPLE, "CT", os.path.basename(slices[0].filename))
    structured_report(slices[0], slices[9])
    key_objects(slices[0], [slices[4], slices[11]])
    with open(os.path.join(OUT, "report.pdf"), "wb") as f:
        f.write(minimal_pdf("Radiology report 2026"))
    subprocess.run(["pdf2dcm", "+st", first, "+t", "Radiology report (PDF)", os.path.join(OUT, "report.pdf"),
                    os.path.join(OUT, "PDF.dcm")], check=True)
    subprocess.run(["cda2dcm", "+st", first, "+ov", CDA_XML, os.path.join(OUT, "CDA.dcm")], check=True, stderr=subprocess.DEVNULL)
    # DCMTK 3.6.7's pdf2dcm and cda2dcm copy the name's UTF-8 bytes from the slice but always
    # declare ISO_IR 100: the label is put right, as the sending PACS would have it.
    for name in ("PDF.dcm", "CDA.dcm"):
        subprocess.run(["dcmodify", "-nb", "-m", "(0008,0005)=ISO_IR 192", os.path.join(OUT, name)], check=True)
    shutil.copy(os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files", "test-SR.dcm"), os.path.join(OUT, "OTHER.dcm"))
    json.dump({"patient_id": str(slices[0].PatientID), "study_uid": slices[0].StudyInstanceUID,
               "sr_image": {"uid": slices[9].SOPInstanceUID, "position": 9},
               "key_images": [{"uid": s.SOPInstanceUID, "position": p} for p, s in ((4, slices[4]), (11, slices[11]))]},
              sys.stdout, indent=1)


main()
