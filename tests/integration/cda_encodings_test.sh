#!/usr/bin/env bash
# tests/integration/cda_encodings_test.sh — letters in the encodings Japanese systems write
# (tests/data/cda/encodings, made by Python's codecs): `ssmix cda render` of each gives exactly
# the text and page of its UTF-8 source; the refused ones name the byte Python stops at; `pack
# --document` keeps their bytes on the disc unchanged while the static page shows their words;
# `ingest` files them unchanged. The disc it packs is the browser test's (cda_encodings_disc).
set -uo pipefail
ssmix=$1 data=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

render() {   # file format -> $work/<name>.<format>, with its exit status checked
  local name; name=$(basename "$1" .xml)
  "$ssmix" cda render "$1" --format "$2" >"$work/$name.$2" 2>"$work/$name.$2.err" || fail "$name: $2 exit status: $(cat "$work/$name.$2.err")"
  [ ! -s "$work/$name.$2.err" ] || fail "$name: $2 diagnostics: $(cat "$work/$name.$2.err")"
}

for source in letter.utf8 letter-windows.utf8; do
  render "$data/$source.xml" text; render "$data/$source.xml" html
done
grep -q "ﾊﾝｶｸ ｶﾀｶﾅ ﾃﾞｽ｡" "$work/letter.utf8.text" || fail "the UTF-8 letter's text lacks its half-width katakana"
grep -q "髙橋 﨑" "$work/letter-windows.utf8.text" || fail "the UTF-8 Windows letter's text lacks 髙橋 﨑"
for pair in shift_jis:letter.utf8 euc_jp:letter.utf8 iso2022_jp:letter.utf8 windows-31j:letter-windows.utf8 \
            cp932-ibm:letter-windows.utf8 utf16le:letter-windows.utf8 utf16be:letter-windows.utf8; do
  name=${pair%%:*} source=${pair#*:}
  for format in text html; do
    render "$data/$name.xml" $format
    cmp -s "$work/$name.$format" "$work/$source.$format" \
      || fail "$name: the $format differs from its UTF-8 source's: $(diff "$work/$source.$format" "$work/$name.$format" | head -4)"
  done
done

# Refused: exit 1, the file, its line and the byte offset Python's decoder stops at.
while IFS=$'\t' read -r file code offset; do
  case $file in '#'*|'') continue ;; esac
  "$ssmix" cda render "$data/$file" >"$work/out" 2>&1
  [ $? = 1 ] || fail "$file: exit status"
  grep -qE "$file:[0-9]+: byte $offset: error: .*\[$code\]" "$work/out" || fail "$file: message: $(cat "$work/out")"
done <"$data/errors.tsv"

# The disc: the letters' bytes unchanged in IHE_XDM, their words on the static pages.
disc=$work/disc
"$ssmix" pack --document "$data/shift_jis.xml" --document "$data/cp932-ibm.xml" --document "$data/utf16le.xml" \
  --tree "$disc" >"$work/pack.out" 2>&1 || fail "pack: exit status: $(tail -3 "$work/pack.out")"
for name in shift_jis cp932-ibm utf16le; do
  found=
  for doc in "$disc"/IHE_XDM/SUBSET01/DOC*.XML; do cmp -s "$doc" "$data/$name.xml" && found=$doc; done
  [ -n "$found" ] || { fail "$name: no document on the disc has its bytes"; continue; }
  page=$disc/IHE_PDI/$(basename "$found" .XML).HTM
  for word in 診療情報提供書 上腹部痛の精査と ﾊﾝｶｸ 患者; do
    grep -q "$word" "$page" || fail "$name: the static page $(basename "$page") lacks \"$word\""
  done
  [ "$name" = shift_jis ] || grep -q "①②⑳ Ⅳ ⅰⅱ ㈱㈲" "$page" || fail "$name: the static page lacks the CP932 characters"
done
grep -q "患者 太郎" "$disc/IHE_PDI/INDEX.HTM" || fail "the static index page lacks the patient's name"
"$ssmix" verify "$disc" >"$work/verify.out" 2>&1 || fail "verify: $(tail -3 "$work/verify.out")"
# The same without viewer data: the browser test gives it to the viewer as a picked folder.
"$ssmix" pack --document "$data/shift_jis.xml" --document "$data/cp932-ibm.xml" --document "$data/utf16le.xml" \
  --no-bundle --tree "$work/disc-nobundle" >"$work/pack.out" 2>&1 || fail "pack --no-bundle: exit status: $(tail -3 "$work/pack.out")"

"$ssmix" pack --document "$data/wrong-declaration.xml" --tree "$work/refused" >"$work/out" 2>&1
[ $? = 1 ] || fail "pack of the wrongly declared letter: exit status"
grep -q "wrong-declaration.xml:[0-9]*: byte [0-9]*: error" "$work/out" || fail "pack of the wrongly declared letter: message: $(cat "$work/out")"
[ ! -e "$work/refused" ] || fail "pack of the wrongly declared letter wrote a tree"

# Ingest files the documents as they came (UTF-16 included: it is recognised as XML).
mkdir -p "$work/in"
cp "$data/shift_jis.xml" "$data/utf16be.xml" "$work/in/"
"$ssmix" ingest --storage "$work/storage" --extended "$work/extended" "$work/in" >"$work/ingest.out" 2>&1 \
  || fail "ingest: exit status: $(cat "$work/ingest.out")"
for name in shift_jis utf16be; do
  stored=$(find "$work/extended" -type f -name 'main_document.xml' -exec cmp -s {} "$data/$name.xml" \; -print | head -1)
  [ -n "$stored" ] || fail "ingest: $name.xml is not in the extended storage byte for byte"
done

[ "$failures" = 0 ] && echo "cda encodings: all passed"
exit $((failures > 0))
