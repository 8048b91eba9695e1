#!/usr/bin/env python3
"""bench/cda/make_document.py OUT MEGABYTES — a large, schema-valid CDA R2 document: a Japanese
laboratory history with big narrative tables (one row per result, styled cells, footnotes) and
a coded entry per row, the shape a long data-provision document takes. Deterministic."""
import random
import sys

out, megabytes = sys.argv[1], float(sys.argv[2])
rng = random.Random(7)
tests = [("3A010000002327101", "総蛋白", "g/dL"), ("3C015000002327101", "クレアチニン", "mg/dL"), ("3D010000001926101", "グルコース", "mg/dL"),
         ("2A990000001930952", "白血球数", "10^3/uL"), ("3B035000002327201", "AST（GOT）", "U/L"), ("3B045000002327201", "ALT（GPT）", "U/L")]

head = """<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <realmCode code="JP"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <id root="2.25.42"/><code code="34133-9" codeSystem="2.16.840.1.113883.6.1"/><title>診療データ提供書（ベンチマーク）</title>
  <effectiveTime value="20261126093000+0900"/><confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/><languageCode code="ja-JP"/>
  <recordTarget><patientRole><id root="1.2.392.100495.20.3.51.12214567890" extension="9999013"/><patient>
    <name use="IDE"><family>患者</family><given>太郎</given></name><name use="SYL"><family>カンジャ</family><given>タロウ</given></name>
    <administrativeGenderCode code="M" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="19480405"/></patient></patientRole></recordTarget>
  <author><time value="20261126093000+0900"/><assignedAuthor><id nullFlavor="UNK"/><assignedPerson><name>医師 一郎</name></assignedPerson></assignedAuthor></author>
  <custodian><assignedCustodian><representedCustodianOrganization><id nullFlavor="UNK"/><name>登呂病院</name></representedCustodianOrganization></assignedCustodian></custodian>
  <component><structuredBody>
"""
tail = "  </structuredBody></component>\n</ClinicalDocument>\n"

with open(out, "w", encoding="utf-8") as f:
    f.write(head)
    written, section, row_id = len(head.encode()), 0, 0
    while written < megabytes * 1e6:
        section += 1
        rows, entries = [], []
        for _ in range(500):
            row_id += 1
            code, name, unit = rng.choice(tests)
            value = "%.1f" % rng.uniform(0.5, 150)
            flag = rng.choice(["", "", "", "H", "L"])
            day = "2011%02d%02d" % (rng.randint(1, 12), rng.randint(1, 28))
            rows.append('<tr ID="r%d"><td>%s/%s/%s</td><td>%s</td><td><content styleCode="Bold">%s</content></td><td>%s</td><td>%s%s</td></tr>'
                        % (row_id, day[:4], day[4:6], day[6:], name, value, unit, flag, '<footnote ID="f%d">再検</footnote>' % row_id if flag == "H" else ""))
            entries.append('<entry><observation classCode="OBS" moodCode="EVN"><code code="%s" codeSystem="1.2.392.200119.4.504" displayName="%s"/>'
                           '<text><reference value="#r%d"/></text><statusCode code="completed"/><effectiveTime value="%s"/>'
                           '<value xsi:type="PQ" value="%s" unit="1"/></observation></entry>' % (code, name, row_id, day, value))
        block = ('    <component><section><code code="30954-2" codeSystem="2.16.840.1.113883.6.1"/><title>検査結果 %d</title><text>'
                 '<paragraph>第%d群の検査結果です。<br/>異常値は<content styleCode="Italics">H/L</content>で示します。</paragraph>'
                 '<table><caption>検査結果 %d</caption><thead><tr><th>検査日</th><th>項目</th><th>結果</th><th>単位</th><th>判定</th></tr></thead><tbody>%s</tbody></table>'
                 '</text>%s</section></component>\n') % (section, section, section, "".join(rows), "".join(entries))
        f.write(block)
        written += len(block.encode())
    f.write(tail)
