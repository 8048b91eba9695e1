#!/usr/bin/env bash
# tests/integration/referral_test.sh — the real `ssmix` writing CDA: the referral letter from the
# sample letter file and the sample storage, the data-provision document for a period (its
# entries checked against the messages read with python3-hl7, provision_oracle.py), both valid
# against the CDA R2 schema (xmllint --nonet) and read back by `ssmix cda render`; letter files
# with mistakes named by file, line and key, with nothing written; a revision (same setId,
# version 2, RPLC) superseding the first version in the extended storage (flag 1 -> 2);
# `ssmix ingest --extended` for any CDA, duplicates and --delete (flags -> 0).
set -uo pipefail
ssmix=$1 storage=$2 letter=$3 schema=$4 cda_data=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
valid() { xmllint --nonet --noout --schema "$schema" "$1" 2>"$work/xmllint.err" || fail "$1 is not valid CDA: $(tail -3 "$work/xmllint.err")"; }
has() { grep -F -- "$2" "$1" >/dev/null || fail "$1 lacks '$2'"; }
ext=$work/extended

# The letter.
"$ssmix" referral --storage "$storage" --patient 9999013 --letter "$letter" -o "$work/letter.xml" --extended "$ext" >"$work/letter.out" 2>&1 \
  || fail "referral: exit status: $(cat "$work/letter.out")"
valid "$work/letter.xml"
"$ssmix" cda render "$work/letter.xml" --format text >"$work/letter.txt" 2>"$work/render.err" || fail "the letter does not render"
[ ! -s "$work/render.err" ] || fail "the reader dropped parts of our own letter: $(cat "$work/render.err")"
for text in 診療情報提供書 "胃炎の精査と内視鏡検査のお願い" "駿河総合病院　消化器内科　山田 花子" 胃炎 K297 アレルギー ダーゼン錠 総蛋白 "6.70-8.3" 父：胃癌; do
  has "$work/letter.txt" "$text"
done
first=$(find "$ext" -name main_document.xml | head -1)
case "$first" in
  "$ext"/999/901/9999013/2*/'MD0020730^診療情報提供書^JMIX^57133-1^紹介状^LN'/9999013_*_-_1/main_document.xml) ;;
  *) fail "extended storage path: $first" ;;
esac
cmp -s "$first" "$work/letter.xml" || fail "the stored letter differs from -o"

# A corrected letter: same setId, version 2, replaces the first; the first becomes flag 2.
"$ssmix" referral --storage "$storage" --patient 9999013 --letter "$letter" -o "$work/letter2.xml" --revises "$work/letter.xml" \
  --extended "$ext" >"$work/letter2.out" 2>&1 || fail "revision: exit status: $(cat "$work/letter2.out")"
valid "$work/letter2.xml"
set_id() { xmllint --xpath 'string(/*[local-name()="ClinicalDocument"]/*[local-name()="setId"]/@root)' "$1"; }
doc_id() { xmllint --xpath 'string(/*[local-name()="ClinicalDocument"]/*[local-name()="id"]/@root)' "$1"; }
[ "$(set_id "$work/letter2.xml")" = "$(set_id "$work/letter.xml")" ] || fail "revision: setId changed"
[ "$(doc_id "$work/letter2.xml")" != "$(doc_id "$work/letter.xml")" ] || fail "revision: same document id"
has "$work/letter2.xml" '<versionNumber value="2" />'
has "$work/letter2.xml" "<id root=\"$(doc_id "$work/letter.xml")\" />"
flags=$(find "$ext" -mindepth 6 -maxdepth 6 -type d | sed 's/.*_//' | sort | tr -d '\n')
[ "$flags" = 12 ] || fail "revision: extended-storage flags '$flags', want one superseded (2) and one current (1)"

# The data-provision document for December 2011: the month's results only.
"$ssmix" provide --storage "$storage" --patient 9999013 --from 20111201 --to 20111231 --institution 登呂病院 \
  --institution-code 2214567890 -o "$work/provide.xml" --extended "$ext" >"$work/provide.out" 2>&1 || fail "provide: exit status: $(cat "$work/provide.out")"
valid "$work/provide.xml"
"$ssmix" cda render "$work/provide.xml" --format text >"$work/provide.txt" 2>/dev/null
has "$work/provide.txt" "診療データ提供書"
has "$work/provide.txt" "2011/12/01 〜 2011/12/31"
has "$work/provide.txt" "総蛋白"
! grep -F "ダーゼン錠" "$work/provide.txt" >/dev/null || fail "provide: a July prescription in a December document"
for text in 胃炎 K297 アレルギー 放射線検査オーダ 生理検査結果通知; do has "$work/provide.txt" "$text"; done
/usr/bin/python3 "$(dirname "$0")/provision_oracle.py" "$storage" 9999013 20111201 20111231 "$work/provide.xml" || fail "provide: entries missing (above)"
[ -n "$(find "$ext" -path '*^診療データ提供書^^34133-9^診療データ提供書^LN/*_1/main_document.xml')" ] || fail "provide: not in the extended storage"
"$ssmix" provide --storage "$storage" --patient 9999013 --institution 登呂病院 --institution-code 123 -o "$work/x.xml" >/dev/null 2>&1
[ $? = 2 ] || fail "provide: a 3-digit institution code is a usage error"

# A disc from the extended storage: the current letter (version 2, not the superseded one) and
# the data-provision document go to IHE_XDM; a period before them leaves them out.
"$ssmix" pack --storage "$storage" --patient 9999013 --extended "$ext" --tree "$work/disc" --json >"$work/pack.json" 2>&1 \
  || fail "pack --extended: exit status: $(cat "$work/pack.json")"
grep -F '"documents": 2' "$work/pack.json" >/dev/null || fail "pack --extended: $(grep documents "$work/pack.json")"
on_disc=$(grep -l 'versionNumber value="2"' "$work"/disc/IHE_XDM/SUBSET01/DOC*.XML)
cmp -s "$on_disc" "$work/letter2.xml" || fail "pack --extended: the current letter is not on the disc as written"
"$ssmix" verify "$work/disc" >/dev/null 2>&1 || fail "pack --extended: verify"
"$ssmix" pack --storage "$storage" --patient 9999013 --extended "$ext" --to 20111231 --tree "$work/disc-2011" --json >"$work/pack-2011.json" 2>&1
grep -F '"documents": 0' "$work/pack-2011.json" >/dev/null || fail "pack --extended --to 20111231: $(grep documents "$work/pack-2011.json")"
"$ssmix" pack --extended "$ext" --tree "$work/disc-x" >"$work/nopatient.out" 2>&1
[ $? = 2 ] && grep -F -- "--extended needs --patient" "$work/nopatient.out" >/dev/null || fail "pack --extended without --patient: $(cat "$work/nopatient.out")"

# Letters with mistakes: the file, the line and the key; nothing written.
bad() {   # name, expected message, then the letter's lines
  local name=$1 want=$2; shift 2
  printf '%s\n' "$@" >"$work/$name.toml"
  "$ssmix" referral --storage "$storage" --patient 9999013 --letter "$work/$name.toml" -o "$work/$name.xml" >"$work/$name.out" 2>&1
  [ $? = 1 ] || fail "$name: exit status"
  grep -F -- "$want" "$work/$name.out" >/dev/null || fail "$name: message: $(cat "$work/$name.out")"
  [ ! -e "$work/$name.xml" ] || fail "$name: a document was written"
}
sender=('[from]' 'institution = "登呂病院"' 'code = "2214567890"' 'doctor = "医師 一郎"' '[to]' 'institution = "駿河総合病院"')
bad typo "typo.toml:1: purpos: error: unknown key 'purpos'" 'purpos = "精査"' "${sender[@]}"
bad syntax "syntax.toml:2: column" 'purpose = "精査"' 'remarks = "閉じていない' "${sender[@]}"
bad missing "purpose: error: missing the purpose of the referral" 'remarks = "x"' "${sender[@]}"
bad code "is not a 医療機関コード" 'purpose = "精査"' '[from]' 'institution = "登呂病院"' 'code = "22-1456789"' 'doctor = "医師"' '[to]' 'institution = "駿河"'
bad number "'purpose' must be text in quotes" 'purpose = 3' "${sender[@]}"
bad to_code "to.code '221345678' is not a 医療機関コード" 'purpose = "精査"' "${sender[@]}" 'code = "221345678"'

# The recipient's 医療機関コード from the letter file ([to] code): the receiving organization's
# ids in the CDA (prefecture, fee table, institution), as the sender's are written.
recipient_ids=$(xmllint --xpath '//*[local-name()="receivedOrganization"]/*[local-name()="id"]/@extension' "$work/letter.xml" 2>/dev/null | tr -d ' "' | tr '\n' ' ')
[ "$recipient_ids" = "extension=22 extension=1 extension=3456789 " ] || fail "the recipient's institution code in the CDA: '$recipient_ids'"
"$ssmix" referral --storage "$storage" --patient 0000000 --letter "$letter" -o "$work/nobody.xml" >"$work/nobody.out" 2>&1
[ $? = 1 ] && grep -F "no data for patient 0000000" "$work/nobody.out" >/dev/null || fail "unknown patient: $(cat "$work/nobody.out")"
[ ! -e "$work/nobody.xml" ] || fail "unknown patient: a document was written"

# Any CDA into the extended storage: stored, then a duplicate, then deleted (every version 0).
sample=$cda_data/samples/ccda-referral-note.xml
"$ssmix" ingest --extended "$work/ext2" "$sample" --json >"$work/ingest.json" 2>&1 || fail "ingest: exit status: $(cat "$work/ingest.json")"
python3 - "$work/ingest.json" "$work/ext2" "$sample" <<'PY' || fail "ingest --extended: see above"
import json, os, sys, filecmp
report, root, sample = sys.argv[1:4]
r = json.load(open(report))
docs = r["documents"]
assert r["ok"] and len(docs) == 1 and docs[0]["status"] == "stored", r
path = os.path.join(root, docs[0]["path"])
parts = docs[0]["path"].split("/")
assert len(parts) == 7 and parts[5].endswith("_-_1") and parts[6] == "main_document.xml", parts
# The sample's own LOINC code (57113-1, as HL7's example writes it) names the standard part.
assert parts[4].split("^")[3:] == ["57113-1", "Referral Note", "LN"], parts[4]
assert filecmp.cmp(path, sample, shallow=False), "stored bytes differ"
PY
"$ssmix" ingest --extended "$work/ext2" "$sample" >"$work/again.out" 2>&1 || fail "ingest again: exit status"
has "$work/again.out" "1 already stored"
"$ssmix" ingest --extended "$work/ext2" --delete "$sample" >"$work/delete.out" 2>&1 || fail "ingest --delete: exit status"
[ -n "$(find "$work/ext2" -mindepth 6 -maxdepth 6 -type d -name '*_0')" ] || fail "ingest --delete: not flagged 0"
"$ssmix" ingest --storage "$work/std" "$sample" >"$work/noext.out" 2>&1
[ $? = 1 ] || fail "a CDA without --extended: exit status"
has "$work/noext.out" "ccda-referral-note.xml: error: a CDA document: give --extended DIR"
"$ssmix" ingest --extended "$work/ext3" "$cda_data/hostile/not-well-formed.xml" >"$work/broken.out" 2>&1
[ $? = 1 ] || fail "a broken CDA: exit status"
has "$work/broken.out" "not-well-formed.xml:5: error: not well-formed XML"
[ -z "$(find "$work/ext3" -type f 2>/dev/null)" ] || fail "a broken CDA was stored"

[ "$failures" = 0 ] && echo "referral, provide and the extended storage: OK"
exit $((failures > 0))
