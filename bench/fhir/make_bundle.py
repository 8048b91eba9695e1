#!/usr/bin/env python3
"""bench/fhir/make_bundle.py OUT.json MEGABYTES — a large JP eReferral-shaped document bundle.

A Composition whose 検査結果 section lists thousands of laboratory Observations (JLAC10
codes, values with units, reference ranges, H/L interpretation) with a narrative table of
them, plus problems and prescriptions, until the file reaches the size asked for. The shape
follows what `ssmix referral --format fhir` writes (JP-CLINS 1.5.2); the values are made up.
"""
import json
import random
import sys

out, megabytes = sys.argv[1], float(sys.argv[2])
random.seed(7)
tests = [("3A010000002327101", "総蛋白", "g/dL", 6.7, 8.3), ("3C015000002327101", "クレアチニン", "mg/dL", 0.65, 1.07),
         ("3D010000001926101", "グルコース", "mg/dL", 73, 109), ("3B035000002327201", "AST", "U/L", 13, 30),
         ("3B045000002327201", "ALT", "U/L", 10, 42), ("2A990000001930952", "白血球数", "10^3/uL", 3.3, 8.6)]
base = "urn:uuid:"


def uuid(n):
    return base + "00000000-0000-4000-8000-%012d" % n


patient = {"resourceType": "Patient", "meta": {"profile": ["http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Patient_eCS"]},
           "identifier": [{"system": "urn:oid:1.2.392.100495.20.3.51.11234567890", "value": "9999013"}],
           "name": [{"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", "valueCode": "IDE"}],
                     "text": "患者 太郎", "family": "患者", "given": ["太郎"]}],
           "gender": "male", "birthDate": "1948-04-05"}
entries, observation_refs, rows = [], [], []
size, n = 0, 0
while size < megabytes * 1e6:
    n += 1
    code, name, unit, low, high = random.choice(tests)
    value = round(random.uniform(low * 0.7, high * 1.3), 2)
    flag = "H" if value > high else "L" if value < low else "N"
    when = "2026-%02d-%02dT09:%02d:00+09:00" % (1 + n % 12, 1 + n % 28, n % 60)
    observation = {"resourceType": "Observation",
                   "meta": {"profile": ["http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Observation_LabResult_eCS"]},
                   "status": "final",
                   "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
                   "code": {"coding": [{"system": "urn:oid:1.2.392.200119.4.504", "code": code, "display": name}], "text": name},
                   "subject": {"reference": uuid(1)}, "effectiveDateTime": when,
                   "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
                   "interpretation": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": flag}]}],
                   "referenceRange": [{"low": {"value": low, "unit": unit}, "high": {"value": high, "unit": unit}, "text": f"{low}-{high}"}]}
    full_url = uuid(1000 + n)
    entries.append({"fullUrl": full_url, "resource": observation})
    observation_refs.append({"reference": full_url})
    rows.append(f"<tr><td>{when[:10]}</td><td>{name}</td><td>{value}</td><td>{unit}</td><td>{low}-{high}</td><td>{flag}</td></tr>")
    size += len(json.dumps(entries[-1], ensure_ascii=False).encode()) + 160
table = "<table><thead><tr><th>検査日</th><th>検査</th><th>結果</th><th>単位</th><th>基準範囲</th><th>判定</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
composition = {"resourceType": "Composition",
               "meta": {"profile": ["http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral"]},
               "status": "final",
               "type": {"coding": [{"system": "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes", "code": "57133-1", "display": "診療情報提供書"}]},
               "subject": {"reference": uuid(1)}, "date": "2026-11-26T09:30:00+09:00", "author": [{"reference": uuid(1)}],
               "title": "診療情報提供書",
               "section": [{"title": "紹介目的", "code": {"coding": [{"system": "http://jpfhir.jp/fhir/eReferral/CodeSystem/document-section", "code": "950"}]},
                            "text": {"status": "additional", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>検査値の推移のご確認をお願いします。</p></div>"}},
                           {"title": "検査結果", "code": {"coding": [{"system": "http://jpfhir.jp/fhir/eReferral/CodeSystem/document-section", "code": "620"}]},
                            "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + table + "</div>"},
                            "entry": observation_refs}]}
bundle = {"resourceType": "Bundle", "meta": {"profile": ["http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Bundle_eReferral"]},
          "identifier": {"system": "http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier", "value": "1311234567^2026^bench"},
          "type": "document", "timestamp": "2026-11-26T09:30:00+09:00",
          "entry": [{"fullUrl": uuid(2), "resource": composition}, {"fullUrl": uuid(1), "resource": patient}] + entries}
with open(out, "w", encoding="utf-8") as f:
    json.dump(bundle, f, ensure_ascii=False)
print(f"{out}: {n} observations", file=sys.stderr)
