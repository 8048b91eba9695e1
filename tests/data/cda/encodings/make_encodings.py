#!/usr/bin/python3
"""Writes the encoded letters in this folder from tests/data/cda/jp-referral.xml, with Python's
own codecs as the independent oracle for core/text's decoders. Run from the repository root:

    tests/data/cda/encodings/make_encodings.py

letter.utf8.xml          the referral plus a paragraph of half-width katakana and JIS-only signs
                         (〜 U+301C, − U+2212): what Shift_JIS, EUC-JP and ISO-2022-JP can hold
letter-windows.utf8.xml  the same with CP932's signs (～ U+FF5E, － U+FF0D) and a paragraph of
                         CP932-only characters (① ㈱ 髙 﨑 ⅰ ...): what Windows-31J and UTF-16 hold
Each encoded file decodes (by Python) back to its source, whose declaration says UTF-8; errors.tsv
lists the files that must be refused, with the byte offset Python's decoder stops at.
"""
import pathlib

here = pathlib.Path(__file__).resolve().parent
source = (here.parent / "jp-referral.xml").read_text(encoding="utf-8")
anchor = "<text><paragraph>上腹部痛の精査と"
assert anchor in source

jis_paragraph = "<paragraph>ﾊﾝｶｸ ｶﾀｶﾅ ﾃﾞｽ｡ ﾊﾟﾝ ｳﾞｧ 服薬は 1日3回 〜 5日間、体温 −1.5℃。</paragraph>\n        "
windows_paragraph = jis_paragraph.replace("〜", "～").replace("−", "－")
cp932_paragraph = "<paragraph>①②⑳ Ⅳ ⅰⅱ ㈱㈲ ㍻ № ℡ ∵ ≒ 髙橋 﨑 德 𠮷以外 ￢ ￤</paragraph>\n        "
cp932_paragraph = cp932_paragraph.replace(" 𠮷以外", "")   # outside CP932 altogether


def with_paragraphs(*paragraphs):
    return source.replace(anchor, "<text>" + "".join(paragraphs) + anchor[len("<text>"):])


letter = with_paragraphs(jis_paragraph)
letter_windows = with_paragraphs(windows_paragraph, cp932_paragraph)
declaration = '<?xml version="1.0" encoding="UTF-8"?>'
assert letter.startswith(declaration)


def declared(text, label):
    return text.replace(declaration, '<?xml version="1.0" encoding="%s"?>' % label, 1)


def ibm_cp932(text):
    """CP932 as Windows writes it: kanji of the IBM extensions as 0xFA40-0xFC4B, which Python's
    encoder never picks (it takes the NEC-selected 0xED40-0xEEFC)."""
    ibm = {}
    for lead in (0xFA, 0xFB, 0xFC):
        for trail in list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)):
            code = bytes([lead, trail])
            if code > b"\xfc\x4b":
                break
            ibm.setdefault(code.decode("cp932"), code)
    out = b"".join(ibm[c] if c in ibm and ord(c) >= 0x4E00 else c.encode("cp932") for c in text)
    assert b"\xfb\xfc" in out and b"\xfa\xb1" in out   # 髙 and 﨑 by their IBM codes
    return out


files = {
    "letter.utf8.xml": letter.encode("utf-8"),
    "letter-windows.utf8.xml": letter_windows.encode("utf-8"),
    "shift_jis.xml": declared(letter, "Shift_JIS").encode("shift_jis"),
    "euc_jp.xml": declared(letter, "EUC-JP").encode("euc_jp"),
    "iso2022_jp.xml": declared(letter, "ISO-2022-JP").encode("iso2022_jp_ext"),   # ESC ( I for half-width kana
    "windows-31j.xml": declared(letter_windows, "Windows-31J").encode("cp932"),
    "cp932-ibm.xml": ibm_cp932(declared(letter_windows, "CP932")),
    "utf16le.xml": b"\xff\xfe" + declared(letter_windows, "UTF-16").encode("utf-16-le"),
    "utf16be.xml": b"\xfe\xff" + declared(letter_windows, "UTF-16").encode("utf-16-be"),
    # Refused: EUC-JP bytes that say Shift_JIS, and Shift_JIS bytes that say nothing.
    "wrong-declaration.xml": declared(letter, "Shift_JIS").encode("euc_jp"),
    "undeclared.xml": letter.replace(declaration, '<?xml version="1.0"?>', 1).encode("shift_jis"),
}

# The oracle: each accepted file decodes back to its source (declaration aside).
oracle = {"shift_jis.xml": ("shift_jis", letter, "Shift_JIS"), "euc_jp.xml": ("euc_jp", letter, "EUC-JP"),
          "iso2022_jp.xml": ("iso2022_jp_ext", letter, "ISO-2022-JP"),
          "windows-31j.xml": ("cp932", letter_windows, "Windows-31J"), "cp932-ibm.xml": ("cp932", letter_windows, "CP932"),
          "utf16le.xml": ("utf-16", letter_windows, "UTF-16"), "utf16be.xml": ("utf-16", letter_windows, "UTF-16")}
for name, (codec, text, label) in oracle.items():
    assert files[name].decode(codec) == declared(text, label), name


def first_failure(data, codec):
    try:
        data.decode(codec)
    except UnicodeDecodeError as e:
        return e.start
    raise AssertionError("decodes as " + codec)


# Shift_JIS is read as its superset CP932 (as Windows writes it under that name), so CP932 says
# where it fails: Python's shift_jis stops earlier, at a CP932 user-defined character.
wrong = first_failure(files["wrong-declaration.xml"], "cp932")
errors = [("wrong-declaration.xml", "xml.encoding.invalid", wrong),
          ("undeclared.xml", "xml.encoding.undeclared", first_failure(files["undeclared.xml"], "utf-8"))]

for name, data in files.items():
    (here / name).write_bytes(data)
with open(here / "errors.tsv", "w", encoding="utf-8") as out:
    out.write("# file\tdiagnostic code\tbyte offset of the first byte that does not decode (Python's codecs)\n")
    for row in errors:
        out.write("%s\t%s\t%d\n" % row)
